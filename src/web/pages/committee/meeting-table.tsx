import { Empty, Space, Table, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { MeetingSummary } from "../../api/meetings";
import { formatBeijing } from "../../components/format";
import { meetingUrl } from "./committee-nav";
import { MeetingStatusTag, useMeetingNames } from "./status-tags";

/** Beijing time to the minute, as meetings are planned: 2026-03-10 09:00. */
export function minuteOf(iso: string | null | undefined): string {
  return iso ? formatBeijing(iso).slice(0, 16) : "—";
}

/** The meetings as a table: name, kind and article, when and where, status, minutes number; a row opens it. */
export function MeetingTable({
  items,
  loading,
  empty,
}: {
  items: readonly MeetingSummary[];
  loading?: boolean;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const names = useMeetingNames();
  return (
    <div data-testid="meeting-list">
      <Table<MeetingSummary>
        rowKey="id"
        loading={loading}
        dataSource={[...items]}
        pagination={false}
        scroll={{ x: 880 }}
        onRow={(m) => ({ onClick: () => void navigate(meetingUrl(m.id)), className: "clickable-row" })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        columns={[
          {
            key: "title",
            title: t("committee.fields.title"),
            render: (_, m) => (
              <Space orientation="vertical" size={0}>
                <Link to={meetingUrl(m.id)} onClick={(event) => event.stopPropagation()}>
                  {m.title}
                </Link>
                <Typography.Text type="secondary" className="bearer-note">
                  {`${names.kind(m.kind)} · ${m.citation}`}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "plannedAt",
            title: t("committee.fields.plannedAt"),
            width: 150,
            render: (_, m) => <span className="nowrap">{minuteOf(m.heldAt ?? m.plannedAt)}</span>,
          },
          { key: "place", title: t("committee.fields.place"), width: 170, render: (_, m) => m.place },
          {
            key: "status",
            title: t("committee.fields.status"),
            width: 130,
            render: (_, m) => <MeetingStatusTag status={m.status} />,
          },
          {
            key: "minutesNumber",
            title: t("committee.fields.minutesNumber"),
            width: 160,
            render: (_, m) => <span className="nowrap">{m.minutesNumber ?? "—"}</span>,
          },
        ]}
      />
    </div>
  );
}

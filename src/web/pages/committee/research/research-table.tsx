import { Empty, Space, Table, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ResearchSummary } from "../../../api/research";
import { ResearchStatusTag, researchUrl } from "./research-names";

/** The topics as a table: title and lead, the lead's unit, the planned period, status, findings, when concluded. */
export function ResearchTable({
  items,
  loading,
  empty,
}: {
  items: readonly ResearchSummary[];
  loading?: boolean;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="research-list">
      <Table<ResearchSummary>
        rowKey="id"
        loading={loading}
        dataSource={[...items]}
        pagination={false}
        scroll={{ x: 960 }}
        onRow={(r) => ({ onClick: () => void navigate(researchUrl(r.id)), className: "clickable-row" })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        columns={[
          {
            key: "title",
            title: t("research.fields.title"),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={researchUrl(r.id)} onClick={(event) => event.stopPropagation()}>
                  {r.title}
                </Link>
                <Typography.Text type="secondary" className="bearer-note">
                  {t("research.detail.ledBy", { name: r.lead.name })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "unit",
            title: t("research.fields.leadUnit"),
            width: 160,
            render: (_, r) => r.lead.unitName ?? "—",
          },
          { key: "year", title: t("research.fields.year"), width: 70, render: (_, r) => r.year },
          {
            key: "period",
            title: t("research.fields.period"),
            width: 200,
            render: (_, r) => (
              <span className="nowrap">
                {t("research.detail.planPeriod", { from: r.planStartsOn, to: r.planEndsOn })}
              </span>
            ),
          },
          {
            key: "status",
            title: t("research.fields.status"),
            width: 140,
            render: (_, r) => <ResearchStatusTag status={r.status} />,
          },
          {
            key: "findings",
            title: t("research.fields.findings"),
            width: 90,
            align: "right",
            render: (_, r) => r.findingCount,
          },
          {
            key: "concludedOn",
            title: t("research.fields.concludedOn"),
            width: 110,
            render: (_, r) => <span className="nowrap">{r.concludedOn ?? "—"}</span>,
          },
        ]}
      />
    </div>
  );
}

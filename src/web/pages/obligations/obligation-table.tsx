import { Empty, Space, Table, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ObligationSummary } from "../../api/obligations";
import { formatBeijing } from "../../components/format";
import { StatusTag } from "./status";

/** When it falls due: the day, or for an event's deadline the minute (北京时间). */
export function dueText(o: Pick<ObligationSummary, "dueOn" | "dueAt">): string {
  if (o.dueAt) return formatBeijing(o.dueAt).slice(0, 16);
  return o.dueOn ?? "—";
}

/**
 * The obligations as a table: citation, duty, who bears it (and in which unit), period, due date and status; a row
 * opens the obligation.
 */
export function ObligationTable({
  items,
  loading,
  empty,
  compact = false,
  pageSize,
  testId,
}: {
  items: readonly ObligationSummary[];
  loading?: boolean;
  empty: ReactNode;
  /** Fewer columns, for a card beside others. */
  compact?: boolean;
  /** Pages of this many rows, for a list shown whole (the keyset lists load more instead). */
  pageSize?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid={testId}>
      <Table<ObligationSummary>
        rowKey="id"
        size={compact ? "small" : "middle"}
        loading={loading}
        dataSource={[...items]}
        pagination={pageSize ? { pageSize, hideOnSinglePage: true, showSizeChanger: false } : false}
        scroll={{ x: compact ? 640 : 900 }}
        onRow={(o) => ({ onClick: () => void navigate(`/obligations/${o.id}`), className: "clickable-row" })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        columns={[
          { key: "citation", title: t("obligations.fields.citation"), width: 120, render: (_, o) => o.citation },
          {
            key: "duty",
            title: t("obligations.fields.duty"),
            render: (_, o) => (
              <Link to={`/obligations/${o.id}`} onClick={(event) => event.stopPropagation()}>
                {o.duty}
              </Link>
            ),
          },
          {
            key: "bearer",
            title: t("obligations.fields.bearer"),
            width: compact ? 150 : 190,
            render: (_, o) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{o.bearer}</Typography.Text>
                <Typography.Text type="secondary" className="bearer-note">
                  {/* A unit bears its own duties: its name is said once. */}
                  {o.bearer === o.unit.name || compact ? o.bearerRoleName : `${o.bearerRoleName} · ${o.unit.name}`}
                </Typography.Text>
              </Space>
            ),
          },
          ...(compact
            ? []
            : [
                {
                  key: "period",
                  title: t("obligations.fields.period"),
                  width: 130,
                  render: (_: unknown, o: ObligationSummary) => o.period,
                },
              ]),
          {
            key: "due",
            title: t("obligations.fields.due"),
            width: 110,
            render: (_, o) => <span className="nowrap">{dueText(o)}</span>,
          },
          {
            key: "status",
            title: t("obligations.fields.status"),
            width: 110,
            render: (_, o) => (
              <Space orientation="vertical" size={0}>
                <StatusTag status={o.status} name={o.statusName} />
                {o.escalationLevel > 0 && (
                  <Typography.Text type="danger" className="escalated-note">
                    {t("obligations.escalated", { level: o.escalationLevel })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

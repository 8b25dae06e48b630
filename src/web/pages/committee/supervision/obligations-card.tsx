import { Card, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ObligationStatus } from "../../../api/obligations";
import type { YearDischarge } from "../../../api/supervision";
import { OBLIGATION_STATUSES, StatusTag } from "../../obligations/status";

/**
 * The year's duties these records discharge (履职事项): the approved plan, the completed supervision, the approved
 * assessment and summary each fulfil one, at once.
 */
export function ObligationsCard({ obligations }: { obligations: readonly YearDischarge[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("committee.supervision.obligations.title")} className="stack-card" data-testid="year-obligations">
      <Typography.Paragraph type="secondary">{t("committee.supervision.obligations.intro")}</Typography.Paragraph>
      <Table<YearDischarge>
        rowKey="obligationId"
        size="small"
        dataSource={[...obligations]}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t("committee.supervision.obligations.empty") }}
        columns={[
          { key: "citation", title: t("obligations.fields.citation"), width: 150, render: (_, o) => o.citation },
          {
            key: "title",
            title: t("obligations.fields.duty"),
            render: (_, o) => <Link to={`/obligations/${encodeURIComponent(o.obligationId)}`}>{o.title}</Link>,
          },
          { key: "period", title: t("obligations.fields.period"), width: 150, render: (_, o) => o.period },
          {
            key: "due",
            title: t("committee.supervision.obligations.dueOn"),
            width: 110,
            render: (_, o) => <span className="nowrap">{o.dueOn ?? "—"}</span>,
          },
          {
            key: "state",
            title: t("obligations.fields.status"),
            width: 110,
            // The server sends the stored state, not the status of the day: an open duty may be overdue, so it is
            // named "not fulfilled" rather than "not yet due".
            render: (_, o) =>
              o.state === "open" ? (
                <Tag className="status-tag">{t("committee.supervision.obligations.open")}</Tag>
              ) : OBLIGATION_STATUSES.includes(o.state as ObligationStatus) ? (
                <StatusTag status={o.state as ObligationStatus} />
              ) : (
                o.state
              ),
          },
        ]}
      />
    </Card>
  );
}

import { Card, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ObligationStatus } from "../../api/obligations";
import type { ReportDischarge, ReportView } from "../../api/reports";
import { OBLIGATION_STATUSES, StatusTag } from "../obligations/status";

/** The obligations this report discharges (履职事项): fulfilled when the office records it as sent. */
export function DischargesCard({ report: r }: { report: ReportView }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t("reports.discharges.title")}
      className="stack-card"
      size="small"
      data-testid="report-discharges"
      extra={r.status === "submitted" ? undefined : <Tag>{t("reports.discharges.whenSubmitted")}</Tag>}
    >
      <Table<ReportDischarge>
        rowKey="obligationId"
        size="small"
        dataSource={r.obligations}
        pagination={false}
        locale={{ emptyText: t("reports.discharges.empty") }}
        columns={[
          {
            key: "title",
            title: t("obligations.fields.duty"),
            render: (_, o) => (
              <>
                <Link to={`/obligations/${encodeURIComponent(o.obligationId)}`}>{o.title}</Link>
                <div className="bearer-note">{o.period}</div>
              </>
            ),
          },
          {
            key: "state",
            title: t("obligations.fields.status"),
            width: 96,
            render: (_, o) =>
              OBLIGATION_STATUSES.includes(o.state as ObligationStatus) ? (
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

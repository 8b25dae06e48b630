import { Card, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Discharge, MeetingView } from "../../api/meetings";
import type { ObligationStatus } from "../../api/obligations";
import { OBLIGATION_STATUSES, StatusTag } from "../obligations/status";

/** The obligations this meeting discharges (履职事项), or will once its minutes are signed. */
export function DischargesCard({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  if (m.obligations.length === 0) return null;
  return (
    <Card
      title={t("committee.discharges.title")}
      className="stack-card"
      data-testid="discharges"
      extra={m.status === "signed" ? undefined : <Tag>{t("committee.discharges.whenSigned")}</Tag>}
    >
      <Table<Discharge>
        rowKey="obligationId"
        size="small"
        dataSource={m.obligations}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { key: "citation", title: t("obligations.fields.citation"), width: 150, render: (_, o) => o.citation },
          {
            key: "title",
            title: t("obligations.fields.duty"),
            render: (_, o) => <Link to={`/obligations/${encodeURIComponent(o.obligationId)}`}>{o.title}</Link>,
          },
          { key: "period", title: t("obligations.fields.period"), width: 160, render: (_, o) => o.period },
          {
            key: "state",
            title: t("obligations.fields.status"),
            width: 120,
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

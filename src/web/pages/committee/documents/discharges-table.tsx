import { Card, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ObligationStatus } from "../../../api/obligations";
import { OBLIGATION_STATUSES, StatusTag } from "../../obligations/status";

interface Discharge {
  obligationId: string;
  title: string;
  citation: string;
  period: string;
  state: string;
}

/** The obligations a record raised or discharged (履职事项), each linking to its page. */
export function DischargesCard({
  title,
  items,
  testId,
}: {
  title: string;
  items: readonly Discharge[];
  testId: string;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Card title={title} className="stack-card" data-testid={testId}>
      <Table<Discharge>
        rowKey="obligationId"
        size="small"
        dataSource={[...items]}
        pagination={false}
        scroll={{ x: 320 }}
        columns={[
          {
            key: "title",
            title: t("obligations.fields.duty"),
            render: (_, o) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/obligations/${encodeURIComponent(o.obligationId)}`}>{o.title}</Link>
                <Typography.Text type="secondary" className="bearer-note">
                  {o.citation} · {o.period}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "state",
            title: t("obligations.fields.status"),
            width: 110,
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

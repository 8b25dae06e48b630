import { Card, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Discharge } from "../../api/obligations";
import { StatusTag } from "./status";

export interface DischargesCardProps {
  obligations: readonly Discharge[];
  title: ReactNode;
  testId: string;
  /** While the record is not final, when it will discharge them ("纪要签发后落实"). */
  pending?: string;
  intro?: string;
  /** Without it, a record that serves no obligation shows no card. */
  empty?: string;
  /** In a side column: the article, period and due day under the duty instead of in columns of their own. */
  compact?: boolean;
}

/**
 * The obligations a record discharges (履职事项), on every record's page: the article, the duty (to its page), the
 * period, the due day and the status of the day as the obligations list judges it.
 */
export function DischargesCard(props: DischargesCardProps) {
  const { obligations, title, testId, pending, intro, empty, compact } = props;
  const { t } = useTranslation();
  if (obligations.length === 0 && empty === undefined) return null;
  const duty = (o: Discharge) => <Link to={`/obligations/${encodeURIComponent(o.obligationId)}`}>{o.title}</Link>;
  const status = {
    key: "status",
    title: t("obligations.fields.status"),
    width: 100,
    render: (_: unknown, o: Discharge) => <StatusTag status={o.status} />,
  };
  return (
    <Card title={title} className="stack-card" data-testid={testId} extra={pending ? <Tag>{pending}</Tag> : undefined}>
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      <Table<Discharge>
        rowKey="obligationId"
        size="small"
        dataSource={[...obligations]}
        pagination={false}
        scroll={compact ? undefined : { x: 720 }}
        locale={empty === undefined ? undefined : { emptyText: empty }}
        columns={
          compact
            ? [
                {
                  key: "title",
                  title: t("obligations.fields.duty"),
                  render: (_, o) => (
                    <>
                      {duty(o)}
                      <div className="bearer-note">
                        {[o.citation, o.period, o.dueOn && t("obligations.fields.dueOn", { due: o.dueOn })]
                          .filter(Boolean)
                          .join(" · ")}
                      </div>
                    </>
                  ),
                },
                status,
              ]
            : [
                { key: "citation", title: t("obligations.fields.citation"), width: 150, render: (_, o) => o.citation },
                { key: "title", title: t("obligations.fields.duty"), render: (_, o) => duty(o) },
                { key: "period", title: t("obligations.fields.period"), width: 170, render: (_, o) => o.period },
                {
                  key: "due",
                  title: t("obligations.fields.due"),
                  width: 110,
                  render: (_, o) => <span className="nowrap">{o.dueOn ?? "—"}</span>,
                },
                status,
              ]
        }
      />
    </Card>
  );
}

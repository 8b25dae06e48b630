import { Card, Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ObligationView } from "../../api/obligations";
import { formatBeijing } from "../../components/format";
import { dueText } from "./obligation-table";
import { StatusTag } from "./status";

/** What is asked and by which words of the rules, when, how it is discharged, and how it was closed. */
export function ObligationFacts({ obligation: o }: { obligation: ObligationView }) {
  const { t } = useTranslation();
  const closed = o.closedAt !== null;
  return (
    <Card title={t("obligations.detail.facts")} className="stack-card" data-testid="obligation-facts">
      <blockquote className="article-quote" data-testid="obligation-provision">
        <Typography.Text strong>{o.citation}</Typography.Text> {o.provision}
      </blockquote>
      <Descriptions
        className="facts"
        column={{ xs: 1, sm: 1, md: 2 }}
        size="small"
        bordered
        items={[
          { key: "duty", label: t("obligations.fields.duty"), span: "filled", children: o.duty },
          { key: "citation", label: t("obligations.fields.citation"), children: o.citation },
          { key: "cadence", label: t("obligations.fields.cadence"), children: o.cadence },
          {
            key: "bearer",
            label: t("obligations.fields.bearer"),
            children:
              o.bearerRoleName === o.bearer
                ? o.bearer
                : t("obligations.detail.bearerAs", { bearer: o.bearer, role: o.bearerRoleName }),
          },
          { key: "unit", label: t("obligations.fields.unit"), children: o.unit.name },
          { key: "period", label: t("obligations.fields.period"), children: o.period },
          {
            key: "span",
            label: t("obligations.fields.span"),
            children: o.dueOn ? t("obligations.detail.span", { from: o.startsOn, to: o.dueOn }) : o.startsOn,
          },
          { key: "due", label: t("obligations.fields.due"), children: dueText(o) },
          {
            key: "status",
            label: t("obligations.fields.status"),
            children: <StatusTag status={o.status} name={o.statusName} />,
          },
          { key: "discharge", label: t("obligations.fields.discharge"), span: "filled", children: o.discharge },
          ...(o.record
            ? [
                {
                  key: "record",
                  label: t("obligations.fields.record"),
                  children:
                    o.record.kind === "evidence" ? (
                      t("obligations.detail.recordEvidence")
                    ) : (
                      <span className="mono">{`${o.record.kind} · ${o.record.id}`}</span>
                    ),
                },
              ]
            : []),
          ...(o.escalationLevel > 0
            ? [
                {
                  key: "escalation",
                  label: t("obligations.fields.escalation"),
                  children: (
                    <Typography.Text type="danger">
                      {t("obligations.escalated", { level: o.escalationLevel })}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
          ...(closed
            ? [
                {
                  key: "closed",
                  label: t("obligations.fields.closed"),
                  children: o.closedBy
                    ? t("obligations.detail.closedBy", { at: formatBeijing(o.closedAt), by: o.closedBy })
                    : formatBeijing(o.closedAt),
                },
              ]
            : []),
          ...(o.waiveReason
            ? [
                {
                  key: "waiveReason",
                  label: t("obligations.fields.waiveReason"),
                  span: "filled" as const,
                  children: <span data-testid="waive-reason">{o.waiveReason}</span>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PlanView as Plan } from "../../../api/supervision";
import { PlanItemsTable } from "./plan-items-table";

/** The plan as drafted or approved: title, text, and its tasks with their tracked progress. */
export function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <div data-testid="plan-view">
      <Typography.Title level={5} className="record-title">
        {plan.title}
      </Typography.Title>
      <div className="record-text">{plan.body}</div>
      <Typography.Title level={5} className="section-title">
        {t("committee.supervision.plan.items")}
      </Typography.Title>
      <PlanItemsTable items={plan.items} approved={plan.status === "approved"} />
    </div>
  );
}

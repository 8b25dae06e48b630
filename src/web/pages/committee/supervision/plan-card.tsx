import { CopyOutlined } from "@ant-design/icons";
import { Button, Empty, Popconfirm } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../api/error-message";
import { type RollForwardResult, type SupervisionYear, useRollForward } from "../../../api/supervision";
import { ApprovalPanel } from "./approval-panel";
import { PlanEditor } from "./plan-editor";
import { PlanView } from "./plan-view";
import { ProblemAlert } from "./problem-alert";
import { RollForwardResultView } from "./roll-forward-result";
import { StageCard } from "./stage-card";

/**
 * 年初 制定年度保密工作计划: the office drafts it (or starts from last year's, 沿用上年计划), the director approves it;
 * its tasks then become tracked tasks whose progress shows here.
 */
export function PlanCard({ year: y }: { year: SupervisionYear }) {
  const { t } = useTranslation();
  const rollForward = useRollForward(y.year);
  const [rolled, setRolled] = useState<RollForwardResult | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const plan = y.plan;
  const editing = y.abilities.manage && plan?.status !== "approved";

  const roll = () => {
    setRefused(null);
    rollForward.mutate(undefined, {
      onSuccess: setRolled,
      onError: (error) => setRefused(errorMessage(error, t)),
    });
  };

  return (
    <StageCard
      stage="plan"
      state={plan?.status ?? "none"}
      extra={
        y.abilities.manage &&
        !plan && (
          <Popconfirm
            title={t("committee.supervision.rollForward.confirmTitle", { from: y.year - 1 })}
            description={<div className="confirm-body">{t("committee.supervision.rollForward.confirmBody")}</div>}
            okText={t("committee.supervision.rollForward.ok")}
            onConfirm={roll}
          >
            <Button icon={<CopyOutlined />} loading={rollForward.isPending}>
              {t("committee.supervision.rollForward.open")}
            </Button>
          </Popconfirm>
        )
      }
    >
      <ProblemAlert problem={refused} stale={false} onClose={() => setRefused(null)} />
      {rolled && <RollForwardResultView year={y.year} result={rolled} onClose={() => setRolled(null)} />}
      {editing ? (
        // A plan rolled forward arrives with a new id: the form starts again from it.
        <PlanEditor key={plan?.id ?? "new"} year={y} />
      ) : plan ? (
        <PlanView plan={plan} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.supervision.plan.none")} />
      )}
      {plan && <ApprovalPanel year={y} record="plan" />}
    </StageCard>
  );
}

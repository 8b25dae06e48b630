import { Card, Steps, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { SupervisionYear } from "../../../api/supervision";
import { STAGES, type Stage, stageAnchor } from "./stage-card";
import type { StageState } from "./stage-tag";

/** Where each of the year's records stands. */
export function stageStates(y: SupervisionYear): Record<Stage, StageState> {
  return {
    plan: y.plan?.status ?? "none",
    supervision: y.supervision?.status ?? "none",
    assessment: y.assessment ? (y.assessment.status === "draft" ? "scoring" : "approved") : "none",
    summary: y.summary?.status ?? "none",
  };
}

const DONE: readonly StageState[] = ["approved", "completed"];

/**
 * The year at a glance: 年初 plan, 年中 supervision, 年底 assessment and summary, each done, under way or not begun.
 * A step scrolls to its card.
 */
export function YearSteps({ year: y }: { year: SupervisionYear }) {
  const { t } = useTranslation();
  const states = stageStates(y);
  const next = STAGES.findIndex((stage) => !DONE.includes(states[stage]));
  const detail: Record<Stage, string | undefined> = {
    plan: y.plan ? t("committee.supervision.steps.items", { count: y.plan.items.length }) : undefined,
    supervision: y.supervision
      ? t("committee.supervision.steps.notes", { count: y.supervision.notes.length })
      : undefined,
    assessment: y.assessment
      ? t("committee.supervision.steps.scored", {
          scored: y.assessment.scores.length,
          total: y.assessment.scores.length + y.assessment.unscored.length,
        })
      : undefined,
    summary: undefined,
  };
  return (
    <Card className="stack-card" size="small">
      <Typography.Text type="secondary" className="year-caption" data-testid="year-caption">
        {t("committee.supervision.caption", { institution: y.institution.name, year: y.year, citation: y.citation })}
      </Typography.Text>
      <Steps
        className="year-steps"
        size="small"
        current={next === -1 ? STAGES.length : next}
        onChange={(index) => {
          const stage = STAGES[index];
          if (stage) document.getElementById(stageAnchor(stage))?.scrollIntoView({ behavior: "smooth" });
        }}
        items={STAGES.map((stage) => ({
          title: `${t(`committee.supervision.stages.${stage}.when`)} · ${t(`committee.supervision.stages.${stage}.short`)}`,
          status: DONE.includes(states[stage]) ? "finish" : states[stage] === "none" ? "wait" : "process",
          content: [t(`committee.supervision.states.${states[stage]}`), detail[stage]].filter(Boolean).join(" · "),
        }))}
      />
    </Card>
  );
}

import type { SupervisionYear } from "../../../api/supervision";
import { AssessmentCard } from "./assessment-card";
import { ObligationsCard } from "./obligations-card";
import { PlanCard } from "./plan-card";
import { SummaryCard } from "./summary-card";
import { SupervisionCard } from "./supervision-card";
import { YearSteps } from "./year-steps";

/** A year of supervision: where each step stands, the four steps in the year's order, and the duties they discharge. */
export function SupervisionYearView({ year: y }: { year: SupervisionYear }) {
  return (
    <>
      <YearSteps year={y} />
      <PlanCard year={y} />
      <SupervisionCard year={y} />
      <AssessmentCard year={y} />
      <SummaryCard year={y} />
      <ObligationsCard obligations={y.obligations} />
    </>
  );
}

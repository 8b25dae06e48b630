import { useTranslation } from "react-i18next";
import type { SupervisionYear } from "../../../api/supervision";
import { DischargesCard } from "../../obligations/discharges-card";
import { AssessmentCard } from "./assessment-card";
import { PlanCard } from "./plan-card";
import { SummaryCard } from "./summary-card";
import { SupervisionCard } from "./supervision-card";
import { YearSteps } from "./year-steps";

/** A year of supervision: where each step stands, the four steps in the year's order, and the duties they discharge. */
export function SupervisionYearView({ year: y }: { year: SupervisionYear }) {
  const { t } = useTranslation();
  return (
    <>
      <YearSteps year={y} />
      <PlanCard year={y} />
      <SupervisionCard year={y} />
      <AssessmentCard year={y} />
      <SummaryCard year={y} />
      <DischargesCard
        obligations={y.obligations}
        title={t("committee.supervision.obligations.title")}
        testId="year-obligations"
        intro={t("committee.supervision.obligations.intro")}
        empty={t("committee.supervision.obligations.empty")}
      />
    </>
  );
}

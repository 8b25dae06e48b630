import { Row } from "antd";
import { useTranslation } from "react-i18next";
import type { FindingFilters } from "../../api/inspections";
import type { FindingStatistics } from "../../api/inspection-statistics";
import { percent } from "../../components/chart-options";
import { KpiCard } from "../../components/dashboard-parts";
import { FINDING_COLOURS } from "./statistics-charts";

interface Kpi {
  key: "total" | "open" | "submitted" | "overdue" | "rate" | "onTime" | "days" | "repeats";
  value: string | number;
  note: string;
  /** The findings list filter the figure opens; none: the figure is not a list (a rate of time, repeats). */
  drill?: FindingFilters;
  colour?: string;
}

/** The findings in eight figures, each that counts a list opening it. */
export function StatisticsKpis({
  totals,
  onOpen,
}: {
  totals: FindingStatistics["totals"];
  onOpen: (filters: FindingFilters) => void;
}) {
  const { t } = useTranslation();
  const days = (value: number | null) =>
    value === null ? "—" : t("inspections.statistics.kpi.daysValue", { days: value });
  const kpis: Kpi[] = [
    { key: "total", value: totals.total, note: t("inspections.statistics.kpi.totalNote"), drill: {} },
    {
      key: "open",
      value: totals.open,
      note: t("inspections.statistics.kpi.openNote"),
      drill: { status: "open" },
      colour: FINDING_COLOURS.open,
    },
    {
      key: "submitted",
      value: totals.submitted,
      note: t("inspections.statistics.kpi.submittedNote"),
      drill: { status: "submitted" },
      colour: FINDING_COLOURS.submitted,
    },
    {
      key: "overdue",
      value: totals.overdue,
      note: t("inspections.statistics.kpi.overdueNote"),
      drill: { overdue: "true" },
      colour: FINDING_COLOURS.overdue,
    },
    {
      key: "rate",
      value: percent(totals.rate),
      note: t("inspections.statistics.kpi.rateNote", { closed: totals.closed, total: totals.total }),
      drill: { status: "closed" },
      colour: FINDING_COLOURS.closed,
    },
    {
      key: "onTime",
      value: percent(totals.onTimeRate),
      note: t("inspections.statistics.kpi.onTimeNote", { onTime: totals.closedOnTime, closed: totals.closed }),
    },
    {
      key: "days",
      value: days(totals.daysToClose.median),
      note: t("inspections.statistics.kpi.daysNote", { mean: days(totals.daysToClose.mean) }),
    },
    {
      key: "repeats",
      value: totals.repeats,
      note: t("inspections.statistics.kpi.repeatsNote", { rate: percent(totals.repeatRate) }),
    },
  ];
  return (
    <Row gutter={[16, 16]} className="kpi-row">
      {kpis.map((kpi) => {
        const drill = kpi.drill;
        return (
          <KpiCard
            key={kpi.key}
            testId={`finding-kpi-${kpi.key}`}
            title={t(`inspections.statistics.kpi.${kpi.key}`)}
            value={kpi.value}
            note={kpi.note}
            colour={kpi.colour}
            onOpen={drill ? () => onOpen(drill) : undefined}
          />
        );
      })}
    </Row>
  );
}

import type { EChartsCoreOption } from "echarts/core";
import type { FindingTally } from "../../api/inspection-statistics";
import { horizontalBarOption, percent, rateTrendOption, ringOption, stackedBar } from "../../components/chart-options";

/** The states a tally's bar is stacked from, bottom first: what is closed, then awaiting verification, then open. */
export const FINDING_PARTS = ["closed", "submitted", "open"] as const;
export type FindingPart = (typeof FINDING_PARTS)[number];

export const FINDING_COLOURS: Record<FindingPart | "overdue", string> = {
  closed: "#389e0d",
  submitted: "#fa8c16",
  open: "#1e4fa3",
  overdue: "#e53935",
};

const SEVERITY_COLOURS: Record<string, string> = { minor: "#91caff", major: "#fa8c16", serious: "#e53935" };

export interface ChartLabels {
  part: (part: FindingPart) => string;
  overdue: string;
  rate: string;
  total: string;
}

/**
 * Horizontal bars, one per tally (a category, a unit): closed, awaiting verification and open stacked, and beside them
 * a thin red bar of the overdue ones (a part of those not closed); the tooltip adds the rate.
 */
export function tallyBarOption(tallies: readonly FindingTally[], labels: ChartLabels): EChartsCoreOption {
  return horizontalBarOption(tallies, {
    legend: [...FINDING_PARTS.map(labels.part), labels.overdue],
    lines: (tally) => [
      `${labels.total}：${tally.total}`,
      `${labels.rate}：${percent(tally.rate)}`,
      ...FINDING_PARTS.map((p) => `${labels.part(p)}：${tally[p]}`),
      `${labels.overdue}：${tally.overdue}`,
    ],
    series: [
      ...FINDING_PARTS.map((part) =>
        stackedBar(
          labels.part(part),
          FINDING_COLOURS[part],
          tallies.map((t) => t[part]),
          16,
        ),
      ),
      {
        name: labels.overdue,
        type: "bar",
        barMaxWidth: 6,
        barGap: "10%",
        itemStyle: { color: FINDING_COLOURS.overdue },
        emphasis: { focus: "series" },
        data: tallies.map((t) => t.overdue),
      },
    ],
  });
}

/** The findings list filter of the bar a click landed on: a state of the stack, or the overdue bar beside it. */
export function partAt(seriesIndex: number | undefined): { status: FindingPart } | { overdue: "true" } | undefined {
  if (seriesIndex === undefined) return undefined;
  const part = FINDING_PARTS[seriesIndex];
  return part ? { status: part } : seriesIndex === FINDING_PARTS.length ? { overdue: "true" } : undefined;
}

/** The share of each severity, a slice each (the slice carries its severity for the click). */
export function severityPieOption(bySeverity: readonly FindingTally[]): EChartsCoreOption {
  return ringOption(
    bySeverity
      .filter((s) => s.total > 0)
      .map((s) => ({
        name: s.name,
        value: s.total,
        severity: s.key,
        itemStyle: { color: SEVERITY_COLOURS[s.key] ?? "#8c8c8c" },
      })),
  );
}

/** Across years: the rectification rate (line, left axis) over the number of findings (bars, right axis). */
export function trendOption(
  trend: readonly FindingTally[],
  labels: { rate: string; total: string },
): EChartsCoreOption {
  // Beside each point while they fit; with many years the tooltip carries them.
  return rateTrendOption(trend, labels, { colour: FINDING_COLOURS.closed, showRates: trend.length <= 6 });
}

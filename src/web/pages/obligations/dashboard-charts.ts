import type { EChartsCoreOption } from "echarts/core";
import type { DashboardView, ObligationStatus, Tally } from "../../api/obligations";
import { horizontalBarOption, percent, rateTrendOption, ringOption, stackedBar } from "../../components/chart-options";
import { STATUS_COLOURS } from "./status";

/** The parts a tally's bar is stacked from, bottom first: what is done, then what is late, then what is still ahead. */
export const TALLY_PARTS = [
  "fulfilled",
  "waived",
  "overdue",
  "dueSoon",
  "open",
] as const satisfies readonly ObligationStatus[];

function part(tally: Tally, status: (typeof TALLY_PARTS)[number]): number {
  if (status !== "open") return tally[status];
  return Math.max(0, tally.total - tally.fulfilled - tally.waived - tally.overdue - tally.dueSoon);
}

/**
 * Horizontal stacked bars, one per tally (a unit, a leader, an article): fulfilled and waived in green and grey,
 * overdue in red, due soon in orange, not yet due in blue; the tooltip adds the completion rate.
 */
export function tallyBarOption(
  tallies: readonly Tally[],
  statusName: (status: ObligationStatus) => string,
  rateLabel: string,
): EChartsCoreOption {
  return horizontalBarOption(tallies, {
    legend: TALLY_PARTS.map(statusName),
    lines: (tally) => [
      `${rateLabel}：${percent(tally.rate)}（${tally.total}）`,
      ...TALLY_PARTS.map((s) => `${statusName(s)}：${part(tally, s)}`),
    ],
    series: TALLY_PARTS.map((status) =>
      stackedBar(
        statusName(status),
        STATUS_COLOURS[status],
        tallies.map((t) => part(t, status)),
        20,
      ),
    ),
  });
}

/** The status of the stacked part a click landed on. */
export function partAt(seriesIndex: number | undefined): ObligationStatus | undefined {
  return seriesIndex === undefined ? undefined : TALLY_PARTS[seriesIndex];
}

/** The share of each status, a slice each, in the status colours. */
export function statusPieOption(byStatus: DashboardView["byStatus"]): EChartsCoreOption {
  return ringOption(
    byStatus
      .filter((s) => s.count > 0)
      .map((s) => ({ name: s.name, value: s.count, status: s.status, itemStyle: { color: STATUS_COLOURS[s.status] } })),
  );
}

/** Across years: the completion rate (line, left axis) over the number of obligations (bars, right axis). */
export function trendOption(trend: readonly Tally[], labels: { rate: string; total: string }): EChartsCoreOption {
  return rateTrendOption(trend, labels, { colour: STATUS_COLOURS.fulfilled, showRates: true });
}

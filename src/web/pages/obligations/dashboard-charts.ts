import type { EChartsCoreOption } from "echarts/core";
import type { DashboardView, ObligationStatus, Tally } from "../../api/obligations";
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

/** A rate 0–1 as a whole percentage. */
export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

// The category labels have a fixed band, so a bar's place on the canvas follows from its index alone.
export const BAR_GRID = { left: 132, right: 24, top: 40, bottom: 24 } as const;
const BAR_BAND = 30;

/** The height a horizontal bar chart of n categories needs. */
export function barChartHeight(n: number): number {
  return Math.max(200, n * BAR_BAND + BAR_GRID.top + BAR_GRID.bottom);
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
  return {
    grid: { ...BAR_GRID, containLabel: false },
    // One line of legend whatever the card's width (it pages instead of wrapping over the bars).
    legend: { top: 0, type: "scroll", data: TALLY_PARTS.map(statusName) },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: { dataIndex: number }[]) => {
        const tally = tallies[params[0]?.dataIndex ?? -1];
        if (!tally) return "";
        const lines = TALLY_PARTS.map((s) => `${statusName(s)}：${part(tally, s)}`);
        return [
          `<b>${escapeHtml(tally.name)}</b>`,
          `${rateLabel}：${percent(tally.rate)}（${tally.total}）`,
          ...lines,
        ].join("<br/>");
      },
    },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: {
      type: "category",
      inverse: true,
      data: tallies.map((t) => t.name),
      axisLabel: { width: BAR_GRID.left - 16, overflow: "truncate" },
    },
    series: TALLY_PARTS.map((status) => ({
      name: statusName(status),
      type: "bar",
      stack: "total",
      barMaxWidth: 20,
      itemStyle: { color: STATUS_COLOURS[status] },
      emphasis: { focus: "series" },
      data: tallies.map((t) => part(t, status)),
    })),
  };
}

/** The status of the stacked part a click landed on. */
export function partAt(seriesIndex: number | undefined): ObligationStatus | undefined {
  return seriesIndex === undefined ? undefined : TALLY_PARTS[seriesIndex];
}

/** The share of each status, a slice each, in the status colours: counts on the ring, names in the legend. */
export function statusPieOption(byStatus: DashboardView["byStatus"]): EChartsCoreOption {
  return {
    tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
    legend: { bottom: 0, type: "scroll" },
    series: [
      {
        type: "pie",
        radius: ["42%", "72%"],
        center: ["50%", "45%"],
        // Inside the ring: a narrow card has no room beside it for the names, which the legend carries.
        label: { position: "inside", formatter: "{c}", color: "#fff", fontWeight: "bold" },
        data: byStatus
          .filter((s) => s.count > 0)
          .map((s) => ({
            name: s.name,
            value: s.count,
            status: s.status,
            itemStyle: { color: STATUS_COLOURS[s.status] },
          })),
      },
    ],
  };
}

/** Across years: the completion rate (line, left axis) over the number of obligations (bars, right axis). */
export function trendOption(trend: readonly Tally[], labels: { rate: string; total: string }): EChartsCoreOption {
  return {
    grid: { left: 48, right: 48, top: 40, bottom: 28 },
    legend: { top: 0, data: [labels.rate, labels.total] },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: trend.map((t) => t.name) },
    yAxis: [
      { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      { type: "value", minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.total,
        type: "bar",
        yAxisIndex: 1,
        barMaxWidth: 28,
        itemStyle: { color: "#b7c9ea" },
        data: trend.map((t) => t.total),
      },
      {
        name: labels.rate,
        type: "line",
        symbolSize: 9,
        itemStyle: { color: STATUS_COLOURS.fulfilled },
        label: { show: true, formatter: "{c}%" },
        data: trend.map((t) => Math.round(t.rate * 100)),
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

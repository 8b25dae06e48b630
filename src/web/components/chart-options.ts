import type { EChartsCoreOption } from "echarts/core";

/**
 * The ECharts options the statistics pages share (责任落实总览, 整改统计): their tallies differ — obligations by
 * status, findings by state — but they are drawn alike, so the two dashboards read the same way.
 */

/** A row of a chart: a unit, a leader, a category, a year. */
interface Named {
  name: string;
}

/** A rate 0–1 as a whole percentage; a dash when there is nothing to rate. */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

// The category labels have a fixed band, so a bar's place on the canvas follows from its index alone (the journeys
// click a unit's bar by it: e2e/obligations.e2e.ts).
const BAR_GRID = { left: 132, right: 24, top: 40, bottom: 24 } as const;
const BAR_BAND = 30;

/** The height a horizontal bar chart of n categories needs. */
export function barChartHeight(n: number): number {
  return Math.max(200, n * BAR_BAND + BAR_GRID.top + BAR_GRID.bottom);
}

/** One part of a stacked bar, in its colour; hovering it fades the other parts. */
export function stackedBar(name: string, colour: string, data: number[], barMaxWidth: number) {
  return {
    name,
    type: "bar",
    stack: "total",
    barMaxWidth,
    itemStyle: { color: colour },
    emphasis: { focus: "series" },
    data,
  };
}

/**
 * Horizontal bars, one row per tally in the order given, with their series and legend; the tooltip names the tally
 * (escaped: names are users' text) over the lines `lines` gives it.
 */
export function horizontalBarOption<T extends Named>(
  tallies: readonly T[],
  parts: { legend: string[]; lines: (tally: T) => string[]; series: object[] },
): EChartsCoreOption {
  return {
    grid: { ...BAR_GRID, containLabel: false },
    // One line of legend whatever the card's width (it pages instead of wrapping over the bars).
    legend: { top: 0, type: "scroll", data: parts.legend },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: { dataIndex: number }[]) => {
        const tally = tallies[params[0]?.dataIndex ?? -1];
        if (!tally) return "";
        return [`<b>${escapeHtml(tally.name)}</b>`, ...parts.lines(tally)].join("<br/>");
      },
    },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: {
      type: "category",
      inverse: true,
      data: tallies.map((t) => t.name),
      axisLabel: { width: BAR_GRID.left - 16, overflow: "truncate" },
    },
    series: parts.series,
  };
}

/** A ring of slices (each with its name, value and colour): counts on the ring, names in the legend. */
export function ringOption(slices: object[]): EChartsCoreOption {
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
        data: slices,
      },
    ],
  };
}

/**
 * Across years: a rate (line, left axis) over a count (bars, right axis). `showRates` puts each rate beside its point;
 * where many years may not fit, the tooltip carries them.
 */
export function rateTrendOption(
  trend: readonly (Named & { total: number; rate: number | null })[],
  labels: { rate: string; total: string },
  line: { colour: string; showRates: boolean },
): EChartsCoreOption {
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
        itemStyle: { color: line.colour },
        label: { show: line.showRates, formatter: "{c}%" },
        data: trend.map((t) => (t.rate === null ? null : Math.round(t.rate * 100))),
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

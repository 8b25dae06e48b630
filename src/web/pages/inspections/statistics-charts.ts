import type { EChartsCoreOption } from "echarts/core";
import type { FindingTally } from "../../api/inspection-statistics";

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

/** A rate 0–1 as a whole percentage; a dash when there is nothing to rate. */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

// The category labels have a fixed band, so a bar's place on the canvas follows from its index alone.
const BAR_GRID = { left: 132, right: 24, top: 40, bottom: 24 } as const;
const BAR_BAND = 30;

/** The height a horizontal bar chart of n categories needs. */
export function barChartHeight(n: number): number {
  return Math.max(200, n * BAR_BAND + BAR_GRID.top + BAR_GRID.bottom);
}

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
  return {
    grid: { ...BAR_GRID, containLabel: false },
    legend: { top: 0, type: "scroll", data: [...FINDING_PARTS.map(labels.part), labels.overdue] },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: { dataIndex: number }[]) => {
        const tally = tallies[params[0]?.dataIndex ?? -1];
        if (!tally) return "";
        return [
          `<b>${escapeHtml(tally.name)}</b>`,
          `${labels.total}：${tally.total}`,
          `${labels.rate}：${percent(tally.rate)}`,
          ...FINDING_PARTS.map((p) => `${labels.part(p)}：${tally[p]}`),
          `${labels.overdue}：${tally.overdue}`,
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
    series: [
      ...FINDING_PARTS.map((part) => ({
        name: labels.part(part),
        type: "bar",
        stack: "total",
        barMaxWidth: 16,
        itemStyle: { color: FINDING_COLOURS[part] },
        emphasis: { focus: "series" },
        data: tallies.map((t) => t[part]),
      })),
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
  };
}

/** The findings list filter of the bar a click landed on: a state of the stack, or the overdue bar beside it. */
export function partAt(seriesIndex: number | undefined): { status: FindingPart } | { overdue: "true" } | undefined {
  if (seriesIndex === undefined) return undefined;
  const part = FINDING_PARTS[seriesIndex];
  return part ? { status: part } : seriesIndex === FINDING_PARTS.length ? { overdue: "true" } : undefined;
}

/** The share of each severity, a slice each: counts on the ring, names in the legend. */
export function severityPieOption(bySeverity: readonly FindingTally[]): EChartsCoreOption {
  return {
    tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
    legend: { bottom: 0, type: "scroll" },
    series: [
      {
        type: "pie",
        radius: ["42%", "72%"],
        center: ["50%", "45%"],
        label: { position: "inside", formatter: "{c}", color: "#fff", fontWeight: "bold" },
        data: bySeverity
          .filter((s) => s.total > 0)
          .map((s) => ({
            name: s.name,
            value: s.total,
            severity: s.key,
            itemStyle: { color: SEVERITY_COLOURS[s.key] ?? "#8c8c8c" },
          })),
      },
    ],
  };
}

/** Across years: the rectification rate (line, left axis) over the number of findings (bars, right axis). */
export function trendOption(
  trend: readonly FindingTally[],
  labels: { rate: string; total: string },
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
        itemStyle: { color: FINDING_COLOURS.closed },
        // Beside each point while they fit; with many years the tooltip carries them.
        label: { show: trend.length <= 6, formatter: "{c}%" },
        data: trend.map((t) => (t.rate === null ? null : Math.round(t.rate * 100))),
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

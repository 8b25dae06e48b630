import { Alert, Skeleton } from "antd";
import type { ECElementEvent, EChartsCoreOption, EChartsType, init } from "echarts/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type Setup = { init: typeof init };
let setup: Promise<Setup> | null = null;

/** Loads ECharts on first use, once for the whole app. */
function loadECharts(): Promise<Setup> {
  setup ??= import("./echarts-setup");
  return setup;
}

/** What a click on a bar, slice or point says: the series, the category's index and name, and its data item. */
export type ChartClick = Pick<ECElementEvent, "seriesIndex" | "seriesName" | "dataIndex" | "name" | "data">;

/**
 * One chart: ECharts initialised on a div, the option set on every change, resized with its box, disposed on unmount.
 * Text is drawn in the page's own font (canvas text does not inherit CSS), so Chinese reads as it does around it.
 */
export function EChart({
  option,
  onClick,
  height = 320,
  label,
  testId,
}: {
  option: EChartsCoreOption;
  onClick?: (event: ChartClick) => void;
  height?: number;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | undefined;
    loadECharts().then(
      ({ init }) => {
        const element = box.current;
        if (cancelled || !element) return;
        const instance = init(element, undefined, { renderer: "canvas" });
        instance.on("click", (event) => click.current?.(event));
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(element);
        chart.current = instance;
        setReady(true);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    const element = box.current;
    if (!ready || !instance || !element) return;
    const fontFamily = getComputedStyle(element).fontFamily;
    instance.setOption({ textStyle: { fontFamily }, ...option }, { notMerge: true });
  }, [ready, option]);

  return (
    <div className="echart-frame" style={{ height }}>
      {!ready && !failed && <Skeleton active className="echart-overlay" />}
      {failed && <Alert className="echart-overlay" type="error" showIcon title={t("common.chartFailed")} />}
      <div
        ref={box}
        className={onClick ? "echart echart-clickable" : "echart"}
        role="img"
        aria-label={label}
        data-testid={testId}
        style={{ height }}
      />
    </div>
  );
}

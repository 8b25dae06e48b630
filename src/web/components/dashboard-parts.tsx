import { Card, Col, Empty, Select, Space, Statistic, Typography } from "antd";
import type { EChartsCoreOption } from "echarts/core";
import type { ReactNode } from "react";
import { UnitFilterSelect } from "../pages/obligations/unit-filter-select";
import { type ChartClick, EChart } from "./echart";

/**
 * The parts both statistics pages are made of (责任落实总览, 整改统计): the year and unit they count in the header,
 * figures on top, chart cards under them.
 */

/**
 * The header's year and unit pickers, each labelled beside it; `setParam` keeps them in the address (`year`, `unitId`),
 * so a figure's link and a reload show the same scope. `children` follow them (the page's own buttons).
 */
export function YearUnitPickers<Y extends number | "all">(props: {
  yearLabel: string;
  year: Y | undefined;
  years: { value: Y; label: string }[];
  unitLabel: string;
  unitPickerId: string;
  unitId: string | undefined;
  setParam: (key: "year" | "unitId", value: string | undefined) => void;
  children?: ReactNode;
}) {
  const { setParam } = props;
  return (
    <Space wrap>
      <Typography.Text>{props.yearLabel}</Typography.Text>
      <Select<Y>
        aria-label={props.yearLabel}
        className="year-select"
        value={props.year}
        options={props.years}
        onChange={(value) => setParam("year", String(value))}
      />
      <Typography.Text>{props.unitLabel}</Typography.Text>
      <div className="filter-picker">
        <UnitFilterSelect
          id={props.unitPickerId}
          value={props.unitId}
          onChange={(value) => setParam("unitId", value)}
        />
      </div>
      {props.children}
    </Space>
  );
}

/**
 * One figure: its title, value (in its colour) and a note under it. With `onOpen` it is a link to the list of what it
 * counts (Enter too, for the keyboard); without, it does not look clickable (a rate of time, repeats).
 */
export function KpiCard(props: {
  testId: string;
  title: string;
  value: string | number;
  note: ReactNode;
  colour?: string | undefined;
  onOpen?: (() => void) | undefined;
}) {
  const { onOpen } = props;
  return (
    <Col xs={12} lg={6}>
      <Card
        hoverable={onOpen !== undefined}
        className={onOpen ? "kpi-card" : "kpi-card kpi-static"}
        data-testid={props.testId}
        {...(onOpen
          ? {
              role: "link",
              tabIndex: 0,
              onClick: onOpen,
              onKeyDown: (event: { key: string }) => {
                if (event.key === "Enter") onOpen();
              },
            }
          : {})}
      >
        <Statistic
          title={props.title}
          value={props.value}
          styles={{ content: props.colour ? { color: props.colour } : {} }}
        />
        <div className="kpi-note">{props.note}</div>
      </Card>
    </Col>
  );
}

/**
 * A chart in its card, titled as it is labelled for screen readers; `empty` shows `emptyText` instead, as a chart of
 * nothing draws bare axes.
 */
export function ChartCard({
  title,
  empty,
  emptyText,
  extra,
  ...chart
}: {
  title: string;
  empty: boolean;
  emptyText: string;
  extra?: ReactNode;
  testId: string;
  option: EChartsCoreOption;
  height?: number;
  onClick?: (event: ChartClick) => void;
}) {
  return (
    <Card title={title} extra={extra} className="stack-card chart-card">
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
      ) : (
        <EChart label={title} {...chart} />
      )}
    </Card>
  );
}

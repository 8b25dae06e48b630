import { UnorderedListOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Row, Skeleton, Table, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../api/error-message";
import type { FindingFilters } from "../../api/inspections";
import {
  type FindingStatistics,
  type FindingTally,
  type MemberTally,
  useFindingStatistics,
} from "../../api/inspection-statistics";
import { barChartHeight, percent } from "../../components/chart-options";
import { ChartCard, YearUnitPickers } from "../../components/dashboard-parts";
import type { ChartClick } from "../../components/echart";
import { PageHeader } from "../../components/page-header";
import { useQueryParam } from "../../components/url-filters";
import { queryString } from "../../api/client";
import { yearOptions } from "../obligations/filter-options";
import { type ChartLabels, partAt, severityPieOption, tallyBarOption, trendOption } from "./statistics-charts";
import { StatisticsKpis } from "./statistics-kpis";
import "./inspections.css";

/** The findings list filtered to what a figure counts. */
export function findingsUrl(filters: FindingFilters): string {
  return `/inspections/findings${queryString({ ...filters })}`;
}

function yearFrom(value: string | null): number | "all" | undefined {
  if (value === "all") return "all";
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

/**
 * 整改统计: the findings of a year (or every year) at a glance — how many, how many rectified, on time and how fast,
 * repeats; by category, severity, unit and year; members' half-yearly inspections. Every count opens the findings
 * list filtered to what it counts.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const [params, setParam] = useQueryParam();
  const year = yearFrom(params.get("year"));
  const unitId = params.get("unitId") ?? undefined;
  const statistics = useFindingStatistics(year, unitId);

  const shownYear = year ?? statistics.data?.year ?? undefined;
  return (
    <div data-testid="inspection-statistics">
      <PageHeader
        title={t("inspections.statistics.title")}
        intro={t("inspections.statistics.intro")}
        basis={t("inspections.basis")}
        extra={
          <YearUnitPickers<number | "all">
            yearLabel={t("inspections.statistics.year")}
            year={shownYear}
            years={[{ value: "all", label: t("inspections.statistics.allYears") }, ...yearOptions()]}
            unitLabel={t("inspections.statistics.unit")}
            unitPickerId="statistics-unit"
            unitId={unitId}
            setParam={setParam}
          >
            <Link to="/inspections/findings">
              <Button icon={<UnorderedListOutlined />}>{t("inspections.findings.title")}</Button>
            </Link>
          </YearUnitPickers>
        }
      />
      {statistics.isError && (
        <Alert className="list-error" type="error" showIcon title={errorMessage(statistics.error, t)} />
      )}
      {statistics.isPending && <Skeleton active />}
      {statistics.data && <Statistics data={statistics.data} />}
    </div>
  );
}

function Statistics({ data }: { data: FindingStatistics }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Drilling down keeps the year and the chosen unit (the list takes a unit exactly, not its subtree).
  const scope: FindingFilters = {
    ...(data.year !== null ? { year: data.year } : {}),
    ...(data.unit ? { unitId: data.unit.id } : {}),
  };
  const open = (filters: FindingFilters) => void navigate(findingsUrl({ ...scope, ...filters }));
  const nothing = t("inspections.statistics.nothing");

  const options = useMemo(() => {
    const labels: ChartLabels = {
      part: (part) => t(`inspections.statuses.${part}`),
      overdue: t("inspections.finding.overdue"),
      rate: t("inspections.statistics.rate"),
      total: t("inspections.statistics.count"),
    };
    return {
      categories: tallyBarOption(data.byCategory, labels),
      units: tallyBarOption(data.byUnit, labels),
      severities: severityPieOption(data.bySeverity),
      trend: trendOption(data.byYear, { rate: labels.rate, total: labels.total }),
    };
  }, [data, t]);

  /** A click on a bar: the tally's own filter, narrowed to the state (or overdue) of the part clicked. */
  const drill = (tallies: readonly FindingTally[], filter: (key: string) => FindingFilters) => (event: ChartClick) => {
    const tally = tallies[event.dataIndex];
    if (tally) open({ ...filter(tally.key), ...partAt(event.seriesIndex) });
  };

  return (
    <>
      <Typography.Paragraph type="secondary">
        {data.year === null
          ? t("inspections.statistics.asOfAll", { today: data.today })
          : t("inspections.statistics.asOf", { year: data.year, today: data.today })}
        {data.unit && ` ${t("inspections.statistics.ofUnit", { unit: data.unit.name })}`}
      </Typography.Paragraph>
      <StatisticsKpis totals={data.totals} onOpen={open} />
      <Row gutter={[16, 16]} className="chart-row">
        <Col xs={24} xl={16}>
          <ChartCard
            title={t("inspections.statistics.byCategory")}
            empty={data.totals.total === 0}
            emptyText={nothing}
            testId="chart-by-category"
            height={barChartHeight(data.byCategory.length)}
            option={options.categories}
            onClick={drill(data.byCategory, (category) => ({
              category: category as FindingFilters["category"],
            }))}
          />
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard
            title={t("inspections.statistics.bySeverity")}
            empty={data.totals.total === 0}
            emptyText={nothing}
            testId="chart-by-severity"
            option={options.severities}
            onClick={(event) => {
              const severity = (event.data as { severity?: FindingFilters["severity"] } | undefined)?.severity;
              if (severity) open({ severity });
            }}
          />
        </Col>
        <Col xs={24} xl={16}>
          <ChartCard
            title={t("inspections.statistics.byUnit")}
            extra={
              data.unitCount > data.byUnit.length &&
              t("inspections.statistics.unitsShown", { shown: data.byUnit.length, count: data.unitCount })
            }
            empty={data.byUnit.length === 0}
            emptyText={nothing}
            testId="chart-by-unit"
            height={barChartHeight(data.byUnit.length)}
            option={options.units}
            onClick={drill(data.byUnit, (unitId) => ({ unitId }))}
          />
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard
            title={t("inspections.statistics.trend")}
            empty={data.byYear.length === 0}
            emptyText={nothing}
            testId="chart-trend"
            height={280}
            option={options.trend}
            onClick={(event) => {
              const year = Number(data.byYear[event.dataIndex]?.key);
              if (Number.isInteger(year)) void navigate(findingsUrl({ ...scope, year }));
            }}
          />
        </Col>
        <Col xs={24}>
          <MemberCard members={data.byMember} />
        </Col>
      </Row>
    </>
  );
}

/** Members' half-yearly inspections (第十一条第（四）项): plans led, inspections closed, findings raised and closed. */
function MemberCard({ members }: { members: MemberTally[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("inspections.statistics.byMember")} className="stack-card" data-testid="statistics-members">
      <Table<MemberTally>
        rowKey="personId"
        dataSource={members}
        pagination={false}
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("inspections.statistics.noMembers") }}
        columns={[
          { title: t("inspections.statistics.member.name"), key: "name", render: (_, m) => m.name },
          { title: t("inspections.statistics.member.plans"), key: "plans", align: "right", render: (_, m) => m.plans },
          {
            title: t("inspections.statistics.member.inspections"),
            key: "inspections",
            align: "right",
            render: (_, m) =>
              t("inspections.statistics.member.closedOf", { closed: m.inspectionsClosed, total: m.inspections }),
          },
          {
            title: t("inspections.statistics.member.findings"),
            key: "findings",
            align: "right",
            render: (_, m) => m.findings,
          },
          {
            title: t("inspections.statistics.member.closed"),
            key: "closed",
            align: "right",
            render: (_, m) => m.closed,
          },
          {
            title: t("inspections.statistics.rate"),
            key: "rate",
            align: "right",
            render: (_, m) => percent(m.findings ? m.closed / m.findings : null),
          },
        ]}
      />
    </Card>
  );
}

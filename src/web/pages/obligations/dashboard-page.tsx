import { Alert, Card, Col, Row, Skeleton, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../api/error-message";
import {
  type DashboardView,
  type ObligationFilters,
  type ObligationStatus,
  type Tally,
  useDashboard,
} from "../../api/obligations";
import { barChartHeight } from "../../components/chart-options";
import { ChartCard, YearUnitPickers } from "../../components/dashboard-parts";
import type { ChartClick } from "../../components/echart";
import { useQueryParam } from "../../components/url-filters";
import { FindingStatisticsCard } from "../inspections/statistics-card";
import { partAt, statusPieOption, tallyBarOption, trendOption } from "./dashboard-charts";
import { DashboardKpis } from "./dashboard-kpis";
import { yearOptions } from "./filter-options";
import { listUrl } from "./filters";
import { ObligationTable } from "./obligation-table";
import { ObligationsPageHeader } from "./obligations-page-header";
import { useStatusName } from "./status";

/**
 * 责任落实总览: a year of obligations at a glance — how many, how many done, late or due soon; completion by unit, by
 * leader, by article and across years; the overdue ones. Every figure opens the list filtered to what it counts.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParam] = useQueryParam();
  const yearParam = Number(params.get("year"));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const unitId = params.get("unitId") ?? undefined;
  const dashboard = useDashboard(year, unitId);

  return (
    <>
      <ObligationsPageHeader
        page="dashboard"
        extra={
          <YearUnitPickers<number>
            yearLabel={t("obligations.filters.year")}
            year={year ?? dashboard.data?.year}
            years={yearOptions()}
            unitLabel={t("obligations.filters.unit")}
            unitPickerId="dashboard-unit"
            unitId={unitId}
            setParam={setParam}
          />
        }
      />
      {dashboard.isError && (
        <Alert className="list-error" type="error" showIcon title={errorMessage(dashboard.error, t)} />
      )}
      {dashboard.isPending && <Skeleton active />}
      {dashboard.data && <Dashboard data={dashboard.data} unitId={unitId} />}
    </>
  );
}

function Dashboard({ data, unitId }: { data: DashboardView; unitId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const statusName = useStatusName();
  const rate = t("obligations.dashboard.rate");
  const nothing = t("obligations.dashboard.nothing");
  const open = (filters: ObligationFilters) => void navigate(listUrl({ year: data.year, unitId, ...filters }));

  const options = useMemo(
    () => ({
      units: tallyBarOption(data.byUnit, statusName, rate),
      leaders: tallyBarOption(data.byLeader, statusName, rate),
      articles: tallyBarOption(data.byArticle, statusName, rate),
      status: statusPieOption(data.byStatus),
      trend: trendOption(data.trend, { rate, total: t("obligations.dashboard.count") }),
    }),
    [data, t, statusName, rate],
  );

  /** A click on a stacked bar: the tally's own filter, narrowed to the status of the part clicked. */
  const drill = (tallies: readonly Tally[], filter: (key: string) => ObligationFilters) => (event: ChartClick) => {
    const tally = tallies[event.dataIndex];
    if (tally) open({ ...filter(tally.key), status: partAt(event.seriesIndex) });
  };

  return (
    <div data-testid="obligation-dashboard">
      <Typography.Paragraph type="secondary">
        {t("obligations.dashboard.asOf", { year: data.year, today: data.today })}
      </Typography.Paragraph>
      <DashboardKpis totals={data.totals} onOpen={(status) => open({ status })} />
      <FindingStatisticsCard year={data.year} unitId={unitId} />
      <Row gutter={[16, 16]} className="chart-row">
        <Col xs={24} xl={16}>
          <ChartCard
            title={t("obligations.dashboard.byUnit")}
            empty={data.byUnit.length === 0}
            emptyText={nothing}
            testId="chart-by-unit"
            height={barChartHeight(data.byUnit.length)}
            option={options.units}
            onClick={drill(data.byUnit, (unit) => ({ unitId: unit }))}
          />
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard
            title={t("obligations.dashboard.byStatus")}
            empty={data.totals.total === 0}
            emptyText={nothing}
            testId="chart-by-status"
            option={options.status}
            onClick={(event) => {
              const status = (event.data as { status?: ObligationStatus } | undefined)?.status;
              if (status) open({ status });
            }}
          />
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <ChartCard
            title={t("obligations.dashboard.byLeader")}
            empty={data.byLeader.length === 0}
            emptyText={nothing}
            testId="chart-by-leader"
            height={barChartHeight(data.byLeader.length)}
            option={options.leaders}
            onClick={drill(data.byLeader, (personId) => ({ personId }))}
          />
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <ChartCard
            title={t("obligations.dashboard.byArticle")}
            empty={data.byArticle.length === 0}
            emptyText={nothing}
            testId="chart-by-article"
            height={barChartHeight(data.byArticle.length)}
            option={options.articles}
            onClick={drill(data.byArticle, (article) => ({ article }))}
          />
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard
            title={t("obligations.dashboard.trend")}
            empty={data.trend.length === 0}
            emptyText={nothing}
            testId="chart-trend"
            height={280}
            option={options.trend}
            onClick={(event) => {
              const year = Number(data.trend[event.dataIndex]?.key);
              if (Number.isInteger(year)) void navigate(listUrl({ year, unitId }));
            }}
          />
        </Col>
        <Col xs={24}>
          <Card
            title={t("obligations.dashboard.overdue", { count: data.totals.overdue })}
            extra={
              data.totals.overdue > data.overdue.length && (
                <Link to={listUrl({ year: data.year, unitId, status: "overdue" })}>
                  {t("obligations.dashboard.allOverdue")}
                </Link>
              )
            }
            className="stack-card"
            data-testid="dashboard-overdue"
          >
            <ObligationTable items={data.overdue} empty={t("obligations.dashboard.noOverdue")} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

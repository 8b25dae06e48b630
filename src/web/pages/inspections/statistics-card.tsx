import { RightOutlined } from "@ant-design/icons";
import { Card, Col, Row, Skeleton, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { queryString } from "../../api/client";
import { useFindingStatistics } from "../../api/inspection-statistics";
import { percent } from "../../components/chart-options";
import { FINDING_COLOURS } from "./statistics-charts";

/** 检查整改 on the main dashboard: open and overdue findings and the rectification rate, opening the statistics. */
export function FindingStatisticsCard({ year, unitId }: { year: number | undefined; unitId: string | undefined }) {
  const { t } = useTranslation();
  const statistics = useFindingStatistics(year, unitId);
  const totals = statistics.data?.totals;
  const to = `/inspections/statistics${queryString({ year: statistics.data?.year ?? year, unitId })}`;
  return (
    <Card
      size="small"
      className="stack-card"
      data-testid="dashboard-findings"
      title={t("inspections.statistics.card.title")}
      extra={
        <Link to={to}>
          {t("inspections.statistics.card.more")} <RightOutlined />
        </Link>
      }
    >
      {totals ? (
        <Row gutter={16}>
          <Col span={8}>
            <Statistic
              title={t("inspections.statistics.card.open")}
              value={totals.open}
              styles={{ content: { color: FINDING_COLOURS.open } }}
            />
          </Col>
          <Col span={8}>
            <Statistic
              title={t("inspections.statistics.card.overdue")}
              value={totals.overdue}
              styles={{ content: { color: FINDING_COLOURS.overdue } }}
            />
          </Col>
          <Col span={8}>
            <Statistic
              title={t("inspections.statistics.card.rate")}
              value={percent(totals.rate)}
              styles={{ content: { color: FINDING_COLOURS.closed } }}
            />
          </Col>
        </Row>
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      )}
    </Card>
  );
}

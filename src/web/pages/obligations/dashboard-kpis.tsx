import { Card, Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import type { ObligationStatus, Tally } from "../../api/obligations";
import { percent } from "./dashboard-charts";
import { STATUS_COLOURS } from "./status";

interface Kpi {
  key: "total" | "rate" | "overdue" | "dueSoon";
  value: string | number;
  /** The status the list opens filtered by (none: every obligation of the year). */
  status?: ObligationStatus;
  colour?: string;
}

/** The year in four figures — how many, how many done, how many late, how many due soon — each opening its list. */
export function DashboardKpis({ totals, onOpen }: { totals: Tally; onOpen: (status?: ObligationStatus) => void }) {
  const { t } = useTranslation();
  const kpis: Kpi[] = [
    { key: "total", value: totals.total },
    { key: "rate", value: percent(totals.rate), status: "fulfilled", colour: STATUS_COLOURS.fulfilled },
    { key: "overdue", value: totals.overdue, status: "overdue", colour: STATUS_COLOURS.overdue },
    { key: "dueSoon", value: totals.dueSoon, status: "dueSoon", colour: STATUS_COLOURS.dueSoon },
  ];
  return (
    <Row gutter={[16, 16]} className="kpi-row">
      {kpis.map((kpi) => (
        <Col key={kpi.key} xs={12} lg={6}>
          <Card
            hoverable
            className="kpi-card"
            data-testid={`kpi-${kpi.key}`}
            role="link"
            tabIndex={0}
            onClick={() => onOpen(kpi.status)}
            onKeyDown={(event) => {
              if (event.key === "Enter") onOpen(kpi.status);
            }}
          >
            <Statistic
              title={t(`obligations.dashboard.kpi.${kpi.key}`)}
              value={kpi.value}
              styles={{ content: kpi.colour ? { color: kpi.colour } : {} }}
            />
            <div className="kpi-note">
              {kpi.key === "rate"
                ? t("obligations.dashboard.kpi.rateNote", {
                    done: totals.fulfilled + totals.waived,
                    total: totals.total,
                  })
                : t(`obligations.dashboard.kpi.${kpi.key}Note`)}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

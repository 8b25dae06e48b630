import { Row } from "antd";
import { useTranslation } from "react-i18next";
import type { ObligationStatus, Tally } from "../../api/obligations";
import { percent } from "../../components/chart-options";
import { KpiCard } from "../../components/dashboard-parts";
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
        <KpiCard
          key={kpi.key}
          testId={`kpi-${kpi.key}`}
          title={t(`obligations.dashboard.kpi.${kpi.key}`)}
          value={kpi.value}
          colour={kpi.colour}
          onOpen={() => onOpen(kpi.status)}
          note={
            kpi.key === "rate"
              ? t("obligations.dashboard.kpi.rateNote", { done: totals.fulfilled + totals.waived, total: totals.total })
              : t(`obligations.dashboard.kpi.${kpi.key}Note`)
          }
        />
      ))}
    </Row>
  );
}

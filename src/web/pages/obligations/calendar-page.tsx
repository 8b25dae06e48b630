import { Card, Segmented, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { todayInBeijing } from "../../components/format";
import { CalendarMonth } from "./calendar-month";
import { CalendarSemesters } from "./calendar-semesters";
import { CalendarYear } from "./calendar-year";
import { ObligationsPageHeader } from "./obligations-page-header";
import { UnitFilterSelect } from "./unit-filter-select";

type View = "month" | "semester" | "year";
const VIEWS: readonly View[] = ["month", "semester", "year"];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 履职日历: when obligations fall due — a month day by day, the semesters of the academic calendar, or a year month by
 * month — coloured by status. The view, month, year and unit are in the address.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const viewParam = params.get("view") as View | null;
  const view: View = viewParam && VIEWS.includes(viewParam) ? viewParam : "month";
  const monthParam = params.get("month") ?? "";
  const month = MONTH.test(monthParam) ? monthParam : todayInBeijing().slice(0, 7);
  const yearParam = Number(params.get("year"));
  const year =
    Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : Number(month.slice(0, 4));
  const unitId = params.get("unitId") ?? undefined;

  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        for (const [key, value] of Object.entries(changes)) {
          if (value) p.set(key, value);
          else p.delete(key);
        }
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <ObligationsPageHeader page="calendar" />
      <Card className="stack-card">
        <Space wrap size="large">
          <Segmented<View>
            value={view}
            onChange={(next) => update({ view: next })}
            options={VIEWS.map((v) => ({ value: v, label: t(`obligations.calendar.views.${v}`) }))}
          />
          <Space size={8}>
            <Typography.Text>{t("obligations.filters.unit")}</Typography.Text>
            <div className="filter-picker">
              <UnitFilterSelect id="calendar-unit" value={unitId} onChange={(value) => update({ unitId: value })} />
            </div>
          </Space>
        </Space>
      </Card>
      {view === "month" && (
        <CalendarMonth month={month} unitId={unitId} onMonth={(next) => update({ month: next, year: undefined })} />
      )}
      {view === "semester" && (
        <CalendarSemesters year={year} unitId={unitId} onYear={(next) => update({ year: String(next) })} />
      )}
      {view === "year" && (
        <CalendarYear
          year={year}
          unitId={unitId}
          onYear={(next) => update({ year: String(next) })}
          onMonth={(next) => update({ view: "month", month: next, year: undefined })}
        />
      )}
    </>
  );
}

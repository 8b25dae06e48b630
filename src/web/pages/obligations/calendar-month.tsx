import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, Button, Calendar, Card, Flex, Space, Spin, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../api/error-message";
import { type ObligationSummary, useObligationsDue } from "../../api/obligations";
import { todayInBeijing } from "../../components/format";
import { listUrl } from "./filters";
import { STATUS_COLOURS, StatusLegend, useStatusName } from "./status";

// A day's cell shows this many obligations, then "+N" linking to the list of that day.
const PER_DAY = 3;

/** The day an obligation falls due on (an event's deadline counts on its day in Beijing). */
export function dueDay(o: ObligationSummary): string | null {
  return o.dueOn ?? o.dueAt?.slice(0, 10) ?? null;
}

/** Groups obligations by the day they fall due. */
export function byDueDay(items: readonly ObligationSummary[]): Map<string, ObligationSummary[]> {
  const days = new Map<string, ObligationSummary[]>();
  for (const o of items) {
    const day = dueDay(o);
    if (day) days.set(day, [...(days.get(day) ?? []), o]);
  }
  return days;
}

/** The month day by day: each obligation due that day as a line in its status colour, opening the obligation. */
export function CalendarMonth({
  month,
  unitId,
  onMonth,
}: {
  month: string;
  unitId: string | undefined;
  onMonth: (month: string) => void;
}) {
  const { t } = useTranslation();
  const first = useMemo(() => dayjs(`${month}-01`), [month]);
  const from = first.format("YYYY-MM-DD");
  const to = first.endOf("month").format("YYYY-MM-DD");
  const due = useObligationsDue(from, to, { unitId });
  const days = useMemo(() => byDueDay(due.data?.items ?? []), [due.data]);
  const go = (date: Dayjs) => onMonth(date.format("YYYY-MM"));

  return (
    <Card className="stack-card calendar-card" data-testid="calendar-month">
      {due.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(due.error, t)} />}
      <Spin spinning={due.isFetching}>
        <Calendar
          value={first}
          onPanelChange={go}
          onSelect={(date, { source }) => {
            if (source === "date" && date.format("YYYY-MM") !== month) go(date);
          }}
          headerRender={() => (
            <Flex justify="space-between" align="center" className="calendar-header" wrap gap={8}>
              <Space size={16} wrap>
                <Typography.Title level={4} className="calendar-title">
                  {t("obligations.calendar.monthTitle", { year: first.year(), month: first.month() + 1 })}
                </Typography.Title>
                <StatusLegend />
              </Space>
              <Space>
                <Typography.Text type="secondary">
                  {t("obligations.calendar.monthCount", { count: due.data?.items.length ?? 0 })}
                </Typography.Text>
                <Button
                  icon={<LeftOutlined />}
                  aria-label={t("obligations.calendar.previous")}
                  onClick={() => go(first.subtract(1, "month"))}
                />
                <Button onClick={() => onMonth(todayInBeijing().slice(0, 7))}>{t("obligations.calendar.today")}</Button>
                <Button
                  icon={<RightOutlined />}
                  aria-label={t("obligations.calendar.next")}
                  onClick={() => go(first.add(1, "month"))}
                />
              </Space>
            </Flex>
          )}
          cellRender={(date, info) => {
            if (info.type !== "date" || date.format("YYYY-MM") !== month) return null;
            const day = date.format("YYYY-MM-DD");
            return <DayCell day={day} items={days.get(day) ?? []} unitId={unitId} />;
          }}
        />
      </Spin>
    </Card>
  );
}

function DayCell({ day, items, unitId }: { day: string; items: ObligationSummary[]; unitId: string | undefined }) {
  const { t } = useTranslation();
  const statusName = useStatusName();
  if (items.length === 0) return null;
  return (
    <ul className="calendar-day" data-testid={`calendar-day-${day}`}>
      {items.slice(0, PER_DAY).map((o) => (
        <li key={o.id}>
          <Link
            to={`/obligations/${o.id}`}
            className="calendar-item"
            title={`${o.statusName} · ${o.bearer} · ${o.duty}`}
            aria-label={`${statusName(o.status)}：${o.duty}`}
            style={{ borderLeftColor: STATUS_COLOURS[o.status] }}
            onClick={(event) => event.stopPropagation()}
          >
            {`${o.bearer}：${o.duty}`}
          </Link>
        </li>
      ))}
      {items.length > PER_DAY && (
        <li>
          <Link
            to={listUrl({ dueFrom: day, dueTo: day, unitId })}
            className="calendar-more"
            onClick={(event) => event.stopPropagation()}
          >
            {t("obligations.calendar.more", { count: items.length - PER_DAY })}
          </Link>
        </li>
      )}
    </ul>
  );
}

import { Alert, Card, Col, Row, Select, Skeleton, Space, Spin, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type ObligationStatus, type ObligationSummary, useObligationsDue } from "../../api/obligations";
import { dueDay } from "./calendar-month";
import { yearOptions } from "./filter-options";
import { OBLIGATION_STATUSES, STATUS_COLOURS, useStatusName } from "./status";

type Counts = Record<ObligationStatus, number> & { total: number };

function emptyCounts(): Counts {
  return { open: 0, dueSoon: 0, overdue: 0, fulfilled: 0, waived: 0, total: 0 };
}

/** How many obligations fall due in each month (index 0 = January), by status. */
export function countByMonth(items: readonly ObligationSummary[]): Counts[] {
  const months = Array.from({ length: 12 }, emptyCounts);
  for (const o of items) {
    const day = dueDay(o);
    const counts = day ? months[Number(day.slice(5, 7)) - 1] : undefined;
    if (!counts) continue;
    counts[o.status] += 1;
    counts.total += 1;
  }
  return months;
}

/** The year month by month: how many fall due, in a bar of status colours; a month opens its calendar. */
export function CalendarYear({
  year,
  unitId,
  onYear,
  onMonth,
}: {
  year: number;
  unitId: string | undefined;
  onYear: (year: number) => void;
  onMonth: (month: string) => void;
}) {
  const { t } = useTranslation();
  const statusName = useStatusName();
  const due = useObligationsDue(`${year}-01-01`, `${year}-12-31`, { unitId });
  const months = useMemo(() => countByMonth(due.data?.items ?? []), [due.data]);

  return (
    <Card
      className="stack-card"
      data-testid="calendar-year"
      title={t("obligations.calendar.yearTitle", { year, count: due.data?.items.length ?? 0 })}
      extra={
        <Select<number>
          aria-label={t("obligations.filters.year")}
          className="year-select"
          value={year}
          options={yearOptions()}
          onChange={onYear}
        />
      }
    >
      {due.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(due.error, t)} />}
      {due.data?.truncated && (
        <Alert className="list-error" type="info" showIcon title={t("obligations.calendar.truncated")} />
      )}
      {due.isPending && <Skeleton active />}
      <Spin spinning={due.isFetching}>
        <Row gutter={[12, 12]} hidden={due.isPending}>
          {months.map((counts, index) => {
            const month = `${year}-${String(index + 1).padStart(2, "0")}`;
            return (
              <Col key={month} xs={12} md={8} xl={6}>
                <Card
                  size="small"
                  hoverable
                  className="month-card"
                  data-testid={`calendar-month-${month}`}
                  role="link"
                  tabIndex={0}
                  onClick={() => onMonth(month)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter") onMonth(month);
                  }}
                  title={t("obligations.calendar.monthName", { month: index + 1 })}
                  extra={<Typography.Text strong>{counts.total}</Typography.Text>}
                >
                  <div className="status-bar" aria-hidden>
                    {OBLIGATION_STATUSES.map((s) =>
                      counts[s] > 0 ? (
                        <span key={s} style={{ flexGrow: counts[s], background: STATUS_COLOURS[s] }} />
                      ) : null,
                    )}
                  </div>
                  <Space size={[4, 4]} wrap className="month-counts">
                    {counts.total === 0 ? (
                      <Typography.Text type="secondary">{t("obligations.calendar.none")}</Typography.Text>
                    ) : (
                      OBLIGATION_STATUSES.filter((s) => counts[s] > 0).map((s) => (
                        <Tag key={s} color={STATUS_COLOURS[s]}>
                          {`${statusName(s)} ${counts[s]}`}
                        </Tag>
                      ))
                    )}
                  </Space>
                </Card>
              </Col>
            );
          })}
        </Row>
      </Spin>
    </Card>
  );
}

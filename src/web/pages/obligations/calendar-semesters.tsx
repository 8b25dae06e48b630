import { Alert, Card, Empty, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type TermView, useAcademicCalendar, useObligationsDue } from "../../api/obligations";
import { yearOptions } from "./filter-options";
import { ObligationTable } from "./obligation-table";
import { OBLIGATION_STATUSES, STATUS_COLOURS, useStatusName } from "./status";

/** The semesters of the academic calendar that fall in a year, each with the obligations due within it. */
export function CalendarSemesters({
  year,
  unitId,
  onYear,
}: {
  year: number;
  unitId: string | undefined;
  onYear: (year: number) => void;
}) {
  const { t } = useTranslation();
  // The spring semester of a year belongs to the academic year that began the autumn before.
  const calendar = useAcademicCalendar(year - 1, year);
  const terms = (calendar.data?.terms ?? []).filter(
    (term) => term.startsOn <= `${year}-12-31` && term.endsOn >= `${year}-01-01`,
  );

  return (
    <div data-testid="calendar-semesters">
      <Space className="stack-card" wrap>
        <Typography.Text>{t("obligations.filters.year")}</Typography.Text>
        <Select<number>
          aria-label={t("obligations.filters.year")}
          className="year-select"
          value={year}
          options={yearOptions()}
          onChange={onYear}
        />
      </Space>
      {calendar.isError && (
        <Alert className="list-error" type="error" showIcon title={errorMessage(calendar.error, t)} />
      )}
      {calendar.isPending && <Skeleton active />}
      {calendar.data && terms.length === 0 && (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("obligations.calendar.noTerms")} />
        </Card>
      )}
      {terms.map((term) => (
        <TermCard key={term.id} term={term} unitId={unitId} />
      ))}
    </div>
  );
}

function TermCard({ term, unitId }: { term: TermView; unitId: string | undefined }) {
  const { t } = useTranslation();
  const statusName = useStatusName();
  const due = useObligationsDue(term.startsOn, term.endsOn, { unitId });
  const items = due.data?.items ?? [];
  return (
    <Card
      className="stack-card"
      data-testid={`term-${term.id}`}
      title={
        <Space wrap>
          <span>{term.name}</span>
          <Typography.Text type="secondary">
            {t("obligations.detail.span", { from: term.startsOn, to: term.endsOn })}
          </Typography.Text>
          {!term.stored && <Tag>{t("obligations.academic.default")}</Tag>}
        </Space>
      }
      extra={
        <Space size={4} wrap>
          {OBLIGATION_STATUSES.map((s) => {
            const count = items.filter((o) => o.status === s).length;
            return count > 0 ? <Tag key={s} color={STATUS_COLOURS[s]}>{`${statusName(s)} ${count}`}</Tag> : null;
          })}
        </Space>
      }
    >
      {due.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(due.error, t)} />}
      <ObligationTable
        compact
        pageSize={10}
        loading={due.isPending}
        items={items}
        empty={t("obligations.calendar.noneInTerm")}
      />
    </Card>
  );
}

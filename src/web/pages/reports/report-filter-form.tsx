import { useTranslation } from "react-i18next";
import type { ReportFilters, ReportKind, ReportStatus } from "../../api/reports";
import { FilterGrid, FilterSelect, YearFilter } from "../../components/list-parts";
import { REPORT_KINDS, REPORT_STATUSES, useReportNames } from "./report-names";

/** The report list's filters: year, kind and status. A change applies at once; the address keeps them. */
export function ReportFilterForm({
  filters,
  onApply,
}: {
  filters: ReportFilters;
  onApply: (filters: ReportFilters) => void;
}) {
  const { t } = useTranslation();
  const names = useReportNames();
  return (
    <FilterGrid name="report-filters" onReset={() => onApply({})}>
      <YearFilter
        id="report-filters-year"
        label={t("reports.filters.year")}
        placeholder={t("reports.filters.allYears")}
        value={filters.year}
        onChange={(year) => onApply({ ...filters, year })}
      />
      <FilterSelect<ReportKind>
        id="report-filters-kind"
        label={t("reports.filters.kind")}
        placeholder={t("reports.filters.allKinds")}
        value={filters.kind}
        options={REPORT_KINDS.map((k) => ({ value: k, label: names.kind(k) }))}
        onChange={(kind) => onApply({ ...filters, kind })}
      />
      <FilterSelect<ReportStatus>
        id="report-filters-status"
        label={t("reports.filters.status")}
        placeholder={t("reports.filters.allStatuses")}
        value={filters.status}
        options={REPORT_STATUSES.map((s) => ({ value: s, label: names.status(s) }))}
        onChange={(status) => onApply({ ...filters, status })}
      />
    </FilterGrid>
  );
}

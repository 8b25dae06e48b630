import { Button, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportFilters, ReportKind, ReportStatus } from "../../api/reports";
import { yearOptions } from "../obligations/filter-options";
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
    <Form layout="vertical" className="filter-grid" name="report-filters">
      <Form.Item label={t("reports.filters.year")} htmlFor="report-filters-year">
        <Select<number>
          id="report-filters-year"
          allowClear
          value={filters.year}
          placeholder={t("reports.filters.allYears")}
          options={yearOptions()}
          onChange={(year) => onApply({ ...filters, year })}
        />
      </Form.Item>
      <Form.Item label={t("reports.filters.kind")} htmlFor="report-filters-kind">
        <Select<ReportKind>
          id="report-filters-kind"
          allowClear
          value={filters.kind}
          placeholder={t("reports.filters.allKinds")}
          options={REPORT_KINDS.map((k) => ({ value: k, label: names.kind(k) }))}
          onChange={(kind) => onApply({ ...filters, kind })}
        />
      </Form.Item>
      <Form.Item label={t("reports.filters.status")} htmlFor="report-filters-status">
        <Select<ReportStatus>
          id="report-filters-status"
          allowClear
          value={filters.status}
          placeholder={t("reports.filters.allStatuses")}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: names.status(s) }))}
          onChange={(status) => onApply({ ...filters, status })}
        />
      </Form.Item>
      <Form.Item label=" " className="filter-buttons">
        <Button onClick={() => onApply({})}>{t("common.reset")}</Button>
      </Form.Item>
    </Form>
  );
}

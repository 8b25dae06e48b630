import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { useUnits } from "../../api/accounts";
import { type FindingFilters, useFindings } from "../../api/inspections";
import { ExportButton, FilterGrid, FilterSelect, ListCard, YearFilter } from "../../components/list-parts";
import { PageHeader } from "../../components/page-header";
import { useUrlFilters } from "../../components/url-filters";
import { FindingsTable } from "./findings-table";
import "./inspections.css";

const STATUSES = ["open", "submitted", "closed"] as const;
const SEVERITIES = ["minor", "major", "serious"] as const;
const CATEGORIES = ["organization", "personnel", "carrier", "system", "keyDepartment", "other"] as const;

function filtersFrom(params: URLSearchParams): FindingFilters {
  const pick = <T extends string>(name: string, allowed: readonly T[]) => {
    const v = params.get(name);
    return allowed.includes(v as T) ? (v as T) : undefined;
  };
  const year = Number(params.get("year"));
  return {
    ...(pick("status", STATUSES) ? { status: pick("status", STATUSES) } : {}),
    ...(params.get("unitId") ? { unitId: params.get("unitId") ?? "" } : {}),
    ...(pick("severity", SEVERITIES) ? { severity: pick("severity", SEVERITIES) } : {}),
    ...(pick("category", CATEGORIES) ? { category: pick("category", CATEGORIES) } : {}),
    ...(year >= 2000 && year <= 2100 ? { year } : {}),
    ...(pick("overdue", ["true", "false"] as const) ? { overdue: pick("overdue", ["true", "false"] as const) } : {}),
  };
}

/** 问题清单: the findings the user reaches by deadline, filtered (status, unit, severity, category, year, overdue). */
export function FindingsPage() {
  const { t } = useTranslation();
  const { filters, apply, change, filtered } = useUrlFilters(filtersFrom);
  const list = useFindings(filters);
  const units = useUnits();
  return (
    <div data-testid="inspection-findings">
      <PageHeader
        title={t("inspections.findings.title")}
        intro={t("inspections.findings.intro")}
        basis={t("inspections.basis")}
        extra={
          <ExportButton
            path="/api/findings"
            filters={filters}
            fallbackName="检查发现的问题.xlsx"
            label={t("inspections.findings.export")}
          />
        }
      />
      <Card className="audit-filters">
        <FilterGrid name="finding-filters" onReset={() => apply({})}>
          <FilterSelect
            id="finding-filters-status"
            label={t("inspections.finding.status")}
            placeholder={t("inspections.findings.all")}
            value={filters.status}
            options={STATUSES.map((s) => ({ value: s, label: t(`inspections.statuses.${s}`) }))}
            onChange={change("status")}
          />
          <FilterSelect
            id="finding-filters-unit"
            label={t("inspections.finding.unit")}
            placeholder={t("inspections.findings.all")}
            value={filters.unitId}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={change("unitId")}
          />
          <FilterSelect
            id="finding-filters-severity"
            label={t("inspections.finding.severity")}
            placeholder={t("inspections.findings.all")}
            value={filters.severity}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`inspections.severities.${s}`) }))}
            onChange={change("severity")}
          />
          <FilterSelect
            id="finding-filters-category"
            label={t("inspections.finding.category")}
            placeholder={t("inspections.findings.all")}
            value={filters.category}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`inspections.categories.${c}`) }))}
            onChange={change("category")}
          />
          <YearFilter
            id="finding-filters-year"
            label={t("inspections.plan.year")}
            placeholder={t("inspections.findings.all")}
            value={filters.year}
            onChange={change("year")}
          />
          <FilterSelect
            id="finding-filters-overdue"
            label={t("inspections.finding.overdue")}
            placeholder={t("inspections.findings.all")}
            value={filters.overdue}
            options={[
              { value: "true", label: t("inspections.findings.overdueOnly") },
              { value: "false", label: t("inspections.findings.notOverdue") },
            ]}
            onChange={change("overdue")}
          />
        </FilterGrid>
      </Card>
      <ListCard list={list}>
        <FindingsTable
          items={list.items}
          loading={list.isPending}
          empty={filtered ? t("common.noMatch") : t("inspections.findings.empty")}
        />
      </ListCard>
    </div>
  );
}

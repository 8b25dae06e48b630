import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { useUnits } from "../../api/accounts";
import { type SelfCheckFilters, useSelfChecks } from "../../api/self-checks";
import { ExportButton, FilterGrid, FilterSelect, ListCard, YearFilter } from "../../components/list-parts";
import { PageHeader } from "../../components/page-header";
import { useUrlFilters } from "../../components/url-filters";
import { SelfCheckTable } from "./self-check-table";

const STATUSES = ["draft", "submitted", "confirmed"] as const;

function filtersFrom(params: URLSearchParams): SelfCheckFilters {
  const status = params.get("status") as SelfCheckFilters["status"] | null;
  const year = Number(params.get("year"));
  return {
    ...(status && STATUSES.includes(status) ? { status } : {}),
    ...(params.get("unitId") ? { unitId: params.get("unitId") ?? "" } : {}),
    ...(year >= 2000 && year <= 2100 ? { year } : {}),
  };
}

/** 全部自查表: the institution's self-checks for readers of its inspections, filtered (year, unit, status), exportable. */
export function AllSelfChecksPage() {
  const { t } = useTranslation();
  const { filters, apply, change, filtered } = useUrlFilters(filtersFrom);
  const list = useSelfChecks(filters);
  const units = useUnits();
  return (
    <div data-testid="self-checks-all">
      <PageHeader
        title={t("selfChecks.all.title")}
        intro={t("selfChecks.all.intro")}
        basis={t("selfChecks.basis")}
        extra={
          <ExportButton
            path="/api/self-checks"
            filters={filters}
            fallbackName="个人保密自查.xlsx"
            label={t("selfChecks.all.export")}
          />
        }
      />
      <Card className="audit-filters">
        <FilterGrid name="self-check-filters" onReset={() => apply({})}>
          <YearFilter
            id="self-check-filters-year"
            label={t("selfChecks.fields.year")}
            placeholder={t("selfChecks.all.any")}
            value={filters.year}
            onChange={change("year")}
          />
          <FilterSelect
            id="self-check-filters-unit"
            label={t("selfChecks.fields.unit")}
            placeholder={t("selfChecks.all.any")}
            value={filters.unitId}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={change("unitId")}
          />
          <FilterSelect
            id="self-check-filters-status"
            label={t("selfChecks.fields.status")}
            placeholder={t("selfChecks.all.any")}
            value={filters.status}
            options={STATUSES.map((s) => ({ value: s, label: t(`selfChecks.statuses.${s}`) }))}
            onChange={change("status")}
          />
        </FilterGrid>
      </Card>
      <ListCard list={list}>
        <SelfCheckTable
          items={list.items}
          loading={list.isPending}
          empty={filtered ? t("common.noMatch") : t("selfChecks.all.empty")}
        />
      </ListCard>
    </div>
  );
}

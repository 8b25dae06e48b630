import { Form } from "antd";
import { useTranslation } from "react-i18next";
import type { ResearchFilters, ResearchStatus } from "../../../api/research";
import { FilterGrid, FilterSelect, KeywordFilter, YearFilter } from "../../../components/list-parts";
import { UnitTreeSelect } from "../../../components/unit-tree-select";
import { RESEARCH_STATUSES, useResearchStatusName } from "./research-names";

/** The topic list's filters: year, status, the lead's unit and a keyword. A change applies at once; the address keeps them. */
export function ResearchFilterForm({
  filters,
  onApply,
}: {
  filters: ResearchFilters;
  onApply: (filters: ResearchFilters) => void;
}) {
  const { t } = useTranslation();
  const statusName = useResearchStatusName();
  return (
    <FilterGrid name="research-filters" onReset={() => onApply({})}>
      <YearFilter
        id="research-filters-year"
        label={t("research.filters.year")}
        placeholder={t("research.filters.allYears")}
        value={filters.year}
        onChange={(year) => onApply({ ...filters, year })}
      />
      <FilterSelect<ResearchStatus>
        id="research-filters-status"
        label={t("research.filters.status")}
        placeholder={t("research.filters.allStatuses")}
        value={filters.status}
        options={RESEARCH_STATUSES.map((s) => ({ value: s, label: statusName(s) }))}
        onChange={(status) => onApply({ ...filters, status })}
      />
      <Form.Item label={t("research.filters.leadUnit")} htmlFor="research-filters-unit">
        <UnitTreeSelect
          id="research-filters-unit"
          value={filters.leadUnitId}
          onChange={(leadUnitId) => onApply({ ...filters, leadUnitId })}
        />
      </Form.Item>
      <KeywordFilter
        id="research-filters-q"
        label={t("research.filters.keyword")}
        placeholder={t("research.filters.keywordPlaceholder")}
        value={filters.q}
        onChange={(q) => onApply({ ...filters, q })}
      />
    </FilterGrid>
  );
}

import { useTranslation } from "react-i18next";
import type { MeetingFilters, MeetingKind, MeetingStatus } from "../../api/meetings";
import { FilterGrid, FilterSelect, YearFilter } from "../../components/list-parts";
import { MEETING_KINDS, MEETING_STATUSES, useMeetingNames } from "./status-tags";

/** The meeting list's filters: year, kind and status. A change applies at once; the address keeps them. */
export function MeetingFilterForm({
  filters,
  onApply,
}: {
  filters: MeetingFilters;
  onApply: (filters: MeetingFilters) => void;
}) {
  const { t } = useTranslation();
  const names = useMeetingNames();
  return (
    <FilterGrid name="meeting-filters" onReset={() => onApply({})}>
      <YearFilter
        id="meeting-filters-year"
        label={t("committee.filters.year")}
        placeholder={t("committee.filters.allYears")}
        value={filters.year}
        onChange={(year) => onApply({ ...filters, year })}
      />
      <FilterSelect<MeetingKind>
        id="meeting-filters-kind"
        label={t("committee.filters.kind")}
        placeholder={t("committee.filters.allKinds")}
        value={filters.kind}
        options={MEETING_KINDS.map((k) => ({ value: k, label: names.kind(k) }))}
        onChange={(kind) => onApply({ ...filters, kind })}
      />
      <FilterSelect<MeetingStatus>
        id="meeting-filters-status"
        label={t("committee.filters.status")}
        placeholder={t("committee.filters.allStatuses")}
        value={filters.status}
        options={MEETING_STATUSES.map((s) => ({ value: s, label: names.status(s) }))}
        onChange={(status) => onApply({ ...filters, status })}
      />
    </FilterGrid>
  );
}

import { Button, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { MeetingFilters, MeetingKind, MeetingStatus } from "../../api/meetings";
import { yearOptions } from "../obligations/filter-options";
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
    <Form layout="vertical" className="filter-grid" name="meeting-filters">
      <Form.Item label={t("committee.filters.year")} htmlFor="meeting-filters-year">
        <Select<number>
          id="meeting-filters-year"
          allowClear
          value={filters.year}
          placeholder={t("committee.filters.allYears")}
          options={yearOptions()}
          onChange={(year) => onApply({ ...filters, year })}
        />
      </Form.Item>
      <Form.Item label={t("committee.filters.kind")} htmlFor="meeting-filters-kind">
        <Select<MeetingKind>
          id="meeting-filters-kind"
          allowClear
          value={filters.kind}
          placeholder={t("committee.filters.allKinds")}
          options={MEETING_KINDS.map((k) => ({ value: k, label: names.kind(k) }))}
          onChange={(kind) => onApply({ ...filters, kind })}
        />
      </Form.Item>
      <Form.Item label={t("committee.filters.status")} htmlFor="meeting-filters-status">
        <Select<MeetingStatus>
          id="meeting-filters-status"
          allowClear
          value={filters.status}
          placeholder={t("committee.filters.allStatuses")}
          options={MEETING_STATUSES.map((s) => ({ value: s, label: names.status(s) }))}
          onChange={(status) => onApply({ ...filters, status })}
        />
      </Form.Item>
      <Form.Item label=" " className="filter-buttons">
        <Button onClick={() => onApply({})}>{t("common.reset")}</Button>
      </Form.Item>
    </Form>
  );
}

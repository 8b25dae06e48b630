import { Form } from "antd";
import { useTranslation } from "react-i18next";
import type { TaskFilters, TaskStatus } from "../../api/meetings";
import { FilterGrid, FilterSelect } from "../../components/list-parts";
import { UnitFilterSelect } from "../obligations/unit-filter-select";
import { TASK_STATUSES, useMeetingNames } from "./status-tags";

/** The task list's filters: status, owner unit (and the units below it), overdue or not. Applied at once. */
export function TaskFilterForm({
  filters,
  onApply,
}: {
  filters: TaskFilters;
  onApply: (filters: TaskFilters) => void;
}) {
  const { t } = useTranslation();
  const names = useMeetingNames();
  return (
    <FilterGrid name="task-filters" onReset={() => onApply({})}>
      <FilterSelect<TaskStatus>
        id="task-filters-status"
        label={t("committee.filters.status")}
        placeholder={t("committee.filters.allStatuses")}
        value={filters.status}
        options={TASK_STATUSES.map((s) => ({ value: s, label: names.task(s) }))}
        onChange={(status) => onApply({ ...filters, status })}
      />
      <Form.Item label={t("committee.filters.unit")} htmlFor="task-filters-unit">
        <UnitFilterSelect
          id="task-filters-unit"
          value={filters.unitId}
          onChange={(unitId) => onApply({ ...filters, unitId })}
        />
      </Form.Item>
      <FilterSelect<"true" | "false">
        id="task-filters-overdue"
        label={t("committee.filters.overdue")}
        placeholder={t("committee.filters.allTasks")}
        value={filters.overdue}
        options={[
          { value: "true", label: t("committee.filters.overdueOnly") },
          { value: "false", label: t("committee.filters.notOverdue") },
        ]}
        onChange={(overdue) => onApply({ ...filters, overdue })}
      />
    </FilterGrid>
  );
}

import { Button, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { TaskFilters, TaskStatus } from "../../api/meetings";
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
    <Form layout="vertical" className="filter-grid" name="task-filters">
      <Form.Item label={t("committee.filters.status")} htmlFor="task-filters-status">
        <Select<TaskStatus>
          id="task-filters-status"
          allowClear
          value={filters.status}
          placeholder={t("committee.filters.allStatuses")}
          options={TASK_STATUSES.map((s) => ({ value: s, label: names.task(s) }))}
          onChange={(status) => onApply({ ...filters, status })}
        />
      </Form.Item>
      <Form.Item label={t("committee.filters.unit")} htmlFor="task-filters-unit">
        <UnitFilterSelect
          id="task-filters-unit"
          value={filters.unitId}
          onChange={(unitId) => onApply({ ...filters, unitId })}
        />
      </Form.Item>
      <Form.Item label={t("committee.filters.overdue")} htmlFor="task-filters-overdue">
        <Select<"true" | "false">
          id="task-filters-overdue"
          allowClear
          value={filters.overdue}
          placeholder={t("committee.filters.allTasks")}
          options={[
            { value: "true", label: t("committee.filters.overdueOnly") },
            { value: "false", label: t("committee.filters.notOverdue") },
          ]}
          onChange={(overdue) => onApply({ ...filters, overdue })}
        />
      </Form.Item>
      <Form.Item label=" " className="filter-buttons">
        <Button onClick={() => onApply({})}>{t("common.reset")}</Button>
      </Form.Item>
    </Form>
  );
}

import type { TaskFilters, TaskStatus } from "../../api/meetings";
import { TASK_STATUSES } from "../../../domain/meeting";

/** Reads the task list's filters from the query string, dropping what could never be valid. */
export function taskFiltersFrom(params: URLSearchParams): TaskFilters {
  const filters: TaskFilters = {};
  const status = params.get("status");
  if (TASK_STATUSES.includes(status as TaskStatus)) filters.status = status as TaskStatus;
  const unitId = params.get("unitId")?.trim();
  if (unitId) filters.unitId = unitId;
  const meetingId = params.get("meetingId")?.trim();
  if (meetingId) filters.meetingId = meetingId;
  const overdue = params.get("overdue");
  if (overdue === "true" || overdue === "false") filters.overdue = overdue;
  return filters;
}

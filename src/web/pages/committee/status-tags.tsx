import { Tag } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import {
  ATTENDANCE_NAMES,
  MEETING_KIND_NAMES,
  MEETING_KINDS,
  MEETING_STATUS_NAMES,
  MEETING_STATUSES,
  PROPOSAL_STATUS_NAMES,
  TASK_STATUS_NAMES,
  TASK_STATUSES,
} from "../../../domain/meeting";
import type { AttendanceKind, MeetingKind, MeetingStatus, Proposal, TaskStatus } from "../../api/meetings";
import { localized } from "../../components/format";

export { MEETING_KINDS, MEETING_STATUSES, TASK_STATUSES };

const SEATS = ["director", "deputyDirector", "member"] as const;
function isSeat(seat: string): seat is (typeof SEATS)[number] {
  return SEATS.includes(seat as (typeof SEATS)[number]);
}

const MEETING_COLOURS: Record<MeetingStatus, string> = {
  draft: "default",
  agendaCall: "processing",
  agendaSet: "cyan",
  held: "geekblue",
  minutesDrafted: "orange",
  signed: "green",
  cancelled: "default",
};

const TASK_COLOURS: Record<TaskStatus, string> = {
  open: "blue",
  reported: "orange",
  closed: "green",
};

/**
 * Names of the domain's meeting vocabulary in the interface language. The server sends the same names in Chinese
 * (statusName, kindName …); the screens take them from the one vocabulary so English reads English too.
 */
export function useMeetingNames() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return {
    kind: useCallback((kind: MeetingKind) => localized(MEETING_KIND_NAMES[kind], language), [language]),
    status: useCallback((status: MeetingStatus) => localized(MEETING_STATUS_NAMES[status], language), [language]),
    task: useCallback((status: TaskStatus) => localized(TASK_STATUS_NAMES[status], language), [language]),
    proposal: useCallback(
      (status: Proposal["status"]) => localized(PROPOSAL_STATUS_NAMES[status], language),
      [language],
    ),
    attendance: useCallback((kind: AttendanceKind) => localized(ATTENDANCE_NAMES[kind], language), [language]),
    /** A committee seat by its code (director / deputyDirector / member), else as the server named it. */
    seat: useCallback(
      (seat: string, fallback: string) => (isSeat(seat) ? t(`committee.seats.${seat}`) : fallback),
      [t],
    ),
  };
}

/** A meeting's coloured status. */
export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const names = useMeetingNames();
  return (
    <Tag color={MEETING_COLOURS[status]} className="status-tag">
      {names.status(status)}
    </Tag>
  );
}

/** A tracked task's coloured status, and 已逾期 beside it when it is late. */
export function TaskStatusTag({ status, overdue }: { status: TaskStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  const names = useMeetingNames();
  return (
    <span className="nowrap">
      <Tag color={TASK_COLOURS[status]} className="status-tag">
        {names.task(status)}
      </Tag>
      {overdue && <Tag color="red">{t("committee.tasks.overdueTag")}</Tag>}
    </span>
  );
}

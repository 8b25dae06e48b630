/**
 * Committee meetings (实施细则第十二条第（一）项 例会制度; 第九条第（三）项 全院保密工作会议; 第十条第（二）项 主任主持、
 * 副主任受委托): the kinds, the workflow from agenda call to signed minutes, and the tracked tasks (督办) their decisions
 * become. Pure: no I/O.
 */
import { allows, nextStatus, type StateMachine } from "./state-machine.js";
import { type Localized } from "./errors.js";

export const MEETING_KINDS = ["regular", "extraordinary", "conference"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_NAMES: Record<MeetingKind, Localized> = {
  regular: { zh: "保密委员会例会", en: "Regular committee meeting" },
  extraordinary: { zh: "保密委员会临时会议", en: "Extraordinary committee meeting" },
  conference: { zh: "全院保密工作会议", en: "Institution-wide secrecy conference" },
};

/** The article each kind serves, cited on the screen, in the minutes and in messages. */
export const MEETING_KIND_ARTICLES: Record<MeetingKind, string> = {
  regular: "art12.1",
  extraordinary: "art12.1",
  conference: "art9.3",
};

/**
 * draft → agendaCall (议题征集, open until its deadline) → agendaSet (the office screened the proposals) → held
 * (attendance recorded) → minutesDrafted (报主任审定) → signed (审定签发, final). A meeting not yet held may be cancelled.
 */
export const MEETING_STATUSES = [
  "draft",
  "agendaCall",
  "agendaSet",
  "held",
  "minutesDrafted",
  "signed",
  "cancelled",
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_NAMES: Record<MeetingStatus, Localized> = {
  draft: { zh: "筹备中", en: "Being prepared" },
  agendaCall: { zh: "议题征集中", en: "Agenda call open" },
  agendaSet: { zh: "议程已确定", en: "Agenda set" },
  held: { zh: "已召开", en: "Held" },
  minutesDrafted: { zh: "纪要待审定", en: "Minutes awaiting sign-off" },
  signed: { zh: "纪要已签发", en: "Minutes signed" },
  cancelled: { zh: "已取消", en: "Cancelled" },
};

export type MeetingAction =
  | "openAgendaCall"
  | "propose"
  | "setAgenda"
  | "attachMaterial"
  | "recordAttendance"
  | "draftMinutes"
  | "signOff"
  | "addAddendum"
  | "cancel";

const MEETING_MACHINE: StateMachine<MeetingStatus, MeetingAction> = {
  subject: { zh: "该会议", en: "The meeting" },
  statusNames: MEETING_STATUS_NAMES,
  actionNames: {
    openAgendaCall: { zh: "发起议题征集", en: "open an agenda call" },
    propose: { zh: "提交议题", en: "propose an item" },
    setAgenda: { zh: "确定议程", en: "set the agenda" },
    attachMaterial: { zh: "上传会议材料", en: "attach materials" },
    recordAttendance: { zh: "登记出席情况", en: "record attendance" },
    draftMinutes: { zh: "起草或修改纪要", en: "draft or edit the minutes" },
    signOff: { zh: "审定签发纪要", en: "sign off the minutes" },
    addAddendum: { zh: "增补纪要", en: "add an addendum" },
    cancel: { zh: "取消会议", en: "cancel the meeting" },
  },
  rules: {
    openAgendaCall: { from: ["draft"], to: "agendaCall" },
    propose: { from: ["agendaCall"], to: null },
    setAgenda: { from: ["draft", "agendaCall", "agendaSet"], to: "agendaSet" },
    attachMaterial: { from: ["draft", "agendaCall", "agendaSet", "held"], to: null },
    recordAttendance: { from: ["agendaSet", "held"], to: "held" },
    draftMinutes: { from: ["held", "minutesDrafted"], to: "minutesDrafted" },
    signOff: { from: ["minutesDrafted"], to: "signed" },
    addAddendum: { from: ["signed"], to: null },
    cancel: { from: ["draft", "agendaCall", "agendaSet"], to: "cancelled" },
  },
  hint: (current) =>
    current === "signed"
      ? "；已签发的纪要不得修改，更正请以签发的补充纪要为之"
      : current === "cancelled"
        ? "；会议已取消"
        : "",
};

/** Whether the action is allowed in the status (for the `abilities` of a response). */
export const meetingAllows = (current: MeetingStatus, action: MeetingAction): boolean =>
  allows(MEETING_MACHINE, current, action);

/** The status after the action, or a 409 naming the status the meeting is in. */
export const nextMeetingStatus = (current: MeetingStatus, action: MeetingAction): MeetingStatus =>
  nextStatus(MEETING_MACHINE, current, action);

export const PROPOSAL_STATUSES = ["proposed", "accepted", "declined"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_NAMES: Record<ProposalStatus, Localized> = {
  proposed: { zh: "待筛选", en: "To be screened" },
  accepted: { zh: "列入议程", en: "On the agenda" },
  declined: { zh: "未列入", en: "Not taken" },
};

/** 出席 / 请假 / 列席. */
export const ATTENDANCE_KINDS = ["present", "onLeave", "nonVoting"] as const;
export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];
export const ATTENDANCE_NAMES: Record<AttendanceKind, Localized> = {
  present: { zh: "出席", en: "Present" },
  onLeave: { zh: "请假", en: "On leave" },
  nonVoting: { zh: "列席", en: "Attending without a seat" },
};

/** How a signer held the pen: the director, or a deputy under a dated delegation (第十条第（二）项). */
export type SignedAs = "director" | "delegate";

/** Tracked tasks (督办): a decision of the minutes with an owner unit and a deadline, followed until the office closes it. */
export const TASK_STATUSES = ["open", "reported", "closed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_NAMES: Record<TaskStatus, Localized> = {
  open: { zh: "办理中", en: "In progress" },
  reported: { zh: "已报办结，待核销", en: "Reported done, awaiting check" },
  closed: { zh: "已办结", en: "Closed" },
};

export type TaskAction = "progress" | "report" | "close" | "reopen";
const TASK_MACHINE: StateMachine<TaskStatus, TaskAction> = {
  subject: { zh: "该督办事项", en: "The tracked task" },
  statusNames: TASK_STATUS_NAMES,
  actionNames: {
    progress: { zh: "登记进展", en: "record progress" },
    report: { zh: "报告办结", en: "report it done" },
    close: { zh: "核销办结", en: "close it" },
    reopen: { zh: "退回重办", en: "send it back" },
  },
  rules: {
    progress: { from: ["open"], to: "open" },
    report: { from: ["open"], to: "reported" },
    close: { from: ["reported"], to: "closed" },
    reopen: { from: ["reported"], to: "open" },
  },
};

export const taskAllows = (current: TaskStatus, action: TaskAction): boolean => allows(TASK_MACHINE, current, action);

/** The task's status after the action, or a 409 naming its status. */
export const nextTaskStatus = (current: TaskStatus, action: TaskAction): TaskStatus =>
  nextStatus(TASK_MACHINE, current, action);

/** The minutes' document number: 代字〔年份〕序号号, e.g. 保委纪〔2027〕3号 (GB/T 9704-2012 §7.2.4). */
export function minutesNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}〔${year}〕${sequence}号`;
}

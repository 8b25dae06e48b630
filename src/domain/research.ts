/**
 * Research topics (实施细则第十二条第（三）项 调研制度): the workflow of a 调研课题 from proposal to 结题, and the names a
 * secrecy office uses for each step. Pure: no I/O.
 */
import { allows, nextStatus, type StateMachine } from "./state-machine.js";
import { type Localized } from "./errors.js";

/** The policy item every research topic serves. */
export const RESEARCH_ARTICLE = "art12.3";

/**
 * draft (立项中, the office prepares it) → approved (已立项: the committee agreed; the office records its decision) →
 * inProgress (调研中) → findingsRecorded (调研发现 recorded, one at a time) → reported (调研报告 written) → concluded (结题,
 * final). Until it is concluded a topic may be cancelled (撤销) with a reason.
 */
export const RESEARCH_STATUSES = [
  "draft",
  "approved",
  "inProgress",
  "findingsRecorded",
  "reported",
  "concluded",
  "cancelled",
] as const;
export type ResearchStatus = (typeof RESEARCH_STATUSES)[number];

export const RESEARCH_STATUS_NAMES: Record<ResearchStatus, Localized> = {
  draft: { zh: "立项中", en: "Being proposed" },
  approved: { zh: "已立项", en: "Approved" },
  inProgress: { zh: "调研中", en: "In progress" },
  findingsRecorded: { zh: "已形成调研发现", en: "Findings recorded" },
  reported: { zh: "已形成调研报告", en: "Report written" },
  concluded: { zh: "已结题", en: "Concluded" },
  cancelled: { zh: "已撤销", en: "Cancelled" },
};

/** 负责人 / 成员: a topic's lead and its team. */
export const RESEARCH_TEAM_ROLES = ["lead", "member"] as const;
export type ResearchTeamRole = (typeof RESEARCH_TEAM_ROLES)[number];
export const RESEARCH_TEAM_ROLE_NAMES: Record<ResearchTeamRole, Localized> = {
  lead: { zh: "负责人", en: "Lead" },
  member: { zh: "成员", en: "Member" },
};

export type ResearchAction = "edit" | "approve" | "start" | "recordFinding" | "writeReport" | "conclude" | "cancel";

const RESEARCH_MACHINE: StateMachine<ResearchStatus, ResearchAction> = {
  subject: { zh: "该调研课题", en: "The research topic" },
  statusNames: RESEARCH_STATUS_NAMES,
  actionNames: {
    edit: { zh: "修改立项内容", en: "edit the proposal" },
    approve: { zh: "登记立项", en: "record the approval" },
    start: { zh: "开始调研", en: "start the research" },
    recordFinding: { zh: "登记调研发现", en: "record a finding" },
    writeReport: { zh: "撰写调研报告", en: "write the report" },
    conclude: { zh: "结题", en: "conclude the topic" },
    cancel: { zh: "撤销课题", en: "cancel the topic" },
  },
  rules: {
    edit: { from: ["draft"], to: null },
    approve: { from: ["draft"], to: "approved" },
    start: { from: ["approved"], to: "inProgress" },
    recordFinding: { from: ["inProgress", "findingsRecorded"], to: "findingsRecorded" },
    writeReport: { from: ["findingsRecorded", "reported"], to: "reported" },
    conclude: { from: ["reported"], to: "concluded" },
    cancel: { from: ["draft", "approved", "inProgress", "findingsRecorded", "reported"], to: "cancelled" },
  },
  hint: (current, action) =>
    current === "concluded"
      ? "；已结题的课题不得修改"
      : current === "cancelled"
        ? "；课题已撤销"
        : action === "conclude"
          ? "；须先形成调研报告"
          : action === "writeReport"
            ? "；须先登记调研发现"
            : "",
};

/** Whether the action is allowed in the status (for the `abilities` of a response). */
export const researchAllows = (current: ResearchStatus, action: ResearchAction): boolean =>
  allows(RESEARCH_MACHINE, current, action);

/** The status after the action, or a 409 naming the status the topic is in. */
export const nextResearchStatus = (current: ResearchStatus, action: ResearchAction): ResearchStatus =>
  nextStatus(RESEARCH_MACHINE, current, action);

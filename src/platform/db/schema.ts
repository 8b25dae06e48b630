/** The database's tables as Kysely sees them. Each migration that adds a table adds its interface here. */
import { type AuditCheckpointTable, type AuditEntryTable, type AuditLookupTable } from "../audit/tables.js";
import { type ColumnType } from "kysely";
import { type Instant } from "./instants.js";
import { type ObligationState } from "../../domain/obligation.js";
import {
  type AttendanceKind,
  type MeetingKind,
  type MeetingStatus,
  type ProposalStatus,
  type SignedAs,
  type TaskStatus,
} from "../../domain/meeting.js";
import { type ResearchStatus } from "../../domain/research.js";

/** Booleans are stored as 0/1 integers in both dialects. */
export type Flag = 0 | 1;

/** A column added after its table: optional on insert, where the database supplies its default. */
type Later<T> = ColumnType<T, T | undefined, T>;

/** One row (id 1): moved by triggers on whatever an authenticated request is built from (migration 0010). */
export interface AuthEpochTable {
  id: number;
  n: number | string;
}

/** Instance-wide settings (key → JSON text), changed by the system or security administrator. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: Instant;
}

/** A cached answer's version, bumped by triggers whenever what it is read from changes (migration 0024). */
export interface DataVersionTable {
  topic: "findings";
  /** bigint: PostgreSQL returns it as a string. */
  version: number | string;
}

export interface UnitTable {
  id: string;
  parent_id: string | null;
  /** Materialized path of ids, `/root/…/self/`: a subtree is a prefix. */
  path: string;
  name: string;
  kind: "authority" | "institution" | "unit";
  sort_order: number;
  /** Stable code the implementing rules refer to (e.g. SECURITY_DEPT in Art. 8); null for most units. */
  code: Later<string | null>;
  /** Designated a classified unit (涉密单位): its head sits on the committee (Art. 8). */
  classified: Later<Flag>;
  closed_on: Later<string | null>;
  created_at: Instant;
  updated_at: Instant;
}

export interface PersonTable {
  id: string;
  name: string;
  unit_id: string | null;
  /** 工号: the institution's own number for the person, unique when given. */
  staff_no: Later<string | null>;
  email: Later<string | null>;
  created_at: Instant;
  updated_at: Instant;
}

export interface AccountTable {
  id: string;
  username: string;
  display_name: string;
  person_id: string | null;
  admin_role: "SYS_ADMIN" | "SECURITY_ADMIN" | "AUDITOR" | null;
  status: "active" | "disabled";
  password_hash: string;
  password_changed_at: Instant | null;
  must_change_password: Flag;
  failed_logins: number;
  locked_until: Instant | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  last_login_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface RecoveryCodeTable {
  account_id: string;
  code_hash: string;
  used_at: Instant | null;
}

export interface SessionTable {
  id: string;
  public_id: string;
  account_id: string;
  csrf_token: string;
  totp_verified: Flag;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
  ended_at: Instant | null;
  end_reason: string | null;
  source_ip: string | null;
  user_agent: string | null;
}

export interface RoleGrantTable {
  id: string;
  account_id: string;
  role: string;
  unit_id: string;
  starts_on: string;
  ends_on: string | null;
  granted_by: string;
  created_at: Instant;
  revoked_at: Instant | null;
  revoked_by: string | null;
}

export interface ClearanceTable {
  id: string;
  person_id: string;
  tier: "CORE" | "IMPORTANT" | "GENERAL";
  starts_on: string;
  ends_on: string | null;
  granted_by: string;
  created_at: Instant;
}

export interface RateLimitTable {
  key: string;
  window_start: Instant;
  count: number;
}

/** A position held in a unit between two dates (end inclusive; null = still held); acting appointments flagged. */
export interface AppointmentTable {
  id: string;
  person_id: string;
  unit_id: string;
  position: string;
  acting: Flag;
  starts_on: string;
  ends_on: string | null;
  created_by: string | null;
  created_at: Instant;
}

/** A leader's 分管: an area (business, security, secrecy…) over a unit subtree — the institution for institution-wide ones. */
export interface PortfolioTable {
  id: string;
  person_id: string;
  unit_id: string;
  area: string;
  starts_on: string;
  ends_on: string | null;
  created_by: string | null;
  created_at: Instant;
}

/** The committee director's dated delegation to a deputy (Art. 10(2)). */
export interface DelegationTable {
  id: string;
  institution_id: string;
  delegate_person_id: string;
  purpose: string;
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: Instant;
}

/** Every activated version of the implementing rules, kept; the newest activation is in force. */
export interface PolicyVersionTable {
  id: string;
  policy_id: string;
  version: number;
  content: string;
  sha256: string;
  activated_at: Instant;
  activated_by: string | null;
}

/** One issuance of a responsibility-agreement template for a year in an institution (unique per the three). */
export interface AgreementBatchTable {
  id: string;
  institution_id: string;
  year: number;
  template_id: string;
  /** SHA-256 of the policy text the template was taken from. */
  policy_version: string;
  issued_at: Instant;
  issued_by: string | null;
}

/** A responsibility agreement (保密责任书): its text fixed at issue, signed once by the person named, or voided. */
export interface AgreementTable {
  id: string;
  batch_id: string;
  unit_id: string;
  person_id: string;
  role: string;
  /** The signer held the post in an acting capacity (代理/主持工作) on the issue date. */
  acting: Flag;
  title: string;
  /** The rendered paragraphs joined by "\n". */
  body: string;
  status: "draft" | "issued" | "signed" | "voided";
  issued_at: Instant | null;
  signed_at: Instant | null;
  signed_by_account: string | null;
  /** SHA-256 over the canonical text, the signer and the time (domain/agreement.ts). */
  signature: string | null;
  voided_at: Instant | null;
  voided_by: string | null;
  void_reason: string | null;
  created_at: Instant;
}

export interface AcademicTermTable {
  id: string;
  institution_id: string;
  academic_year: number;
  ordinal: 1 | 2;
  starts_on: string;
  ends_on: string;
  updated_at: Instant;
  updated_by: string | null;
}

export interface ObligationEventTable {
  id: string;
  institution_id: string;
  unit_id: string;
  event: string;
  occurred_at: Instant;
  summary: string;
  raised_by: string | null;
  created_at: Instant;
}

export interface ObligationTable {
  id: string;
  institution_id: string;
  duty_id: string;
  article: string;
  policy_version: string;
  bearer_role: string;
  bearer_key: string;
  bearer_unit_id: string;
  bearer_person_id: string | null;
  bearer_name: string;
  period_id: string;
  period_kind: string;
  year: number;
  starts_on: string;
  due_on: string | null;
  due_at: Instant | null;
  event_id: string | null;
  state: ObligationState;
  escalation_level: ColumnType<number, number | undefined, number>;
  closed_at: Instant | null;
  closed_by: string | null;
  record_kind: string | null;
  record_id: string | null;
  waive_reason: string | null;
  responsible: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ObligationEvidenceTable {
  id: string;
  obligation_id: string;
  summary: string;
  document_no: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  file_sha256: string | null;
  submitted_by: string;
  submitted_at: Instant;
  decision: "pending" | "approved" | "rejected";
  decided_by: string | null;
  decided_at: Instant | null;
  decision_note: string | null;
}

export interface EvidenceFileTable {
  evidence_id: string;
  content: Uint8Array;
}

export interface NotificationTable {
  id: string;
  account_id: string;
  obligation_id: string | null;
  kind: string;
  level: ColumnType<number, number | undefined, number>;
  dedupe_key: string;
  title: string;
  body: string;
  created_at: Instant;
  read_at: Instant | null;
}

export interface DeliveryTable {
  id: string;
  notification_id: string | null;
  channel: "email" | "webhook";
  target: string;
  subject: string;
  body: string;
  status: "pending" | "sent" | "failed";
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: Instant;
  sent_at: Instant | null;
}

export interface JobRunTable {
  job: string;
  run_on: string;
  started_at: Instant;
  finished_at: Instant | null;
  summary: string | null;
}

/** A committee meeting (migration 0011): from agenda call to signed minutes (domain/meeting.ts). */
export interface MeetingTable {
  id: string;
  institution_id: string;
  kind: MeetingKind;
  title: string;
  status: MeetingStatus;
  year: number;
  planned_at: Instant;
  place: string;
  agenda_call_deadline: Instant | null;
  agenda_call_note: string | null;
  held_at: Instant | null;
  minutes_text: string | null;
  minutes_drafted_by: string | null;
  minutes_drafted_at: Instant | null;
  minutes_sequence: number | null;
  signed_by_account: string | null;
  signed_by_person: string | null;
  signed_as: SignedAs | null;
  delegation_id: string | null;
  signed_at: Instant | null;
  signature: string | null;
  cancel_reason: string | null;
  event_id: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface AgendaProposalTable {
  id: string;
  meeting_id: string;
  unit_id: string;
  title: string;
  summary: string;
  proposed_by: string | null;
  proposed_at: Instant;
  status: ProposalStatus;
  position: number | null;
  decline_reason: string | null;
}

export interface MeetingMaterialTable {
  id: string;
  meeting_id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: Instant;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  person_id: string;
  kind: AttendanceKind;
  note: string | null;
}

export interface MinutesDecisionTable {
  id: string;
  meeting_id: string;
  position: number;
  text: string;
  owner_unit_id: string;
  due_on: string;
}

export interface MeetingAddendumTable {
  id: string;
  meeting_id: string;
  text: string;
  drafted_by: string | null;
  drafted_at: Instant;
  signed_by_account: string | null;
  signed_by_person: string | null;
  signed_as: SignedAs | null;
  delegation_id: string | null;
  signed_at: Instant | null;
  signature: string | null;
}

/** A tracked task (督办) a signed decision became. */
export interface TrackedTaskTable {
  id: string;
  institution_id: string;
  meeting_id: string | null;
  decision_id: string | null;
  title: string;
  owner_unit_id: string;
  due_on: string;
  status: TaskStatus;
  percent: ColumnType<number, number | undefined, number>;
  report_summary: string | null;
  reported_by: string | null;
  reported_at: Instant | null;
  closed_by: string | null;
  closed_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
  /** The annual plan item it came from (migration 0012), when not a meeting's decision. */
  plan_item_id: Later<string | null>;
  /** Who assigned it, for a task assigned from above or by the committee (migration 0014): 交办机关. */
  assigned_by: Later<string | null>;
  document_no: Later<string | null>;
  /** The event whose obligation its completion discharges. */
  event_id: Later<string | null>;
}

export interface TrackedTaskProgressTable {
  id: string;
  task_id: string;
  kind: "progress" | "report" | "close" | "reopen";
  note: string;
  percent: number | null;
  by_account: string | null;
  at: Instant;
}

/** A committee approval (审定): by the director, or a deputy under a delegation; final once given (migration 0012). */
interface Approval {
  approved_by_account: string | null;
  approved_by_person: string | null;
  approved_as: SignedAs | null;
  delegation_id: string | null;
  approved_at: Instant | null;
  signature: string | null;
}

/** 年度保密工作计划 (第十二条第（二）项). */
export interface AnnualPlanTable extends Approval {
  id: string;
  institution_id: string;
  year: number;
  status: "draft" | "approved";
  title: string;
  body: string;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface PlanItemTable {
  id: string;
  plan_id: string;
  position: number;
  title: string;
  owner_unit_id: string;
  due_on: string;
}

/** 年中督查. */
export interface SupervisionTable {
  id: string;
  institution_id: string;
  year: number;
  status: "open" | "completed";
  report: string | null;
  completed_by: string | null;
  completed_at: Instant | null;
  created_at: Instant;
}

export interface SupervisionNoteTable {
  id: string;
  supervision_id: string;
  unit_id: string;
  text: string;
  created_by: string | null;
  created_at: Instant;
}

/** 年度考核: the rubric frozen as JSON when the assessment began. */
export interface AssessmentTable extends Approval {
  id: string;
  institution_id: string;
  year: number;
  status: "draft" | "approved";
  rubric: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface AssessmentScoreTable {
  assessment_id: string;
  unit_id: string;
  answers: string;
  earned: number;
  possible: number;
  percent: number | null;
  band: string;
  vetoed: Flag;
  scored_by: string | null;
  scored_at: Instant;
}

/** 年度保密工作总结. */
export interface AnnualSummaryTable extends Approval {
  id: string;
  institution_id: string;
  year: number;
  status: "draft" | "approved";
  text: string;
  created_at: Instant;
  updated_at: Instant;
}

/** A report or request upward (报告 / 请示, migration 0013). */
export interface ReportTable {
  id: string;
  institution_id: string;
  year: number;
  kind: "planReport" | "summaryReport" | "majorMatter" | "request";
  recipient: "partyCommittee" | "higherCommittee";
  status: "draft" | "signed" | "submitted";
  title: string;
  body: string;
  /** JSON array of attachment titles (附件说明). */
  attachments: string;
  /** JSON {name, phone}: a request (请示) names whom to call. */
  contact: string | null;
  number_prefix: string;
  number_sequence: number | null;
  event_id: string | null;
  signed_by_account: string | null;
  signed_by_person: string | null;
  signed_as: SignedAs | null;
  delegation_id: string | null;
  signed_at: Instant | null;
  signature: string | null;
  submitted_by: string | null;
  submitted_at: Instant | null;
  submitted_note: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A research topic (调研课题, 实施细则第十二条第（三）项); final once concluded or cancelled (trigger, migration 0015). */
export interface ResearchTopicTable {
  id: string;
  institution_id: string;
  /** The year of the planned start: the list's year. */
  year: number;
  title: string;
  question: string;
  lead_person_id: string;
  /** JSON array of the team members' person ids (the lead is not among them). */
  members: string;
  plan_text: string;
  plan_starts_on: string;
  plan_ends_on: string;
  /** JSON array of {title, dueOn}. */
  milestones: string;
  status: ResearchStatus;
  approved_on: string | null;
  approval_note: string | null;
  approved_by: string | null;
  started_on: string | null;
  report: string | null;
  reported_at: Instant | null;
  concluded_on: string | null;
  concluded_at: Instant | null;
  conclusion_note: string | null;
  concluded_by: string | null;
  cancel_reason: string | null;
  cancelled_at: Instant | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A finding (调研发现) of a research topic, numbered in order; never changed once recorded. */
export interface ResearchFindingTable {
  id: string;
  topic_id: string;
  seq: number;
  text: string;
  recorded_by: string | null;
  recorded_at: Instant;
}

/** An inspection plan (检查计划, migration 0018): its kind, team and the checklist template frozen as JSON. */
export interface InspectionPlanTable {
  id: string;
  institution_id: string;
  kind: "member" | "office" | "special" | "unit";
  title: string;
  year: number;
  half: number | null;
  lead_person_id: string;
  starts_on: string;
  ends_on: string;
  template_id: string;
  template_version: number;
  template: string;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface InspectionTeamTable {
  plan_id: string;
  person_id: string;
}

/** One unit's inspection under a plan: its results per template item as JSON. */
export interface InspectionTable {
  id: string;
  plan_id: string;
  institution_id: string;
  unit_id: string;
  status: "draft" | "closed";
  results: string;
  summary: string | null;
  closed_on: string | null;
  closed_at: Instant | null;
  closed_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A finding (问题) of an inspection and its rectification (整改). */
export interface InspectionFindingTable {
  id: string;
  institution_id: string;
  /** Where the finding came from; `source_id` is that record's id (an inspection, self-check or self-assessment). */
  source: "inspection" | "selfCheck" | "selfAssessment";
  source_id: string;
  /** Filled for inspection findings only. */
  inspection_id: string | null;
  unit_id: string;
  year: number;
  item_id: string;
  /** The checklist item's text as JSON {zh, en}, frozen with the finding. */
  item_text: string;
  category: string;
  severity: "minor" | "major" | "serious";
  description: string;
  deadline: string;
  status: "open" | "submitted" | "closed";
  owner_person_id: string | null;
  owner_name: string | null;
  repeat_of: string | null;
  /** The obligation event the finding raised (its owner's duty to rectify it by the deadline). */
  event_id: string | null;
  plan_text: string | null;
  progress: string | null;
  evidence: string | null;
  submitted_by: string | null;
  submitted_at: Instant | null;
  return_reason: string | null;
  verified_by: string | null;
  verified_at: Instant | null;
  verification_note: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A version of an institution's own checklist template (migration 0022); final once saved. */
export interface InspectionTemplateTable {
  id: string;
  institution_id: string;
  template_id: string;
  version: number;
  subject: "unit" | "keyDepartment" | "person";
  /** The template as JSON (domain/inspection.ts InspectionTemplateSchema). */
  body: string;
  /** What changed, in the office's words. */
  note: string | null;
  created_by: string | null;
  created_at: Instant;
}

/** A photo or document attached to an inspection item or to a finding's rectification. */
export interface InspectionAttachmentTable {
  id: string;
  /** Null for rectification evidence of a finding that did not come from an inspection. */
  inspection_id: string | null;
  finding_id: string | null;
  item_id: string | null;
  name: string;
  type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: Instant;
}

/** A cleared person's self-check (个人保密自查, migration 0020) for one slot of their cadence; final once confirmed. */
export interface SelfCheckTable {
  id: string;
  institution_id: string;
  person_id: string;
  /** The person's unit when they started it. */
  unit_id: string;
  /** The obligation's period id of the person's slot (`2027-06-P6`), and the slot's first and due days. */
  period_id: string;
  period_starts_on: string;
  period_due_on: string | null;
  year: number;
  template_id: string;
  template_version: number;
  template: string;
  /** Answers by item id as JSON ({ outcome, score, note }). */
  answers: string;
  status: "draft" | "submitted" | "confirmed";
  submitted_at: Instant | null;
  confirmed_by: string | null;
  confirmer_person_id: string | null;
  confirmed_at: Instant | null;
  return_reason: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/**
 * A unit's — or the institution's own — annual self-assessment (自查自评, migration 0021) on a rubric frozen as JSON;
 * final once submitted, when its result is stored.
 */
export interface SelfAssessmentTable {
  id: string;
  institution_id: string;
  /** The unit assessed; the institution itself for the institution's own self-assessment. */
  unit_id: string;
  year: number;
  rubric_id: string;
  rubric_version: number;
  rubric: string;
  /** Answers by item id as JSON ({ score, excluded, vetoed, note }). */
  answers: string;
  status: "draft" | "submitted";
  /** Points earned after deductions; with possible, percent, band and vetoed, null until submitted. */
  score: number | null;
  possible: number | null;
  percent: number | null;
  band: string | null;
  vetoed: Flag | null;
  submitted_by: string | null;
  submitted_at: Instant | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A document received from higher authorities (上级来文, migration 0016): metadata only, never its text. */
export interface HigherDocumentTable {
  id: string;
  institution_id: string;
  issuer: string;
  document_no: string;
  title: string;
  received_on: string;
  year: number;
  audience: "allStaff" | "cadres" | "unitHeads" | "clearedPersons" | "other";
  requirement: string | null;
  summary: string | null;
  due_on: string;
  status: "open" | "closed";
  event_id: string | null;
  registered_by: string | null;
  closed_by: string | null;
  closed_at: Instant | null;
  close_note: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A unit that must study a received document. */
export interface HigherDocumentUnitTable {
  document_id: string;
  unit_id: string;
}

/** A briefing and study session (传达学习) a unit held on a document; final once recorded (trigger). */
export interface DocumentStudySessionTable {
  id: string;
  document_id: string;
  unit_id: string;
  held_on: string;
  place: string;
  form: "meeting" | "collective" | "lecture" | "selfStudy" | "online";
  presided_by: string;
  notes: string | null;
  recorded_by: string | null;
  recorded_at: Instant;
}

/** Who attended a study session: 出席 / 请假 / 缺席. */
export interface DocumentStudyAttendanceTable {
  session_id: string;
  person_id: string;
  kind: "present" | "onLeave" | "absent";
  note: string | null;
}

/** A regulation of the library (规章制度, migration 0017): the institution's or a unit's own secrecy rules. */
export interface RegulationTable {
  id: string;
  institution_id: string;
  /** The issuing unit: the institution itself, or a unit for its own rules (Art. 6(1)). */
  unit_id: string;
  title: string;
  document_no: string | null;
  category: "responsibility" | "personnel" | "carrier" | "network" | "publicity" | "activity" | "general";
  status: "draft" | "inForce" | "repealed";
  /** 'policy' for the implementing rules themselves, each institution's first entry; null otherwise. */
  seed_key: string | null;
  repealed_on: string | null;
  repeal_reason: string | null;
  repealed_by: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** One version of a regulation: its text or attached file; final once adopted, untouchable once superseded. */
export interface RegulationVersionTable {
  id: string;
  regulation_id: string;
  version_no: number;
  kind: "adopt" | "revise";
  text: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  file_sha256: string | null;
  file_content: Buffer | null;
  change_summary: string | null;
  effective_on: string | null;
  adopted_at: Instant | null;
  adopted_by: string | null;
  adopted_by_person: string | null;
  superseded_at: Instant | null;
  policy_sha256: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A higher regulation issued (上级制定的保密法规、文件), raising the event the institution's revision answers. */
export interface HigherRegulationTable {
  id: string;
  institution_id: string;
  issuer: string;
  document_no: string;
  title: string;
  issued_on: string;
  summary: string | null;
  event_id: string | null;
  answered_by_version: string | null;
  answered_at: Instant | null;
  recorded_by: string | null;
  created_at: Instant;
}

/** A scoring rubric's version saved by an institution (migration 0025); final once saved. */
export interface RubricVersionTable {
  id: string;
  institution_id: string;
  rubric_id: string;
  version: number;
  /** The whole rubric as JSON (RubricSchema). */
  body: string;
  note: string | null;
  created_by: string | null;
  created_at: Instant;
}

export interface Database {
  setting: SettingTable;
  data_version: DataVersionTable;
  rubric_version: RubricVersionTable;
  audit_entry: AuditEntryTable;
  audit_checkpoint: AuditCheckpointTable;
  audit_lookup: AuditLookupTable;
  unit: UnitTable;
  person: PersonTable;
  account: AccountTable;
  recovery_code: RecoveryCodeTable;
  session: SessionTable;
  role_grant: RoleGrantTable;
  clearance: ClearanceTable;
  rate_limit: RateLimitTable;
  appointment: AppointmentTable;
  portfolio: PortfolioTable;
  delegation: DelegationTable;
  policy_version: PolicyVersionTable;
  agreement_batch: AgreementBatchTable;
  agreement: AgreementTable;
  academic_term: AcademicTermTable;
  obligation_event: ObligationEventTable;
  obligation: ObligationTable;
  obligation_evidence: ObligationEvidenceTable;
  evidence_file: EvidenceFileTable;
  notification: NotificationTable;
  delivery: DeliveryTable;
  job_run: JobRunTable;
  auth_epoch: AuthEpochTable;
  meeting: MeetingTable;
  agenda_proposal: AgendaProposalTable;
  meeting_material: MeetingMaterialTable;
  meeting_attendance: MeetingAttendanceTable;
  minutes_decision: MinutesDecisionTable;
  meeting_addendum: MeetingAddendumTable;
  tracked_task: TrackedTaskTable;
  tracked_task_progress: TrackedTaskProgressTable;
  annual_plan: AnnualPlanTable;
  plan_item: PlanItemTable;
  supervision: SupervisionTable;
  supervision_note: SupervisionNoteTable;
  assessment: AssessmentTable;
  assessment_score: AssessmentScoreTable;
  annual_summary: AnnualSummaryTable;
  report: ReportTable;
  research_topic: ResearchTopicTable;
  research_finding: ResearchFindingTable;
  higher_document: HigherDocumentTable;
  higher_document_unit: HigherDocumentUnitTable;
  document_study_session: DocumentStudySessionTable;
  document_study_attendance: DocumentStudyAttendanceTable;
  regulation: RegulationTable;
  regulation_version: RegulationVersionTable;
  higher_regulation: HigherRegulationTable;
  inspection_plan: InspectionPlanTable;
  inspection_team: InspectionTeamTable;
  inspection: InspectionTable;
  inspection_finding: InspectionFindingTable;
  inspection_attachment: InspectionAttachmentTable;
  inspection_template: InspectionTemplateTable;
  self_check: SelfCheckTable;
  self_assessment: SelfAssessmentTable;
}

/** The database's tables as Kysely sees them. Each migration that adds a table adds its interface here. */
import { type AuditCheckpointTable, type AuditEntryTable } from "../audit/tables.js";
import { type ColumnType } from "kysely";
import { type Instant } from "./instants.js";
import { type ObligationState } from "../../domain/obligation.js";

/** Booleans are stored as 0/1 integers in both dialects. */
export type Flag = 0 | 1;

/** A column added after its table: optional on insert, where the database supplies its default. */
type Later<T> = ColumnType<T, T | undefined, T>;

/** Instance-wide settings (key → JSON text), changed by the system or security administrator. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: Instant;
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

export interface Database {
  setting: SettingTable;
  audit_entry: AuditEntryTable;
  audit_checkpoint: AuditCheckpointTable;
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
}

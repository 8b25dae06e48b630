/**
 * The authorization matrix (DESIGN.md §7): every API route × every role × scope → the expected status, and for lists
 * the expected count. A route registered without a row here fails the run. Later capabilities add their rows.
 *
 * Actors: anonymous; the three administrators; secrecy-office staff granted on unit A ("own" for A's rows, "child"
 * for A1's), on A1, and on B ("other"); and a business account with no grant ("none").
 * Seed: root → A → A1, root → B. People: A ×2 (officeA, nobody), A1 ×1, B ×1. One clearance each for the three
 * office staff. Rows run in order; lists come before the changes that would alter their counts.
 */
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshYear } from "../src/features/obligations/engine.js";
import { DEFAULT_OBLIGATION_SETTINGS } from "../src/features/obligations/settings.js";
import { activePolicy } from "../src/features/policy/active-policy.js";
import { toInstant } from "../src/platform/db/instants.js";
import { testDialects } from "./databases.js";
import {
  Client,
  createTestAccount,
  grantRole,
  PASSWORD,
  seedOrg,
  signIn,
  type Org,
  type TestAccount,
} from "./factories.js";
import { buildTestApp, testClock, type TestApp, type TestClock } from "./harness.js";
import { documentStudyFixtures, type DocumentStudyFixtures } from "./document-studies/matrix-fixtures.js";
import { meetingFixtures, type MeetingFixtures } from "./meetings/matrix-fixtures.js";
import { regulationFixtures, type RegulationFixtures } from "./regulations/matrix-fixtures.js";
import { researchFixtures, type ResearchFixtures } from "./research/matrix-fixtures.js";
import { inspectionFixtures, type InspectionFixtures } from "./inspections/matrix-fixtures.js";
import { selfCheckFixtures, type SelfCheckFixtures } from "./self-checks/matrix-fixtures.js";
import { selfAssessmentFixtures, type SelfAssessmentFixtures } from "./self-assessments/matrix-fixtures.js";
import { openObligationRow } from "./obligations/open-obligation.js";

const ACTORS = ["anonymous", "sysadmin", "secadmin", "auditor", "officeA", "officeA1", "officeB", "nobody"] as const;
type ActorName = (typeof ACTORS)[number];
type Expect = Partial<Record<ActorName | "others", number>>;

interface Ctx {
  t: TestApp;
  org: Org;
  accounts: Record<Exclude<ActorName, "anonymous">, TestAccount>;
  /** An account grants are given to, so that "nobody" keeps no grant. */
  grantee: TestAccount;
  /** A business account the row may change. */
  freshAccount(): Promise<string>;
  freshGrant(): Promise<string>;
  freshClearance(): Promise<string>;
  freshAppointment(unitId: string): Promise<string>;
  freshPortfolio(unitId: string): Promise<string>;
  /** An issued agreement in a unit for a person, in a batch of its own. */
  freshAgreement(unitId: string, personId: string | null): Promise<string>;
  /** An open obligation borne by a unit (its head answers for it), in a period of its own. */
  freshObligation(unitId: string): Promise<string>;
  /** An obligation of the unit with evidence pending, submitted by its head; returns both ids. */
  freshEvidence(unitId: string): Promise<{ obligationId: string; evidenceId: string }>;
  /** Meetings of the root institution in a given status, their materials, addenda and tracked tasks. */
  meetings: MeetingFixtures;
  /** Documents received by the root institution, each to be studied by the given units. */
  documentStudies: DocumentStudyFixtures;
  /** Regulations of the root institution or of a unit inside it. */
  regulations: RegulationFixtures;
  /** Research topics of the root institution in a given status. */
  research: ResearchFixtures;
  /** Inspections of unit A1 in the root institution: "nobody" is the plan's inspector, officeA1 the findings' owner. */
  inspections: InspectionFixtures;
  /** Self-checks of "nobody" (a person of A without a grant), whose superior is A's head (officeA). */
  selfChecks: SelfCheckFixtures;
  /** Draft self-assessments of unit A (a 二级单位 of the root institution): officeA reads them, none fills them. */
  selfAssessments: SelfAssessmentFixtures;
}

interface Row {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  route: string;
  url?: (ctx: Ctx) => Promise<string> | string;
  body?: (ctx: Ctx) => unknown;
  status: Expect;
  count?: Partial<Record<ActorName, number>>;
  /** The request ends or changes the session: use a new one for each actor. */
  freshSession?: boolean;
}

const ALL_200: Expect = { anonymous: 200, others: 200 };
const SIGNED_IN = (status: number, extra: Expect = {}): Expect => ({ anonymous: 401, others: status, ...extra });
const ONLY = (actor: ActorName, status: number, extra: Expect = {}): Expect => ({
  anonymous: 401,
  others: 403,
  [actor]: status,
  ...extra,
});
const ADMINS = ["sysadmin", "secadmin", "auditor"] as const;
const adminsGet = (status: number): Expect => Object.fromEntries(ADMINS.map((a) => [a, status]));
/** The root institution's meetings: its office staff reach them (status), others do not see them (404). */
const MEETING_READERS = (status: number, extra: Expect = {}): Expect => ({
  anonymous: 401,
  others: 404,
  officeA: status,
  officeA1: status,
  officeB: status,
  ...extra,
});

const ROWS: Row[] = [
  { method: "GET", route: "/api/health", status: ALL_200 },
  { method: "GET", route: "/api/ready", status: ALL_200 },
  { method: "GET", route: "/api/openapi.json", status: ALL_200 },
  { method: "GET", route: "/api/auth/session", status: ALL_200 },
  {
    method: "POST",
    route: "/api/auth/login",
    body: () => ({ username: "nobody-here", password: "wrong-password" }),
    status: { anonymous: 401, others: 401 },
  },
  { method: "GET", route: "/api/me", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/me/sessions", status: SIGNED_IN(200) },
  // The institution picker lists only what the account may act on: the offices here, granted inside the root
  // institution, read its meetings; the administrators and an account without grants have none to pick.
  {
    method: "GET",
    route: "/api/institutions",
    url: () => "/api/institutions?for=meeting.read",
    status: SIGNED_IN(200),
    count: { sysadmin: 0, secadmin: 0, auditor: 0, officeA: 1, officeA1: 1, officeB: 1, nobody: 0 },
  },
  {
    method: "GET",
    route: "/api/units",
    status: ONLY("sysadmin", 200, { ...adminsGet(200), officeA: 200, officeA1: 200, officeB: 200 }),
    count: { sysadmin: 4, secadmin: 4, auditor: 4, officeA: 2, officeA1: 1, officeB: 1 },
  },
  {
    method: "GET",
    route: "/api/people",
    status: ONLY("secadmin", 200, { officeA: 200, officeA1: 200, officeB: 200 }),
    count: { secadmin: 4, officeA: 3, officeA1: 1, officeB: 1 },
  },
  {
    method: "GET",
    route: "/api/clearances",
    status: ONLY("secadmin", 200, { officeA: 200, officeA1: 200, officeB: 200 }),
    count: { secadmin: 3, officeA: 2, officeA1: 1, officeB: 1 },
  },
  {
    method: "GET",
    route: "/api/accounts",
    status: ONLY("sysadmin", 200, { secadmin: 200 }),
    count: { sysadmin: 8, secadmin: 8 },
  },
  { method: "GET", route: "/api/grants", status: ONLY("secadmin", 200), count: { secadmin: 3 } },
  {
    method: "GET",
    route: "/api/accounts/:id",
    url: (c) => `/api/accounts/${c.accounts.nobody.id}`,
    status: ONLY("sysadmin", 200, { secadmin: 200 }),
  },
  { method: "GET", route: "/api/security-settings", status: ONLY("secadmin", 200) },
  {
    method: "GET",
    route: "/api/appointments",
    status: ONLY("secadmin", 200, { officeA: 200, officeA1: 200, officeB: 200 }),
    count: { secadmin: 3, officeA: 2, officeA1: 1, officeB: 1 },
  },
  {
    method: "GET",
    route: "/api/portfolios",
    status: ONLY("sysadmin", 200, { ...adminsGet(200), officeA: 200, officeA1: 200, officeB: 200 }),
    count: { sysadmin: 1, secadmin: 1, auditor: 1, officeA: 0, officeA1: 0, officeB: 0 },
  },
  {
    method: "GET",
    route: "/api/responsibility/chain",
    url: (c) => `/api/responsibility/chain?unitId=${c.org.a1.id}`,
    status: ONLY("officeA", 200, { officeA1: 200, officeB: 404 }),
  },
  { method: "GET", route: "/api/responsibility/mine", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/committee", status: ONLY("officeA", 200, { officeA1: 200, officeB: 200 }) },
  { method: "GET", route: "/api/committee/export", status: ONLY("officeA", 200, { officeA1: 200, officeB: 200 }) },
  { method: "GET", route: "/api/policy", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/audit-entries", status: ONLY("auditor", 200) },
  { method: "GET", route: "/api/audit-entries/export", status: ONLY("auditor", 200) },
  // Responsibility agreements. Seed: one 2027 batch with agreements in A (signer officeA), A1 (officeA1), B (officeB).
  {
    method: "GET",
    route: "/api/agreements",
    status: SIGNED_IN(200),
    count: { sysadmin: 3, secadmin: 3, auditor: 3, officeA: 2, officeA1: 1, officeB: 1, nobody: 0 },
  },
  {
    method: "GET",
    route: "/api/agreements/progress",
    url: () => "/api/agreements/progress?year=2027",
    status: SIGNED_IN(200, { nobody: 403 }),
  },
  {
    method: "GET",
    route: "/api/agreements/:id",
    url: async (c) => `/api/agreements/${await c.freshAgreement(c.org.a1.id, c.accounts.officeA1.personId)}`,
    status: { anonymous: 401, ...adminsGet(200), officeA: 200, officeA1: 200, officeB: 404, nobody: 404 },
  },
  {
    method: "GET",
    route: "/api/agreements/:id/document",
    url: async (c) => `/api/agreements/${await c.freshAgreement(c.org.a1.id, c.accounts.officeA1.personId)}/document`,
    status: { anonymous: 401, ...adminsGet(200), officeA: 200, officeA1: 200, officeB: 404, nobody: 404 },
  },
  {
    method: "POST",
    route: "/api/agreements/batches",
    body: () => ({ year: 2028, templateId: "agreement.unit-head" }),
    status: { anonymous: 401, others: 403 },
  },
  {
    method: "POST",
    route: "/api/agreements/:id/sign",
    url: async (c) => `/api/agreements/${await c.freshAgreement(c.org.a1.id, c.accounts.officeA1.personId)}/sign`,
    body: () => ({ password: PASSWORD }),
    status: { anonymous: 401, ...adminsGet(403), officeA: 403, officeA1: 200, officeB: 404, nobody: 404 },
  },
  {
    method: "POST",
    route: "/api/agreements/:id/void",
    url: async (c) => `/api/agreements/${await c.freshAgreement(c.org.a1.id, c.accounts.officeA1.personId)}/void`,
    body: () => ({ reason: "矩阵测试作废" }),
    status: { anonymous: 401, ...adminsGet(403), officeA: 200, officeA1: 200, officeB: 404, nobody: 404 },
  },
  // Obligations. Seed: 2027 materialized for the seed policy; the office staff are unit heads of A, A1, B and
  // hold IMPORTANT clearances; officeA holds the secrecy portfolio. officeA sees A and A1 (their agreements and two
  // self-checks each) and its own art4 agreement; administrators bear and see none (三员分立).
  {
    method: "GET",
    route: "/api/obligations",
    url: () => "/api/obligations?year=2027&limit=200",
    status: SIGNED_IN(200),
    count: { sysadmin: 0, secadmin: 0, auditor: 0, officeA: 7, officeA1: 3, officeB: 3, nobody: 0 },
  },
  { method: "GET", route: "/api/obligations/export", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/obligations/dashboard", status: SIGNED_IN(200) },
  {
    method: "GET",
    route: "/api/obligations/:id",
    url: async (c) => `/api/obligations/${await c.freshObligation(c.org.a1.id)}`,
    status: { anonymous: 401, ...adminsGet(404), officeA: 200, officeA1: 200, officeB: 404, nobody: 404 },
  },
  {
    method: "GET",
    route: "/api/obligations/:id/evidence/:evidenceId/file",
    url: async (c) => {
      const { obligationId, evidenceId } = await c.freshEvidence(c.org.a1.id);
      return `/api/obligations/${obligationId}/evidence/${evidenceId}/file`;
    },
    status: { anonymous: 401, ...adminsGet(404), officeA: 200, officeA1: 200, officeB: 404, nobody: 404 },
  },
  {
    method: "POST",
    route: "/api/obligations/:id/evidence",
    url: async (c) => `/api/obligations/${await c.freshObligation(c.org.a1.id)}/evidence`,
    body: () => ({ summary: "已召开专题会议研究部署" }),
    status: { anonymous: 401, ...adminsGet(404), officeA: 200, officeA1: 200, officeB: 404, nobody: 404 },
  },
  {
    // The approver of A1's head is the next level up with someone in it: the secrecy leader (officeA).
    method: "POST",
    route: "/api/obligations/:id/evidence/:evidenceId/decision",
    url: async (c) => {
      const { obligationId, evidenceId } = await c.freshEvidence(c.org.a1.id);
      return `/api/obligations/${obligationId}/evidence/${evidenceId}/decision`;
    },
    body: () => ({ decision: "approved" }),
    status: { anonymous: 401, ...adminsGet(404), officeA: 200, officeA1: 403, officeB: 404, nobody: 404 },
  },
  {
    method: "POST",
    route: "/api/obligations/:id/waiver",
    url: async (c) => `/api/obligations/${await c.freshObligation(c.org.a1.id)}/waiver`,
    body: () => ({ reason: "该单位本年度已撤并" }),
    status: { anonymous: 401, ...adminsGet(404), officeA: 200, officeA1: 200, officeB: 404, nobody: 404 },
  },
  {
    method: "POST",
    route: "/api/obligations/materialize",
    body: () => ({ year: 2028 }),
    status: ONLY("officeA", 200, { officeA1: 200, officeB: 200 }),
  },
  { method: "GET", route: "/api/inbox", status: SIGNED_IN(200) },
  { method: "POST", route: "/api/inbox/:id/read", url: () => `/api/inbox/${uuidv7()}/read`, status: SIGNED_IN(404) },
  { method: "POST", route: "/api/inbox/read-all", status: SIGNED_IN(204) },
  { method: "GET", route: "/api/academic-calendar", status: SIGNED_IN(200) },
  // The institution's calendar: only obligation.manage on the root, and no actor here has it.
  {
    method: "PUT",
    route: "/api/academic-calendar/terms",
    body: () => ({ academicYear: 2027, ordinal: 1, startsOn: "2027-09-06", endsOn: "2028-01-21" }),
    status: { anonymous: 401, others: 403 },
  },
  // Obligation settings: the secrecy office (any scope) and the system administrator read them; the schedule needs
  // obligation.manage on the institution root (no actor here), the webhooks config.manage.
  {
    method: "GET",
    route: "/api/obligation-settings",
    status: ONLY("sysadmin", 200, { officeA: 200, officeA1: 200, officeB: 200 }),
  },
  {
    method: "PUT",
    route: "/api/obligation-settings/schedule",
    body: () => ({
      windows: {
        start: { from: "01-01", to: "03-31" },
        mid: { from: "06-01", to: "08-31" },
        end: { from: "11-01", to: "12-31" },
      },
      timings: { dueSoonDays: 14, escalationDays: 7 },
    }),
    status: { anonymous: 401, others: 403 },
  },
  {
    method: "PUT",
    route: "/api/obligation-settings/webhooks",
    body: () => ({ webhooks: [] }),
    status: ONLY("sysadmin", 200),
  },
  { method: "POST", route: "/api/obligation-settings/webhooks/test", status: ONLY("sysadmin", 200) },
  {
    method: "POST",
    route: "/api/obligation-events",
    body: (c) => ({
      event: "leak.discovered",
      unitId: c.org.a1.id,
      occurredAt: "2027-03-01T09:00:00+08:00",
      summary: "矩阵测试事件",
    }),
    status: { anonymous: 401, ...adminsGet(403), officeA: 201, officeA1: 201, officeB: 404, nobody: 404 },
  },
  {
    method: "POST",
    route: "/api/accounts",
    body: () => ({ username: `u${uuidv7().slice(-12)}`, displayName: "新同事", unitId: "" }),
    url: () => "/api/accounts",
    status: ONLY("sysadmin", 201),
  },
  {
    method: "PATCH",
    route: "/api/accounts/:id",
    url: async (c) => `/api/accounts/${await c.freshAccount()}`,
    body: () => ({ status: "disabled" }),
    status: ONLY("sysadmin", 200),
  },
  {
    method: "POST",
    route: "/api/accounts/:id/reset-password",
    url: async (c) => `/api/accounts/${await c.freshAccount()}/reset-password`,
    status: ONLY("sysadmin", 200),
  },
  {
    method: "POST",
    route: "/api/accounts/:id/unlock",
    url: async (c) => `/api/accounts/${await c.freshAccount()}/unlock`,
    status: ONLY("sysadmin", 200),
  },
  {
    method: "POST",
    route: "/api/grants",
    body: (c) => ({ accountId: c.grantee.id, role: "liaison", unitId: c.org.b.id, startsOn: "2027-01-01" }),
    status: ONLY("secadmin", 201),
  },
  {
    method: "POST",
    route: "/api/grants/:id/revoke",
    url: async (c) => `/api/grants/${await c.freshGrant()}/revoke`,
    status: ONLY("secadmin", 200),
  },
  {
    method: "POST",
    route: "/api/clearances",
    body: (c) => ({ personId: c.accounts.nobody.personId, tier: "GENERAL", startsOn: "2027-01-01" }),
    status: ONLY("secadmin", 201),
  },
  {
    method: "POST",
    route: "/api/clearances/:id/end",
    url: async (c) => `/api/clearances/${await c.freshClearance()}/end`,
    body: () => ({ endsOn: "2027-12-31" }),
    status: ONLY("secadmin", 200),
  },
  // Organization: the secrecy office keeps it within its scope; administrators see units but change nothing here.
  {
    method: "POST",
    route: "/api/units",
    body: (c) => ({ parentId: c.org.a.id, name: "新设教研室" }),
    status: { anonymous: 401, ...adminsGet(403), officeA: 201, officeA1: 404, officeB: 404, nobody: 404 },
  },
  {
    method: "PATCH",
    route: "/api/units/:id",
    url: (c) => `/api/units/${c.org.a1.id}`,
    body: () => ({ classified: true }),
    status: { anonymous: 401, ...adminsGet(403), officeA: 200, officeA1: 200, officeB: 404, nobody: 404 },
  },
  {
    method: "POST",
    route: "/api/people",
    body: (c) => ({ name: "新入职人员", unitId: c.org.a1.id }),
    status: { anonymous: 401, ...adminsGet(403), officeA: 201, officeA1: 201, officeB: 404, nobody: 404 },
  },
  {
    method: "PATCH",
    route: "/api/people/:id",
    url: (c) => `/api/people/${c.accounts.officeA1.personId ?? ""}`,
    body: () => ({ staffNo: null }),
    status: {
      anonymous: 401,
      sysadmin: 404,
      secadmin: 403,
      auditor: 404,
      officeA: 200,
      officeA1: 200,
      officeB: 404,
      nobody: 404,
    },
  },
  {
    method: "POST",
    route: "/api/appointments",
    body: (c) => ({
      personId: c.accounts.nobody.personId,
      unitId: c.org.a.id,
      position: "STAFF",
      startsOn: "2027-01-01",
    }),
    status: {
      anonymous: 401,
      sysadmin: 404,
      secadmin: 403,
      auditor: 404,
      officeA: 201,
      officeA1: 404,
      officeB: 404,
      nobody: 404,
    },
  },
  {
    method: "POST",
    route: "/api/appointments/:id/end",
    url: async (c) => `/api/appointments/${await c.freshAppointment(c.org.a1.id)}/end`,
    body: () => ({ endsOn: "2027-06-30" }),
    status: { anonymous: 401, ...adminsGet(403), officeA: 200, officeA1: 200, officeB: 404, nobody: 404 },
  },
  {
    method: "POST",
    route: "/api/portfolios",
    body: (c) => ({
      personId: c.accounts.nobody.personId,
      unitId: c.org.a.id,
      area: "business",
      startsOn: "2027-01-01",
    }),
    status: {
      anonymous: 401,
      sysadmin: 404,
      secadmin: 403,
      auditor: 404,
      officeA: 201,
      officeA1: 404,
      officeB: 404,
      nobody: 404,
    },
  },
  {
    method: "POST",
    route: "/api/portfolios/:id/end",
    url: async (c) => `/api/portfolios/${await c.freshPortfolio(c.org.a1.id)}/end`,
    body: () => ({ endsOn: "2027-06-30" }),
    status: { anonymous: 401, ...adminsGet(403), officeA: 200, officeA1: 200, officeB: 404, nobody: 404 },
  },
  {
    method: "POST",
    route: "/api/committee/delegations",
    body: (c) => ({
      institutionId: c.org.root.id,
      delegatePersonId: c.accounts.officeA.personId,
      purpose: "主持例会",
      startsOn: "2027-03-01",
      endsOn: "2027-03-31",
    }),
    status: { anonymous: 401, others: 403 },
  },
  {
    method: "PUT",
    route: "/api/security-settings",
    body: () => ({ totpRequiredRoles: [], passwordRotationDays: null }),
    status: ONLY("secadmin", 200),
  },
  { method: "POST", route: "/api/auth/totp", body: () => ({ code: "123456" }), status: SIGNED_IN(409) },
  {
    method: "POST",
    route: "/api/me/password",
    body: () => ({ currentPassword: "not-mine", newPassword: "一个足够长的新密码" }),
    status: SIGNED_IN(400),
  },
  // Administrators already use TOTP; business users here have none yet.
  { method: "POST", route: "/api/me/totp/setup", status: SIGNED_IN(200, adminsGet(409)) },
  {
    method: "POST",
    route: "/api/me/totp/confirm",
    body: () => ({ code: "000000" }),
    status: SIGNED_IN(400, adminsGet(409)),
  },
  {
    method: "POST",
    route: "/api/me/totp/disable",
    body: () => ({ password: PASSWORD }),
    status: SIGNED_IN(409, adminsGet(403)),
  },
  {
    method: "POST",
    route: "/api/me/recovery-codes",
    body: () => ({ password: PASSWORD }),
    status: SIGNED_IN(409, adminsGet(200)),
  },
  {
    method: "DELETE",
    route: "/api/me/sessions/:id",
    url: () => `/api/me/sessions/${uuidv7()}`,
    status: SIGNED_IN(404),
  },
  { method: "GET", route: "/api/org/import/template", status: ONLY("officeA", 200, { officeA1: 200, officeB: 200 }) },
  // The import may place units anywhere in the tree: only org.manage on the root allows it, and no actor here has it.
  { method: "POST", route: "/api/org/import", status: { anonymous: 401, others: 403 } },
  { method: "POST", route: "/api/auth/logout", status: SIGNED_IN(204), freshSession: true },
  // Committee meetings (Art. 12(1)) belong to the root institution. The office staff here are granted on units
  // inside it: they see its meetings and propose for their own units, but only an office over the whole institution
  // runs a meeting (403), and only the director or a delegated deputy signs (403). No reading scope: 404.
  { method: "GET", route: "/api/meetings", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/meetings/export", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/tasks/export", status: SIGNED_IN(200) },
  {
    method: "POST",
    route: "/api/meetings",
    body: () => ({ kind: "regular", title: "矩阵例会", plannedAt: "2027-04-01T09:00:00+08:00", place: "会议室" }),
    status: { anonymous: 401, others: 403 },
  },
  ...[
    { route: "/api/meetings/:id", path: "" },
    { route: "/api/meetings/:id/committee", path: "/committee" },
  ].map(({ route, path }): Row => ({
    method: "GET",
    route,
    url: async (c) => `/api/meetings/${await c.meetings.meeting("draft")}${path}`,
    status: MEETING_READERS(200),
  })),
  {
    method: "GET",
    route: "/api/meetings/:id/minutes.docx",
    url: async (c) => `/api/meetings/${await c.meetings.meeting("minutesDrafted")}/minutes.docx`,
    status: MEETING_READERS(200),
  },
  {
    method: "GET",
    route: "/api/meetings/:id/materials/:childId",
    url: async (c) => {
      const { meetingId, materialId } = await c.meetings.material();
      return `/api/meetings/${meetingId}/materials/${materialId}`;
    },
    status: MEETING_READERS(200),
  },
  {
    method: "POST",
    route: "/api/meetings/:id/proposals",
    url: async (c) => `/api/meetings/${await c.meetings.meeting("agendaCall")}/proposals`,
    body: (c) => ({ unitId: c.org.a1.id, title: "矩阵议题", summary: "矩阵议题说明" }),
    status: MEETING_READERS(201, { officeB: 403 }),
  },
  ...(
    [
      ["POST", "/api/meetings/:id/agenda-call", "draft", () => ({ deadline: "2099-01-01T09:00:00+08:00" })],
      [
        "PUT",
        "/api/meetings/:id/agenda",
        "agendaCall",
        (c: Ctx) => ({ items: [{ title: "议题", unitId: c.org.a.id }] }),
      ],
      [
        "PUT",
        "/api/meetings/:id/attendance",
        "agendaSet",
        (c: Ctx) => ({ entries: [{ personId: c.accounts.officeA.personId, kind: "present" }] }),
      ],
      ["PUT", "/api/meetings/:id/minutes", "held", () => ({ text: "会议纪要正文，矩阵测试。" })],
      ["POST", "/api/meetings/:id/sign", "minutesDrafted", () => ({ password: PASSWORD })],
      ["POST", "/api/meetings/:id/addenda", "signed", () => ({ text: "补充纪要正文，矩阵测试。" })],
      ["POST", "/api/meetings/:id/cancel", "draft", () => ({ reason: "矩阵取消" })],
      [
        "POST",
        "/api/meetings/:id/materials",
        "agendaSet",
        () => ({ name: "材料.txt", type: "text/plain", contentBase64: Buffer.from("材料").toString("base64") }),
      ],
    ] as const
  ).map(([method, route, status, body]): Row => ({
    method,
    route,
    url: async (c) => route.replace(":id", await c.meetings.meeting(status)),
    body: body,
    status: MEETING_READERS(403),
  })),
  {
    method: "POST",
    route: "/api/meetings/:id/addenda/:childId/sign",
    url: async (c) => {
      const { meetingId, addendumId } = await c.meetings.addendum();
      return `/api/meetings/${meetingId}/addenda/${addendumId}/sign`;
    },
    body: () => ({ password: PASSWORD }),
    status: MEETING_READERS(403),
  },
  // Tracked tasks of unit A1: its head's scope (A, A1) updates them; the office over the institution closes them.
  { method: "GET", route: "/api/tasks", status: SIGNED_IN(200) },
  {
    method: "POST",
    route: "/api/tasks",
    body: (c) => ({
      origin: "higher",
      assignedBy: "上级保密委员会",
      title: "交办任务",
      ownerUnitId: c.org.a.id,
      dueOn: "2027-06-30",
    }),
    status: { anonymous: 401, others: 403 },
  },
  {
    method: "GET",
    route: "/api/tasks/:id",
    url: async (c) => `/api/tasks/${await c.meetings.task(c.org.a1.id, "open")}`,
    status: MEETING_READERS(200),
  },
  {
    method: "POST",
    route: "/api/tasks/:id/progress",
    url: async (c) => `/api/tasks/${await c.meetings.task(c.org.a1.id, "open")}/progress`,
    body: () => ({ note: "推进中", percent: 50 }),
    status: MEETING_READERS(200, { officeB: 403 }),
  },
  {
    method: "POST",
    route: "/api/tasks/:id/report",
    url: async (c) => `/api/tasks/${await c.meetings.task(c.org.a1.id, "open")}/report`,
    body: () => ({ summary: "已经办结完毕" }),
    status: MEETING_READERS(200, { officeB: 403 }),
  },
  ...(["close", "reopen"] as const).map((action): Row => ({
    method: "POST",
    route: `/api/tasks/:id/${action}`,
    url: async (c) => `/api/tasks/${await c.meetings.task(c.org.a1.id, "reported")}/${action}`,
    body: () => ({ note: "核查意见" }),
    status: MEETING_READERS(403),
  })),
  // Supervision (Art. 12(2)) of the root institution: read on its branch; kept by an office over the whole
  // institution (none here: 403); approved by the director or a delegated deputy (none here: 403).
  {
    method: "GET",
    route: "/api/supervision/:year",
    url: () => "/api/supervision/2027",
    status: MEETING_READERS(200),
  },
  ...(
    [
      [
        "PUT",
        "/api/supervision/:year/plan",
        (c: Ctx) => ({
          title: "年度计划",
          body: "年度保密工作计划正文内容",
          items: [{ title: "培训", ownerUnitId: c.org.a.id, dueOn: "2027-06-30" }],
        }),
      ],
      ["POST", "/api/supervision/:year/plan/approve", () => ({ password: PASSWORD })],
      ["POST", "/api/supervision/:year/notes", (c: Ctx) => ({ unitId: c.org.a.id, text: "督查意见正文" })],
      ["POST", "/api/supervision/:year/supervision/complete", () => ({ report: "年中督查报告正文内容。" })],
      ["PUT", "/api/supervision/:year/assessment/scores/:unitId", () => ({ answers: {} })],
      ["POST", "/api/supervision/:year/assessment/approve", () => ({ password: PASSWORD })],
      [
        "PUT",
        "/api/supervision/:year/summary",
        () => ({ text: "年度保密工作总结正文，全年工作内容充实完整，计划任务均已完成。" }),
      ],
      ["POST", "/api/supervision/:year/summary/approve", () => ({ password: PASSWORD })],
      ["POST", "/api/supervision/:year/roll-forward", undefined],
    ] as const
  ).map(([method, route, body]): Row => ({
    method,
    route,
    url: (c) => route.replace(":year", "2027").replace(":unitId", c.org.a.id),
    ...(body ? { body: body } : {}),
    status: MEETING_READERS(403),
  })),
  // Reports upward (Art. 12(4)): read by the leaders, the committee and the office on the institution's branch; drafted
  // and sent by an office over the whole institution (none here: 403); signed by the director (none here: 403).
  { method: "GET", route: "/api/reports", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/reports/export", status: SIGNED_IN(200) },
  {
    method: "POST",
    route: "/api/reports",
    body: () => ({ kind: "planReport", recipient: "partyCommittee", year: 2027 }),
    status: { anonymous: 401, others: 403 },
  },
  {
    method: "GET",
    route: "/api/reports/:id",
    url: async (c) => `/api/reports/${await c.meetings.report("draft")}`,
    status: MEETING_READERS(200),
  },
  {
    method: "GET",
    route: "/api/reports/:id/document",
    url: async (c) => `/api/reports/${await c.meetings.report("signed")}/document`,
    status: MEETING_READERS(200),
  },
  {
    method: "PUT",
    route: "/api/reports/:id",
    url: async (c) => `/api/reports/${await c.meetings.report("draft")}`,
    body: () => ({ title: "关于报送计划的报告", body: "修改后的报告正文内容。" }),
    status: MEETING_READERS(403),
  },
  {
    method: "POST",
    route: "/api/reports/:id/sign",
    url: async (c) => `/api/reports/${await c.meetings.report("draft")}/sign`,
    body: () => ({ password: PASSWORD }),
    status: MEETING_READERS(403),
  },
  {
    method: "POST",
    route: "/api/reports/:id/submit",
    url: async (c) => `/api/reports/${await c.meetings.report("signed")}/submit`,
    body: () => ({ note: "机要交换" }),
    status: MEETING_READERS(403),
  },
  // Documents received (Art. 4(1), 13(1)) by the root institution, to be studied by A1 and B: read on its branch;
  // registered and closed by an office over the whole institution (none here: 403); a unit's session recorded within
  // the scope that covers the unit (officeA over A1, officeA1 itself; officeB not: 403).
  { method: "GET", route: "/api/document-studies", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/document-studies/export", status: SIGNED_IN(200) },
  {
    method: "POST",
    route: "/api/document-studies",
    body: (c) => ({
      issuer: "省国家保密局",
      documentNo: "粤保发〔2027〕99号",
      title: "关于加强保密宣传教育的通知",
      receivedOn: "2027-02-01",
      audience: "allStaff",
      unitIds: [c.org.a1.id],
      dueOn: "2027-04-30",
    }),
    status: { anonymous: 401, others: 403 },
  },
  {
    method: "GET",
    route: "/api/document-studies/:id",
    url: async (c) => `/api/document-studies/${await c.documentStudies.document([c.org.a1.id, c.org.b.id])}`,
    status: MEETING_READERS(200),
  },
  {
    method: "GET",
    route: "/api/document-studies/:id/roster",
    url: async (c) =>
      `/api/document-studies/${await c.documentStudies.document([c.org.a1.id, c.org.b.id])}/roster?unitId=${c.org.a1.id}`,
    status: MEETING_READERS(200, { officeB: 403 }),
  },
  {
    method: "POST",
    route: "/api/document-studies/:id/sessions",
    url: async (c) => `/api/document-studies/${await c.documentStudies.document([c.org.a1.id, c.org.b.id])}/sessions`,
    body: (c) => ({
      unitId: c.org.a1.id,
      heldOn: "2027-02-20",
      place: "系会议室",
      form: "collective",
      presidedBy: c.accounts.officeA1.personId,
      attendance: [{ personId: c.accounts.officeA1.personId, kind: "present" }],
    }),
    status: MEETING_READERS(201, { officeB: 403 }),
  },
  {
    method: "POST",
    route: "/api/document-studies/:id/close",
    url: async (c) => `/api/document-studies/${await c.documentStudies.document([c.org.a1.id])}/close`,
    body: () => ({ note: "已传达学习完毕" }),
    status: MEETING_READERS(403),
  },
  // Regulations (Art. 13(4), 6(1)): every business role reads those in force on the institution's branch; a unit's own
  // are kept within the scope covering the unit (A1's by officeA and officeA1), whose drafts nobody else sees (404);
  // the institution's by an office over the whole institution (none here: 403).
  { method: "GET", route: "/api/regulations", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/regulations/export", status: SIGNED_IN(200) },
  {
    method: "POST",
    route: "/api/regulations",
    body: (c) => ({
      title: "软件工程系保密管理细则",
      category: "general",
      unitId: c.org.a1.id,
      text: "第一条 为加强保密管理，制定本细则。",
    }),
    status: { anonymous: 401, others: 403, officeA: 201, officeA1: 201 },
  },
  {
    method: "GET",
    route: "/api/regulations/:id",
    url: async (c) => `/api/regulations/${await c.regulations.regulation(c.org.root.id, "inForce")}`,
    status: MEETING_READERS(200),
  },
  {
    method: "PUT",
    route: "/api/regulations/:id",
    url: async (c) => `/api/regulations/${await c.regulations.regulation(c.org.a1.id, "draft")}`,
    body: () => ({ title: "软件工程系保密管理细则", category: "general" }),
    status: MEETING_READERS(200, { officeB: 404 }),
  },
  {
    method: "POST",
    route: "/api/regulations/:id/adopt",
    url: async (c) => `/api/regulations/${await c.regulations.regulation(c.org.a1.id, "draft")}/adopt`,
    body: () => ({ effectiveOn: "2027-03-01" }),
    status: MEETING_READERS(200, { officeB: 404 }),
  },
  {
    method: "POST",
    route: "/api/regulations/:id/revise",
    url: async (c) => `/api/regulations/${await c.regulations.regulation(c.org.a1.id, "inForce")}/revise`,
    body: () => ({
      effectiveOn: "2027-03-01",
      changeSummary: "修订第一条",
      text: "第一条 为加强保密管理，修订本细则。",
    }),
    status: MEETING_READERS(200, { officeB: 403 }),
  },
  {
    method: "POST",
    route: "/api/regulations/:id/repeal",
    url: async (c) => `/api/regulations/${await c.regulations.regulation(c.org.a1.id, "inForce")}/repeal`,
    body: () => ({ repealedOn: "2027-03-01", reason: "并入学院制度" }),
    status: MEETING_READERS(200, { officeB: 403 }),
  },
  {
    method: "GET",
    route: "/api/regulations/:id/versions/:childId/file",
    url: async (c) => {
      const { regulationId, versionId } = await c.regulations.withFile(c.org.root.id);
      return `/api/regulations/${regulationId}/versions/${versionId}/file`;
    },
    status: MEETING_READERS(200),
  },
  { method: "GET", route: "/api/higher-regulations", status: SIGNED_IN(200) },
  {
    method: "POST",
    route: "/api/higher-regulations",
    body: () => ({
      issuer: "国家保密局",
      documentNo: "国保发〔2027〕1号",
      title: "涉密信息系统管理规定",
      issuedOn: "2027-02-01",
    }),
    status: { anonymous: 401, others: 403 },
  },
  // Research topics (Art. 12(3)) of the root institution: read on its branch; kept by an office over the whole
  // institution (none here: 403).
  { method: "GET", route: "/api/research", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/research/export", status: SIGNED_IN(200) },
  {
    method: "POST",
    route: "/api/research",
    body: (c) => ({
      title: "矩阵测试调研课题",
      question: "矩阵测试的研究问题和背景。",
      leadPersonId: c.accounts.officeA.personId,
      plan: { text: "矩阵测试的调研计划正文。", startsOn: "2027-03-01", endsOn: "2027-06-30" },
    }),
    status: { anonymous: 401, others: 403 },
  },
  {
    method: "GET",
    route: "/api/research/:id",
    url: async (c) => `/api/research/${await c.research.topic("draft")}`,
    status: MEETING_READERS(200),
  },
  ...(
    [
      [
        "PUT",
        "/api/research/:id",
        "draft",
        (c: Ctx) => ({
          title: "矩阵测试调研课题",
          question: "矩阵测试的研究问题和背景。",
          leadPersonId: c.accounts.officeA.personId,
          plan: { text: "矩阵测试的调研计划正文。", startsOn: "2027-03-01", endsOn: "2027-06-30" },
        }),
      ],
      ["POST", "/api/research/:id/approve", "draft", () => ({ approvedOn: "2027-03-01", note: "委员会同意立项" })],
      ["POST", "/api/research/:id/start", "approved", () => ({})],
      ["POST", "/api/research/:id/findings", "inProgress", () => ({ text: "矩阵测试的一条调研发现。" })],
      [
        "PUT",
        "/api/research/:id/report",
        "findingsRecorded",
        () => ({ report: "矩阵测试的调研报告正文，内容完整，措施明确，可以结题。" }),
      ],
      ["POST", "/api/research/:id/conclude", "reported", () => ({ note: "同意结题" })],
      ["POST", "/api/research/:id/cancel", "draft", () => ({ reason: "矩阵撤销" })],
    ] as const
  ).map(([method, route, status, body]): Row => ({
    method,
    route,
    url: async (c) => route.replace(":id", await c.research.topic(status)),
    body,
    status: MEETING_READERS(403),
  })),
  // Inspections (Art. 11(4), 13(6)): read on the institution's branch; planned by an office over the whole institution
  // (none here: 403); recorded by the plan's inspector ("nobody", without a grant: an inspector sees only what the plan
  // covers); a finding rectified by its owner (officeA1's person) and verified by the inspector, never the owner.
  { method: "GET", route: "/api/inspection-templates", status: SIGNED_IN(200) },
  {
    method: "GET",
    route: "/api/inspection-templates/:templateId/versions",
    url: () => "/api/inspection-templates/unit-inspection/versions",
    status: SIGNED_IN(200),
  },
  {
    method: "POST",
    route: "/api/inspection-templates",
    body: () => ({
      template: {
        id: "matrix-checklist",
        title: { zh: "矩阵测试检查表" },
        subject: "unit",
        article: "art13.6",
        sections: [
          {
            id: "a",
            title: { zh: "一" },
            items: [{ id: "a.one", kind: "check", article: "art6.3", text: { zh: "矩阵测试条目" } }],
          },
        ],
      },
    }),
    status: { anonymous: 401, others: 403 },
  },
  // Scoring rubrics (评分表): read by everyone signed in; a new version saved by an office over the whole institution
  // (none here: 403).
  { method: "GET", route: "/api/rubrics", status: SIGNED_IN(200) },
  {
    method: "GET",
    route: "/api/rubrics/:rubricId/versions",
    url: () => "/api/rubrics/unit-assessment/versions",
    status: SIGNED_IN(200),
  },
  {
    method: "POST",
    route: "/api/rubrics",
    body: () => ({
      rubric: {
        id: "institution-self-assessment",
        title: { zh: "矩阵测试评分表" },
        article: "art13.6",
        bands: [{ min: 0, key: "all", zh: "全部" }],
        sections: [
          {
            id: "a",
            title: { zh: "一" },
            items: [{ id: "a.one", title: { zh: "矩阵测试条目" }, kind: "points", points: 10 }],
          },
        ],
      },
    }),
    status: { anonymous: 401, others: 403 },
  },
  { method: "GET", route: "/api/inspection-plans", status: SIGNED_IN(200) },
  // A member's own portfolio for their half-yearly inspection: anyone signed in asks (no seat: an empty answer).
  { method: "GET", route: "/api/inspection-plans/my-portfolio", status: SIGNED_IN(200) },
  // The units a head may inspect on their own (第六条第（三）项): anyone signed in asks (heading none: an empty answer).
  { method: "GET", route: "/api/inspection-plans/my-units", status: SIGNED_IN(200) },
  {
    method: "POST",
    route: "/api/inspection-plans",
    body: (c) => ({
      kind: "office",
      title: "矩阵测试检查计划",
      year: 2027,
      leadPersonId: c.accounts.officeA.personId,
      unitIds: [c.org.a1.id],
      startsOn: "2027-03-01",
      endsOn: "2027-06-30",
      templateId: "unit-inspection",
    }),
    status: { anonymous: 401, others: 403 },
  },
  {
    method: "GET",
    route: "/api/inspection-plans/:id",
    url: async (c) => `/api/inspection-plans/${await c.inspections.plan()}`,
    status: MEETING_READERS(200, { nobody: 200 }),
  },
  {
    method: "GET",
    route: "/api/inspections/:id",
    url: async (c) => `/api/inspections/${await c.inspections.inspection()}`,
    status: MEETING_READERS(200, { nobody: 200 }),
  },
  {
    method: "GET",
    route: "/api/inspections/:id/opinion.docx",
    url: async (c) => `/api/inspections/${await c.inspections.inspection()}/opinion.docx`,
    status: MEETING_READERS(200, { nobody: 200 }),
  },
  {
    method: "GET",
    route: "/api/inspections/:id/attachments/:childId",
    url: async (c) => {
      const { inspectionId, attachmentId } = await c.inspections.attachment();
      return `/api/inspections/${inspectionId}/attachments/${attachmentId}`;
    },
    status: MEETING_READERS(200, { nobody: 200 }),
  },
  {
    method: "PUT",
    route: "/api/inspections/:id/results",
    url: async (c) => `/api/inspections/${await c.inspections.inspection()}/results`,
    body: () => ({ results: [{ itemId: "org.problems", outcome: "pass" }] }),
    status: MEETING_READERS(403, { nobody: 200 }),
  },
  {
    method: "POST",
    route: "/api/inspections/:id/findings",
    url: async (c) => `/api/inspections/${await c.inspections.inspection()}/findings`,
    body: () => ({
      itemId: "daily.carriers",
      category: "carrier",
      severity: "minor",
      description: "矩阵测试问题",
      deadline: "2027-12-31",
    }),
    status: MEETING_READERS(403, { nobody: 201 }),
  },
  {
    method: "POST",
    route: "/api/inspections/:id/attachments",
    url: async (c) => `/api/inspections/${await c.inspections.inspection()}/attachments`,
    body: () => ({ name: "记录.txt", type: "text/plain", contentBase64: Buffer.from("现场记录").toString("base64") }),
    status: MEETING_READERS(403, { nobody: 201 }),
  },
  {
    method: "POST",
    route: "/api/inspections/:id/close",
    url: async (c) => `/api/inspections/${await c.inspections.inspection(true)}/close`,
    body: () => ({}),
    status: MEETING_READERS(403, { nobody: 200 }),
  },
  { method: "GET", route: "/api/findings", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/findings/export", status: SIGNED_IN(200) },
  // Statistics count what the list shows: whoever is signed in gets them (zeros when they reach no finding).
  { method: "GET", route: "/api/findings/statistics", status: SIGNED_IN(200) },
  {
    method: "GET",
    route: "/api/findings/:id",
    url: async (c) => `/api/findings/${await c.inspections.finding("open")}`,
    status: MEETING_READERS(200, { nobody: 200 }),
  },
  {
    method: "GET",
    route: "/api/findings/:id/attachments/:childId",
    url: async (c) => {
      const { findingId, attachmentId } = await c.inspections.evidence();
      return `/api/findings/${findingId}/attachments/${attachmentId}`;
    },
    status: MEETING_READERS(200, { nobody: 200 }),
  },
  {
    method: "PUT",
    route: "/api/findings/:id/rectification",
    url: async (c) => `/api/findings/${await c.inspections.finding("open")}/rectification`,
    body: () => ({ plan: "矩阵整改措施" }),
    status: MEETING_READERS(403, { officeA1: 200, nobody: 403 }),
  },
  {
    method: "POST",
    route: "/api/findings/:id/attachments",
    url: async (c) => `/api/findings/${await c.inspections.finding("open")}/attachments`,
    body: () => ({ name: "佐证.txt", type: "text/plain", contentBase64: Buffer.from("整改佐证").toString("base64") }),
    status: MEETING_READERS(403, { officeA1: 201, nobody: 403 }),
  },
  {
    method: "POST",
    route: "/api/findings/:id/submit",
    url: async (c) => `/api/findings/${await c.inspections.finding("open", true)}/submit`,
    body: () => ({}),
    status: MEETING_READERS(403, { officeA1: 200, nobody: 403 }),
  },
  {
    method: "POST",
    route: "/api/findings/:id/verify",
    url: async (c) => `/api/findings/${await c.inspections.finding("submitted")}/verify`,
    body: () => ({ note: "整改到位" }),
    status: MEETING_READERS(403, { nobody: 200 }),
  },
  {
    method: "POST",
    route: "/api/findings/:id/return",
    url: async (c) => `/api/findings/${await c.inspections.finding("submitted")}/return`,
    body: () => ({ reason: "佐证不足" }),
    status: MEETING_READERS(403, { nobody: 200 }),
  },
  // Personal self-checks (Art. 7(2)): the person ("nobody", no grant) fills in their own; their superior, A's head
  // (officeA), confirms or returns it without needing more; readers of inspections on the institution's branch (the
  // offices) see every one and may not act. The first row makes one submitted self-check per actor (eight). Starting needs a slot the actor owes: the offices are cleared
  // (IMPORTANT, 2027-06-P6 has begun); "nobody" owes none (400); an administrator is no person (403).
  {
    method: "GET",
    route: "/api/self-checks/:id",
    url: async (c) => `/api/self-checks/${await c.selfChecks.selfCheck("submitted")}`,
    status: MEETING_READERS(200, { nobody: 200 }),
  },
  {
    method: "GET",
    route: "/api/self-checks/mine",
    status: SIGNED_IN(200),
    count: { sysadmin: 0, secadmin: 0, auditor: 0, officeA: 0, officeA1: 0, officeB: 0, nobody: 8 },
  },
  {
    method: "GET",
    route: "/api/self-checks/to-confirm",
    status: SIGNED_IN(200),
    count: { sysadmin: 0, secadmin: 0, auditor: 0, officeA: 8, officeA1: 0, officeB: 0, nobody: 0 },
  },
  {
    method: "GET",
    route: "/api/self-checks",
    status: SIGNED_IN(200),
    count: { sysadmin: 0, secadmin: 0, auditor: 0, officeA: 8, officeA1: 8, officeB: 8, nobody: 8 },
  },
  { method: "GET", route: "/api/self-checks/export", status: SIGNED_IN(200) },
  {
    method: "POST",
    route: "/api/self-checks",
    body: () => ({ periodId: "2027-06-P6" }),
    status: { anonymous: 401, ...adminsGet(403), officeA: 201, officeA1: 201, officeB: 201, nobody: 400 },
  },
  {
    method: "PUT",
    route: "/api/self-checks/:id/answers",
    url: async (c) => `/api/self-checks/${await c.selfChecks.selfCheck("draft")}/answers`,
    body: () => ({ answers: [{ itemId: "self.duties", outcome: "pass" }] }),
    status: MEETING_READERS(403, { nobody: 200 }),
  },
  {
    method: "POST",
    route: "/api/self-checks/:id/submit",
    url: async (c) => `/api/self-checks/${await c.selfChecks.selfCheck("draft", true)}/submit`,
    body: () => ({}),
    status: MEETING_READERS(403, { nobody: 200 }),
  },
  {
    method: "POST",
    route: "/api/self-checks/:id/confirm",
    url: async (c) => `/api/self-checks/${await c.selfChecks.selfCheck("submitted")}/confirm`,
    body: () => ({}),
    status: MEETING_READERS(403, { officeA: 200, nobody: 403 }),
  },
  {
    method: "POST",
    route: "/api/self-checks/:id/return",
    url: async (c) => `/api/self-checks/${await c.selfChecks.selfCheck("submitted")}/return`,
    body: () => ({ reason: "请补充说明" }),
    status: MEETING_READERS(403, { officeA: 200, nobody: 403 }),
  },
  // Unit self-assessment (实施条例第五十八条): read by inspection readers over the unit (officeA over A; an office on A1
  // or B does not see A's); filled by its head or liaison (selfAssessment.submit: none here, so 403 to officeA), the
  // institution's own by an office over the whole institution. The year's list shows each actor the units it sees:
  // the institution's 二级单位 A for officeA, B for officeB, none for officeA1 (A1 is not one).
  {
    method: "GET",
    route: "/api/self-assessments",
    url: () => "/api/self-assessments?year=2027",
    status: SIGNED_IN(200),
    count: { sysadmin: 0, secadmin: 0, auditor: 0, officeA: 1, officeA1: 0, officeB: 1, nobody: 0 },
  },
  {
    method: "GET",
    route: "/api/self-assessments/export",
    url: () => "/api/self-assessments/export?year=2027",
    status: SIGNED_IN(200),
  },
  {
    method: "POST",
    route: "/api/self-assessments",
    body: (c) => ({ unitId: c.org.a.id, year: 2027 }),
    status: { anonymous: 401, others: 404, officeA: 403 },
  },
  {
    method: "GET",
    route: "/api/self-assessments/:id",
    url: async (c) => `/api/self-assessments/${await c.selfAssessments.draft()}`,
    status: { anonymous: 401, others: 404, officeA: 200 },
  },
  {
    method: "PUT",
    route: "/api/self-assessments/:id/answers",
    url: async (c) => `/api/self-assessments/${await c.selfAssessments.draft()}/answers`,
    body: () => ({ answers: { "org.agenda": { score: 6 } } }),
    status: { anonymous: 401, others: 404, officeA: 403 },
  },
  {
    method: "POST",
    route: "/api/self-assessments/:id/submit",
    url: async (c) => `/api/self-assessments/${await c.selfAssessments.draft()}/submit`,
    body: () => ({}),
    status: { anonymous: 401, others: 404, officeA: 403 },
  },
];

function expected(row: Row, actor: ActorName): number {
  const status = row.status[actor] ?? row.status.others;
  if (status === undefined) throw new Error(`no expectation for ${actor} on ${row.method} ${row.route}`);
  return status;
}

describe.each(testDialects)("authorization matrix on %s", (dialect) => {
  let ctx: Ctx;
  let clock: TestClock;
  const clients = new Map<ActorName, Client>();

  async function clientFor(actor: ActorName, fresh: boolean): Promise<Client> {
    if (actor === "anonymous") return new Client(ctx.t.app);
    if (fresh) {
      clock.advance(61_000);
      return signIn(ctx.t.app, ctx.accounts[actor]);
    }
    const existing = clients.get(actor);
    if (existing) return existing;
    const client = await signIn(ctx.t.app, ctx.accounts[actor]);
    clients.set(actor, client);
    return client;
  }

  beforeAll(async () => {
    clock = testClock();
    const t = await buildTestApp(dialect, {}, { clock });
    const org = await seedOrg(t.app);
    const accounts = {
      sysadmin: await createTestAccount(t.app, { username: "m-sysadmin", adminRole: "SYS_ADMIN" }),
      secadmin: await createTestAccount(t.app, { username: "m-secadmin", adminRole: "SECURITY_ADMIN" }),
      auditor: await createTestAccount(t.app, { username: "m-auditor", adminRole: "AUDITOR" }),
      officeA: await createTestAccount(t.app, { username: "m-office-a", unitId: org.a.id }),
      officeA1: await createTestAccount(t.app, { username: "m-office-a1", unitId: org.a1.id }),
      officeB: await createTestAccount(t.app, { username: "m-office-b", unitId: org.b.id }),
      nobody: await createTestAccount(t.app, { username: "m-nobody", unitId: org.a.id }),
    };
    const grantee = await createTestAccount(t.app, { username: "m-grantee" });
    const by = accounts.secadmin.id;
    await grantRole(t.app, accounts.officeA.id, "secrecyOffice", org.a.id, by);
    await grantRole(t.app, accounts.officeA1.id, "secrecyOffice", org.a1.id, by);
    await grantRole(t.app, accounts.officeB.id, "secrecyOffice", org.b.id, by);
    const at = toInstant(clock());
    const clearance = async (personId: string | null) => {
      const id = uuidv7();
      await t.app.db.kysely
        .insertInto("clearance")
        .values({
          id,
          person_id: personId ?? "",
          tier: "IMPORTANT",
          starts_on: "2026-01-01",
          ends_on: null,
          granted_by: by,
          created_at: at,
        })
        .execute();
      return id;
    };
    for (const office of [accounts.officeA, accounts.officeA1, accounts.officeB]) await clearance(office.personId);
    const appointment = async (personId: string | null, unitId: string, position: string) => {
      const id = uuidv7();
      await t.app.db.kysely
        .insertInto("appointment")
        .values({
          id,
          person_id: personId ?? "",
          unit_id: unitId,
          position,
          acting: 0,
          starts_on: "2026-01-01",
          ends_on: null,
          created_by: null,
          created_at: at,
        })
        .execute();
      return id;
    };
    const portfolio = async (personId: string | null, unitId: string, area: string) => {
      const id = uuidv7();
      await t.app.db.kysely
        .insertInto("portfolio")
        .values({
          id,
          person_id: personId ?? "",
          unit_id: unitId,
          area,
          starts_on: "2026-01-01",
          ends_on: null,
          created_by: null,
          created_at: at,
        })
        .execute();
      return id;
    };
    await appointment(accounts.officeA.personId, org.a.id, "UNIT_HEAD");
    await appointment(accounts.officeA1.personId, org.a1.id, "UNIT_HEAD");
    await appointment(accounts.officeB.personId, org.b.id, "UNIT_HEAD");
    await portfolio(accounts.officeA.personId, org.root.id, "secrecy");
    const agreement = async (unitId: string, personId: string | null, templateId: string) => {
      const batch = await t.app.db.kysely
        .selectFrom("agreement_batch")
        .select("id")
        .where("template_id", "=", templateId)
        .executeTakeFirst();
      const batchId = batch?.id ?? uuidv7();
      if (!batch)
        await t.app.db.kysely
          .insertInto("agreement_batch")
          .values({
            id: batchId,
            institution_id: org.root.id,
            year: 2027,
            template_id: templateId,
            policy_version: "0".repeat(64),
            issued_at: at,
            issued_by: null,
          })
          .execute();
      const id = uuidv7();
      await t.app.db.kysely
        .insertInto("agreement")
        .values({
          id,
          batch_id: batchId,
          unit_id: unitId,
          person_id: personId ?? "",
          role: "unitHead",
          acting: 0,
          title: "二级单位保密工作责任书",
          body: "正文",
          status: "issued",
          issued_at: at,
          signed_at: null,
          signed_by_account: null,
          signature: null,
          voided_at: null,
          voided_by: null,
          void_reason: null,
          created_at: at,
        })
        .execute();
      return id;
    };
    await agreement(org.a.id, accounts.officeA.personId, "agreement.unit-head");
    await agreement(org.a1.id, accounts.officeA1.personId, "agreement.unit-head");
    await agreement(org.b.id, accounts.officeB.personId, "agreement.unit-head");
    const { policy, sha256 } = await activePolicy(t.app.db.kysely);
    await refreshYear(t.app.db.kysely, {
      policy,
      policyVersion: sha256,
      institution: { id: org.root.id, name: "广东技术师范学院", path: org.root.path },
      year: 2027,
      today: "2027-03-01",
      now: clock(),
      settings: DEFAULT_OBLIGATION_SETTINGS,
    });
    const obligation = async (unitId: string, periodId: string) => {
      const id = uuidv7();
      await t.app.db.kysely
        .insertInto("obligation")
        .values(
          openObligationRow({
            id,
            institutionId: org.root.id,
            dutyId: "art6.1.unit-agenda",
            policyVersion: sha256,
            bearerRole: "unitHead",
            bearerUnitId: unitId,
            bearerName: "软件工程系",
            period: { id: periodId, kind: "year", startsOn: "2027-01-01", dueOn: "2027-12-31" },
            year: 2027,
            at,
          }),
        )
        .execute();
      return id;
    };
    let n = 0;
    ctx = {
      t,
      org,
      accounts,
      grantee,
      freshAccount: async () => (await createTestAccount(t.app, { username: `m-fresh-${++n}`, unitId: org.b.id })).id,
      freshGrant: async () => grantRole(t.app, grantee.id, "liaison", org.a1.id, by),
      freshClearance: async () =>
        clearance((await createTestAccount(t.app, { username: `m-cleared-${++n}`, unitId: org.b.id })).personId),
      freshAppointment: async (unitId) => appointment(accounts.nobody.personId, unitId, "STAFF"),
      freshPortfolio: async (unitId) => portfolio(accounts.nobody.personId, unitId, `area-${++n}`),
      // The list rows have run by now: later agreements (one batch each) change no count they check.
      freshAgreement: async (unitId, personId) => agreement(unitId, personId, `matrix-${++n}`),
      freshObligation: async (unitId) => obligation(unitId, `matrix-${++n}`),
      freshEvidence: async (unitId) => {
        const obligationId = await obligation(unitId, `matrix-${++n}`);
        const evidenceId = uuidv7();
        await t.app.db.kysely
          .insertInto("obligation_evidence")
          .values({
            id: evidenceId,
            obligation_id: obligationId,
            summary: "已落实",
            document_no: null,
            file_name: "说明.txt",
            file_type: "text/plain",
            file_size: 6,
            file_sha256: "0".repeat(64),
            submitted_by: accounts.officeA1.id,
            submitted_at: at,
            decision: "pending",
            decided_by: null,
            decided_at: null,
            decision_note: null,
          })
          .execute();
        await t.app.db.kysely
          .insertInto("evidence_file")
          .values({ evidence_id: evidenceId, content: Buffer.from("已落实") })
          .execute();
        return { obligationId, evidenceId };
      },
      meetings: meetingFixtures(t.app, org.root.id, accounts.officeA.personId ?? ""),
      documentStudies: documentStudyFixtures(t.app, org.root.id),
      regulations: regulationFixtures(t.app, org.root.id),
      research: researchFixtures(t.app, org.root.id, accounts.officeA.personId ?? ""),
      inspections: inspectionFixtures(t.app, {
        institutionId: org.root.id,
        unitId: org.a1.id,
        inspectorId: accounts.nobody.personId ?? "",
        ownerId: accounts.officeA1.personId ?? "",
      }),
      selfChecks: selfCheckFixtures(t.app, {
        institutionId: org.root.id,
        unitId: org.a.id,
        personId: accounts.nobody.personId ?? "",
      }),
      selfAssessments: selfAssessmentFixtures(t.app, { institutionId: org.root.id, unitId: org.a.id }),
    };
  });
  afterAll(() => ctx.t.close());

  it("has a row for every registered API route", () => {
    const covered = new Set(ROWS.map((row) => `${row.method} ${row.route}`));
    const missing = ctx.t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((key) => !covered.has(key));
    expect(missing, "routes without a row in the authorization matrix").toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.method} ${row.route}`, async () => {
      const results: string[] = [];
      const wanted: string[] = [];
      // Denied actors first: a denial changes nothing, so the allowed actor still finds the row's object intact.
      const order = [...ACTORS].sort((a, b) => Number(expected(row, a) < 300) - Number(expected(row, b) < 300));
      for (const actor of order) {
        const client = await clientFor(actor, row.freshSession === true);
        const url = row.url ? await row.url(ctx) : row.route;
        let body = row.body?.(ctx);
        if (row.route === "/api/accounts" && row.method === "POST")
          body = { ...(body as object), unitId: ctx.org.b.id };
        const res = await client.request(row.method, url, body);
        results.push(`${actor}:${res.statusCode}`);
        wanted.push(`${actor}:${expected(row, actor)}`);
        const count = row.count?.[actor];
        if (count !== undefined && res.statusCode === 200) {
          results.push(`${actor}#${res.json<{ items: unknown[] }>().items.length}`);
          wanted.push(`${actor}#${count}`);
        }
      }
      expect(results).toEqual(wanted);
    });
  }
});

/**
 * The permission catalogue: every action the platform authorizes, and which role may take it. Administrator
 * permissions are institution-wide; business permissions apply within the unit subtree a grant names.
 * The three administrators manage disjoint things (they share only reading the unit tree they need to pick from),
 * and none of them holds a business permission: there is no superuser.
 */
import { type AdminRole, type BusinessRole, type Role } from "./roles.js";

export const PERMISSIONS = [
  // System administrator: accounts, configuration, backups.
  "account.read",
  "account.manage",
  "config.manage",
  // Security administrator: grants, scopes, clearances, security settings.
  "grant.read",
  "grant.manage",
  "clearance.read",
  "clearance.manage",
  "securitySettings.manage",
  // Auditor: the audit log, including the other administrators' entries.
  "audit.read",
  "audit.export",
  // Business: the organization within the grant's scope.
  "unit.read",
  "person.read",
  "org.manage",
  "responsibility.read",
  "agreement.manage",
  // Obligations: read within scope (everyone reads their own), manage the calendar, events and waivers.
  "obligation.read",
  "obligation.manage",
  // Committee meetings (Art. 12(1), 9(3)): read in the institution, propose agenda items for a unit in scope, run the
  // meeting (the secrecy office); update the tracked tasks a unit owns. Signing minutes is not a permission: it is
  // the director's, or a deputy's under a delegation, as the resolver says on the day (Art. 10(2)).
  "meeting.read",
  "meeting.propose",
  "meeting.manage",
  "task.update",
  // Supervision (Art. 12(2)): the annual plan, mid-year supervision, year-end assessment and summary of an
  // institution — read on its branch, kept by the secrecy office; approvals are the director's, as for minutes.
  "supervision.read",
  "supervision.manage",
  // Reports (Art. 12(4), 9(3)): the plan and summary reports and major-matter reports and requests to the Party
  // committee and the higher committee — read by the leaders and the committee, drafted and sent by the office,
  // signed (签发) by the director.
  "report.read",
  "report.manage",
  // Research (Art. 12(3)): the institution's research topics (调研课题) — read on its branch, proposed, recorded and
  // concluded by the secrecy office (the committee's approval is recorded by the office).
  "research.read",
  "research.manage",
  // Documents received from above and their briefing and study (Art. 4(1), 13(1)): read on the institution's branch,
  // registered by the secrecy office, each unit's sessions recorded by its head or liaison (or the office) in scope.
  "documentStudy.read",
  "documentStudy.manage",
  "documentStudy.record",
  // The regulations library (Art. 13(4), 6(1)): every business role reads the rules; the secrecy office keeps the
  // institution's, a unit head their own unit's.
  "regulation.read",
  "regulation.manage",
  // Inspections and rectification (Art. 11(4), 13(6)): read on the institution's branch; plans and the office's
  // inspections kept by the secrecy office (the inspectors a plan names record its inspections without a grant);
  // a unit's head or liaison records the rectification of its findings.
  "inspection.read",
  "inspection.manage",
  "finding.update",
  // Self-assessment (自查自评, 实施条例第五十八条): a unit's head or liaison fills and submits the unit's annual
  // self-assessment; the institution's own is the secrecy office's (`inspection.manage`); readers as inspections.
  "selfAssessment.submit",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each administrator may do: 三员分立, each manages its own domain. */
export const ADMIN_PERMISSIONS: Record<AdminRole, readonly Permission[]> = {
  SYS_ADMIN: ["account.read", "account.manage", "config.manage", "unit.read"],
  SECURITY_ADMIN: [
    "grant.read",
    "grant.manage",
    "clearance.read",
    "clearance.manage",
    "securitySettings.manage",
    "account.read",
    "unit.read",
    "person.read",
  ],
  AUDITOR: ["audit.read", "audit.export", "unit.read"],
};

const ORGANIZATION_READERS: readonly Permission[] = [
  "unit.read",
  "person.read",
  "responsibility.read",
  "obligation.read",
  "meeting.read",
  "supervision.read",
  "research.read",
  "documentStudy.read",
  "regulation.read",
  "inspection.read",
];

/** Committee seats and unit heads and liaisons propose agenda items (议题征集 goes to members and units). */
const PROPOSERS: readonly Permission[] = [...ORGANIZATION_READERS, "meeting.propose"];

/** The leaders and the committee read what the committee reports upward (Art. 12(4)). */
const LEADERS: readonly Permission[] = [...ORGANIZATION_READERS, "report.read"];

/** What each business role may do within its scope. Later capabilities extend these lists. */
export const BUSINESS_PERMISSIONS: Record<BusinessRole, readonly Permission[]> = {
  partySecretary: LEADERS,
  president: LEADERS,
  secrecyLeader: LEADERS,
  portfolioLeader: LEADERS,
  director: [...PROPOSERS, "report.read"],
  deputyDirector: [...PROPOSERS, "report.read"],
  member: [...PROPOSERS, "report.read"],
  // The secrecy office keeps the organization's records (Art. 13): units, people, appointments, portfolios.
  secrecyOffice: [
    ...PROPOSERS,
    "clearance.read",
    "org.manage",
    "agreement.manage",
    "obligation.manage",
    "meeting.manage",
    "task.update",
    "supervision.manage",
    "report.read",
    "report.manage",
    "research.manage",
    "documentStudy.manage",
    "documentStudy.record",
    "regulation.manage",
    "inspection.manage",
  ],
  unitHead: [
    ...PROPOSERS,
    "task.update",
    "documentStudy.record",
    "regulation.manage",
    "finding.update",
    "selfAssessment.submit",
  ],
  liaison: [...PROPOSERS, "task.update", "documentStudy.record", "finding.update", "selfAssessment.submit"],
  // Cleared persons read the rules they work under (Art. 7(1) 熟悉本职岗位保密职责、工作规范和保密要求).
  clearedPerson: ["unit.read", "responsibility.read", "regulation.read"],
};

/** The permissions a role carries. */
export function permissionsOf(role: Role): readonly Permission[] {
  return role in ADMIN_PERMISSIONS ? ADMIN_PERMISSIONS[role as AdminRole] : BUSINESS_PERMISSIONS[role as BusinessRole];
}

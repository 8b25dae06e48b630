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
];

/** What each business role may do within its scope. Later capabilities extend these lists. */
export const BUSINESS_PERMISSIONS: Record<BusinessRole, readonly Permission[]> = {
  partySecretary: ORGANIZATION_READERS,
  president: ORGANIZATION_READERS,
  secrecyLeader: ORGANIZATION_READERS,
  portfolioLeader: ORGANIZATION_READERS,
  director: ORGANIZATION_READERS,
  deputyDirector: ORGANIZATION_READERS,
  member: ORGANIZATION_READERS,
  // The secrecy office keeps the organization's records (Art. 13): units, people, appointments, portfolios.
  secrecyOffice: [...ORGANIZATION_READERS, "clearance.read", "org.manage", "agreement.manage", "obligation.manage"],
  unitHead: ORGANIZATION_READERS,
  liaison: ORGANIZATION_READERS,
  clearedPerson: ["unit.read", "responsibility.read"],
};

/** The permissions a role carries. */
export function permissionsOf(role: Role): readonly Permission[] {
  return role in ADMIN_PERMISSIONS ? ADMIN_PERMISSIONS[role as AdminRole] : BUSINESS_PERMISSIONS[role as BusinessRole];
}

/**
 * `baomi demo`: loads the demo institution (plan.ts) into a database that holds nothing but what `baomi init`
 * creates. It never touches a real installation: any unit beyond the root, any person, appointment, portfolio,
 * grant, clearance, delegation or business account makes it refuse. On an empty database it first runs the same
 * initialization as `baomi init` (the three administrators), then loads everything in one transaction with one
 * audit entry, `demo.load`.
 */
import { type Kysely, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { dateIn } from "../../domain/calendar.js";
import { type Localized } from "../../domain/errors.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type BusinessRole } from "../../domain/roles.js";
import { type AuditLog } from "../../platform/audit/audit-log.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { type InitialCredentials, initializeInstitution, needsInitialization } from "../accounts/initialize.js";
import { institutions } from "../obligations/bearers.js";
import { refreshYear } from "../obligations/engine.js";
import { readObligationSettings } from "../obligations/settings.js";
import { activePolicy } from "../policy/active-policy.js";
import { responsibilitiesOf } from "../responsibility/mine.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts.js";
import { type AgreementCounts, insertAgreements } from "./agreements.js";
import { type CommitteeCounts, insertCommitteeYears } from "./committee-year.js";
import { insertPlan } from "./insert.js";
import { type InspectionCounts, insertInspectionYears } from "./inspection-year.js";
import { type DemoPlan, planDemo } from "./plan.js";
import { insertSelfCheckYears, type SelfCheckCounts } from "./self-check-year.js";

/** One demo account as printed at the end. */
export interface DemoAccountRow {
  username: string;
  label: Localized;
  name: string;
  unit: string;
  roles: BusinessRole[];
}

export interface DemoLoaded {
  ok: true;
  institution: { id: string; name: string };
  counts: {
    units: number;
    people: number;
    appointments: number;
    portfolios: number;
    clearances: number;
  } & CommitteeCounts &
    AgreementCounts &
    InspectionCounts &
    SelfCheckCounts;
  /** The obligations of the previous and the current year the engine materialized, and how many records fulfilled. */
  obligations: { created: number; fulfilled: number };
  password: string;
  accounts: DemoAccountRow[];
  /** The three administrators' one-time credentials, when the database was empty and had to be initialized. */
  administrators: InitialCredentials | null;
}

export interface DemoRefused {
  ok: false;
  message: Localized;
}

class Refusal extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

// Business roles whose work covers the whole institution: their grants are scoped to the root, whatever unit the
// position sits in (the secrecy office is the 归口管理部门 of Art. 13; the committee guides the whole college, Art. 9).
const INSTITUTION_WIDE: ReadonlySet<BusinessRole> = new Set([
  "partySecretary",
  "president",
  "secrecyLeader",
  "director",
  "deputyDirector",
  "member",
  "secrecyOffice",
]);

/** Loads the demo institution, or says why it will not. */
export async function loadDemo(
  db: Kysely<Database>,
  audit: AuditLog,
  options: { now: Date },
): Promise<DemoLoaded | DemoRefused> {
  const { policy, sha256 } = await activePolicy(db);
  const plan = planDemo(dateIn(options.now));
  try {
    checkPolicy(policy, plan);
    await refuseBusinessData(db);
    const administrators = (await needsInitialization(db))
      ? await initializeInstitution(db, audit, { institutionName: plan.institutionName, now: options.now })
      : null;
    // One hash for all: the password is published, so separate salts would protect nothing here.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const loaded = await db
      .transaction()
      .execute((trx) => loadPlan(trx, audit, policy, plan, { now: options.now, passwordHash, policyVersion: sha256 }));
    // The committee's records discharge their obligations through the engine's own entry point, for both years. It
    // runs right after the load, not inside it: refreshYear opens its own transaction (Kysely cannot nest one), and
    // calling its parts here instead would be a second copy of the engine. Should it fail, the records stand, and the
    // daily run still materializes the current year and fulfils what they discharge.
    const settings = await readObligationSettings(db);
    const institution = (await institutions(db)).find((i) => i.id === loaded.institution.id);
    const today = dateIn(options.now);
    const obligations = { created: 0, fulfilled: 0 };
    if (institution)
      for (const year of [Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4))]) {
        const result = await refreshYear(db, {
          policy,
          policyVersion: sha256,
          institution,
          year,
          today,
          now: options.now,
          settings,
        });
        obligations.created += result.created;
        obligations.fulfilled += result.fulfilledByRecords;
      }
    return { ...loaded, obligations, administrators };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.reason };
    throw error;
  }
}

async function loadPlan(
  trx: Transaction<Database>,
  audit: AuditLog,
  policy: Policy,
  plan: DemoPlan,
  options: { now: Date; passwordHash: string; policyVersion: string },
): Promise<Omit<DemoLoaded, "administrators" | "obligations">> {
  // Again inside the transaction: nothing may have slipped in since the first look.
  await refuseBusinessData(trx);
  const roots = await trx.selectFrom("unit").select(["id", "path", "kind"]).where("parent_id", "is", null).execute();
  const root = roots[0];
  if (roots.length !== 1 || !root || root.kind !== "institution")
    throw new Refusal({
      zh: "数据库中的单位根节点不是唯一的院校节点，无法载入演示数据",
      en: "The unit tree has no single institution root; the demo cannot be loaded",
    });
  const admin = await trx
    .selectFrom("account")
    .select("id")
    .where("admin_role", "=", "SECURITY_ADMIN")
    .orderBy("id")
    .executeTakeFirst();
  if (!admin) throw new Refusal({ zh: "未找到安全保密管理员账号", en: "No security administrator account was found" });
  const at = toInstant(options.now);
  const today = dateIn(options.now);
  await trx.updateTable("unit").set({ name: plan.institutionName, updated_at: at }).where("id", "=", root.id).execute();
  const inserted = await insertPlan(trx, plan, {
    root,
    at,
    passwordHash: options.passwordHash,
    grantedBy: admin.id,
  });

  // Grants follow what each account's person holds today, read back through the resolver's own rules (mine.ts), so
  // the roles an account acts in are exactly the responsibilities its screens show.
  const accounts: DemoAccountRow[] = [];
  const people = new Map(plan.people.map((p) => [p.key, p]));
  const unitNames = new Map([["root", plan.institutionName], ...plan.units.map((u) => [u.key, u.name] as const)]);
  for (const account of plan.accounts) {
    const personId = inserted.personIds.get(account.personKey) ?? "";
    const person = people.get(account.personKey);
    const personUnit = inserted.unitIds.get(person?.unitKey ?? "root") ?? root.id;
    const held = await responsibilitiesOf(trx, policy, personId, today);
    const grants = new Map<string, { role: BusinessRole; unitId: string }>();
    for (const entry of held) {
      const unitId = INSTITUTION_WIDE.has(entry.role) ? root.id : (entry.unit?.id ?? personUnit);
      grants.set(`${entry.role}@${unitId}`, { role: entry.role, unitId });
    }
    for (const grant of grants.values()) {
      await trx
        .insertInto("role_grant")
        .values({
          id: uuidv7(),
          account_id: inserted.accountIds.get(account.username) ?? "",
          role: grant.role,
          unit_id: grant.unitId,
          starts_on: today,
          ends_on: null,
          granted_by: admin.id,
          created_at: at,
          revoked_at: null,
          revoked_by: null,
        })
        .execute();
    }
    const spec = DEMO_ACCOUNTS.find((a) => a.username === account.username);
    accounts.push({
      username: account.username,
      label: spec?.label ?? { zh: account.username, en: account.username },
      name: person?.name ?? "",
      unit: unitNames.get(person?.unitKey ?? "root") ?? "",
      roles: [...new Set([...grants.values()].map((g) => g.role))],
    });
  }

  // The committee's previous year and this year so far: meetings, tasks, plan, supervision, assessment, reports.
  const committee = await insertCommitteeYears(trx, policy, plan, inserted, {
    institutionId: root.id,
    now: options.now,
  });
  // The responsibility agreements (年度保密工作责任书): last year's all signed, this year's as far as the date has come.
  const agreements = await insertAgreements(trx, policy, inserted, {
    institutionId: root.id,
    policyVersion: options.policyVersion,
    now: options.now,
  });
  // The members' half-yearly inspections, the office's, and their findings under rectification — after the agreements,
  // whose signers' accounts the members and unit heads act through.
  const inspections = await insertInspectionYears(trx, policy, plan, inserted, {
    institutionId: root.id,
    policyVersion: options.policyVersion,
    now: options.now,
  });
  // The cleared persons' self-checks, confirmed by their superiors through the same accounts, and their findings.
  const selfChecks = await insertSelfCheckYears(trx, policy, plan, inserted, {
    institutionId: root.id,
    policyVersion: options.policyVersion,
    now: options.now,
  });

  const counts = {
    units: plan.units.length + 1,
    people: plan.people.length,
    appointments: plan.appointments.length,
    portfolios: plan.portfolios.length,
    clearances: plan.clearances.length,
    ...committee,
    ...agreements,
    ...inspections,
    ...selfChecks,
  };
  await audit.append(trx, {
    actor: { accountId: null, username: "system", role: null, unitId: null },
    action: "demo.load",
    object: { type: "unit", id: root.id },
    result: "success",
    sourceIp: null,
    requestId: null,
    details: { institution: plan.institutionName, ...counts, accounts: plan.accounts.map((a) => a.username) },
  });
  return {
    ok: true,
    institution: { id: root.id, name: plan.institutionName },
    counts,
    password: DEMO_PASSWORD,
    accounts,
  };
}

/** Throws a refusal when the database holds anything a user made, beyond the root and the three administrators. */
async function refuseBusinessData(db: Kysely<Database>): Promise<void> {
  const found = [
    await db.selectFrom("unit").select("id").limit(1).offset(1).executeTakeFirst(),
    await db.selectFrom("account").select("id").where("admin_role", "is", null).limit(1).executeTakeFirst(),
    await db.selectFrom("person").select("id").limit(1).executeTakeFirst(),
    await db.selectFrom("appointment").select("id").limit(1).executeTakeFirst(),
    await db.selectFrom("portfolio").select("id").limit(1).executeTakeFirst(),
    await db.selectFrom("role_grant").select("id").limit(1).executeTakeFirst(),
    await db.selectFrom("clearance").select("id").limit(1).executeTakeFirst(),
    await db.selectFrom("delegation").select("id").limit(1).executeTakeFirst(),
  ].some((row) => row !== undefined);
  if (found)
    throw new Refusal({
      zh: "数据库中已有业务数据，演示数据只能载入新安装的空数据库；未做任何更改",
      en: "The database already holds business data; the demo loads only into a fresh, empty installation. Nothing was changed",
    });
}

/** The demo speaks the seed regulation's positions and office codes; a policy without them cannot host it. */
function checkPolicy(policy: Policy, plan: DemoPlan): void {
  const positions = new Set(policy.positions.map((p) => p.code));
  const missing = [...new Set(plan.appointments.map((a) => a.position))].filter((code) => !positions.has(code));
  if (missing.length > 0)
    throw new Refusal({
      zh: `当前实施细则中没有演示数据所用的职务：${missing.join("、")}`,
      en: `The policy in force lacks positions the demo uses: ${missing.join(", ")}`,
    });
}

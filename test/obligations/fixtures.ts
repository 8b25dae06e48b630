/**
 * An institution for the obligations tests, on a test clock at 2027-03-01 (Beijing):
 *
 *   root 广东技术师范学院 (institution) — 李书记 is Party secretary (committee director), 钱院长 president (no grant),
 *   孙副书记 holds the secrecy portfolio, 赵副院长 the business portfolio over A;
 *   ├─ 保密办公室 (coded SECRECY_OFFICE) — 王主任 holds SECRECY_OFFICE_DIRECTOR there, grant secrecyOffice on root;
 *   ├─ A 计算机科学学院 (classified: its head 吴院长 sits on the committee) — grant unitHead on A;
 *   │   └─ A1 软件工程系 (no head: a vacancy);
 *   └─ B 外国语学院 — head 周院长, grant unitHead on B.
 *
 * Cleared persons: 陈核心 (CORE, in A, an account without grants), 林重要 (IMPORTANT, in B), 黄一般 (GENERAL, in
 * A1) — all cleared since 2026 — and two cleared only from 2027-05-10: 郭新任 (GENERAL, B) and 何新任 (CORE, B).
 */
import { type FastifyInstance } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { institutions } from "../../src/features/obligations/bearers.js";
import { refreshYear, runEngine, type EngineContext } from "../../src/features/obligations/engine.js";
import { readObligationSettings } from "../../src/features/obligations/settings.js";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { type Mailer } from "../../src/platform/mail/mailer.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { type TestDialect } from "../databases.js";
import { type Client, createTestAccount, grantRole, seedOrg, signIn, type TestAccount } from "../factories.js";
import { buildTestApp, testClock, type TestApp, type TestClock } from "../harness.js";

export const ACCOUNT_NAMES = [
  "office",
  "headA",
  "headB",
  "secretary",
  "president",
  "secLeader",
  "bizLeader",
  "core",
] as const;
export type AccountName = (typeof ACCOUNT_NAMES)[number];

export interface Place {
  id: string;
  path: string;
}

export interface ObligationWorld {
  t: TestApp;
  app: FastifyInstance;
  clock: TestClock;
  units: Record<"root" | "office" | "a" | "a1" | "b", Place>;
  accounts: Record<AccountName, TestAccount>;
  /** The person ids of everyone named above, accounts or not. */
  people: Record<AccountName | "important" | "general" | "generalMay" | "coreMay", string>;
  admin: TestAccount;
  /** A signed-in client; signs in again when the clock has moved past the session's idle limit. */
  as(name: AccountName): Promise<Client>;
  /** Moves the clock to 09:00 Beijing time of a day. */
  setDay(day: string): void;
  /** Materializes a year for every institution as the engine does (refreshYear), on the clock's day. */
  materialize(year?: number): Promise<{ created: number; removed: number; kept: number; fulfilledByRecords: number }>;
  /** The engine's context (no mailer unless given). */
  engine(mailer?: Mailer | null): EngineContext;
  /** Moves the clock to a day and runs the engine for it. */
  runOn(day: string, mailer?: Mailer | null): ReturnType<typeof runEngine>;
  /** Makes a person hold a position in a unit from a date. */
  appoint(personId: string, unitId: string, position: string, startsOn: string, endsOn?: string | null): Promise<void>;
  /** Adds a person (no account). */
  addPerson(name: string, unitId: string): Promise<string>;
  /** The one obligation of a duty (of 2027 unless told) matching the filters; throws unless exactly one. */
  obligation(
    dutyId: string,
    where?: { periodId?: string; unitId?: string; personId?: string; year?: number },
  ): Promise<string>;
}

/** 09:00 in Beijing on a day. */
export const beijing = (day: string): Date => new Date(`${day}T09:00:00+08:00`);

export async function obligationWorld(dialect: TestDialect): Promise<ObligationWorld> {
  const clock = testClock(beijing("2027-03-01"));
  const t = await buildTestApp(dialect, {}, { clock });
  const app = t.app;
  const db = app.db.kysely;
  const at = toInstant(clock());
  const org = await seedOrg(app);
  await db.updateTable("unit").set({ classified: 1 }).where("id", "=", org.a.id).execute();
  const officeId = uuidv7();
  const office = { id: officeId, path: `${org.root.path}${officeId}/` };
  await db
    .insertInto("unit")
    .values({
      id: office.id,
      parent_id: org.root.id,
      path: office.path,
      name: "保密办公室",
      kind: "unit",
      sort_order: 0,
      code: "SECRECY_OFFICE",
      created_at: at,
      updated_at: at,
    })
    .execute();
  const units = { root: org.root, office, a: org.a, a1: org.a1, b: org.b };

  const admin = await createTestAccount(app, { username: "o-secadmin", adminRole: "SECURITY_ADMIN" });
  const person = (name: string) => ({ name });
  const specs: Record<AccountName, { unitId: string; name: string }> = {
    office: { unitId: office.id, ...person("王主任") },
    headA: { unitId: org.a.id, ...person("吴院长") },
    headB: { unitId: org.b.id, ...person("周院长") },
    secretary: { unitId: org.root.id, ...person("李书记") },
    president: { unitId: org.root.id, ...person("钱院长") },
    secLeader: { unitId: org.root.id, ...person("孙副书记") },
    bizLeader: { unitId: org.root.id, ...person("赵副院长") },
    core: { unitId: org.a.id, ...person("陈核心") },
  };
  const accounts = {} as Record<AccountName, TestAccount>;
  for (const name of ACCOUNT_NAMES) {
    const spec = specs[name];
    const account = await createTestAccount(app, { username: `o-${name.toLowerCase()}`, unitId: spec.unitId });
    await db
      .updateTable("person")
      .set({ name: spec.name })
      .where("id", "=", account.personId ?? "")
      .execute();
    await db.updateTable("account").set({ display_name: spec.name }).where("id", "=", account.id).execute();
    accounts[name] = account;
  }
  const pid = (name: AccountName) => accounts[name].personId ?? "";

  const appoint = async (
    personId: string,
    unitId: string,
    position: string,
    startsOn: string,
    endsOn?: string | null,
  ) => {
    await db
      .insertInto("appointment")
      .values({
        id: uuidv7(),
        person_id: personId,
        unit_id: unitId,
        position,
        acting: 0,
        starts_on: startsOn,
        ends_on: endsOn ?? null,
        created_by: null,
        created_at: at,
      })
      .execute();
  };
  const portfolio = (personId: string, unitId: string, area: string) =>
    db
      .insertInto("portfolio")
      .values({
        id: uuidv7(),
        person_id: personId,
        unit_id: unitId,
        area,
        starts_on: "2024-01-01",
        ends_on: null,
        created_by: null,
        created_at: at,
      })
      .execute();
  await appoint(pid("office"), office.id, "SECRECY_OFFICE_DIRECTOR", "2024-01-01");
  await appoint(pid("headA"), org.a.id, "UNIT_HEAD", "2025-01-01");
  await appoint(pid("headB"), org.b.id, "UNIT_HEAD", "2025-01-01");
  await appoint(pid("secretary"), org.root.id, "PARTY_SECRETARY", "2024-01-01");
  await appoint(pid("president"), org.root.id, "PRESIDENT", "2024-01-01");
  await portfolio(pid("secLeader"), org.root.id, "secrecy");
  await portfolio(pid("bizLeader"), org.a.id, "business");

  await grantRole(app, accounts.office.id, "secrecyOffice", org.root.id, admin.id);
  await grantRole(app, accounts.headA.id, "unitHead", org.a.id, admin.id);
  await grantRole(app, accounts.headB.id, "unitHead", org.b.id, admin.id);
  await grantRole(app, accounts.secretary.id, "partySecretary", org.root.id, admin.id);
  await grantRole(app, accounts.secLeader.id, "secrecyLeader", org.root.id, admin.id);
  await grantRole(app, accounts.bizLeader.id, "portfolioLeader", org.a.id, admin.id);

  const addPerson = async (name: string, unitId: string) => {
    const id = uuidv7();
    await db.insertInto("person").values({ id, name, unit_id: unitId, created_at: at, updated_at: at }).execute();
    return id;
  };
  const clear = (personId: string, tier: "CORE" | "IMPORTANT" | "GENERAL", startsOn: string) =>
    db
      .insertInto("clearance")
      .values({
        id: uuidv7(),
        person_id: personId,
        tier,
        starts_on: startsOn,
        ends_on: null,
        granted_by: admin.id,
        created_at: at,
      })
      .execute();
  const important = await addPerson("林重要", org.b.id);
  const general = await addPerson("黄一般", org.a1.id);
  const generalMay = await addPerson("郭新任", org.b.id);
  const coreMay = await addPerson("何新任", org.b.id);
  await clear(pid("core"), "CORE", "2026-01-01");
  await clear(important, "IMPORTANT", "2026-03-01");
  await clear(general, "GENERAL", "2026-06-01");
  await clear(generalMay, "GENERAL", "2027-05-10");
  await clear(coreMay, "CORE", "2027-05-10");

  const people = {
    ...(Object.fromEntries(ACCOUNT_NAMES.map((n) => [n, pid(n)])) as Record<AccountName, string>),
    important,
    general,
    generalMay,
    coreMay,
  };

  const sessions = new Map<AccountName, { client: Client; at: number }>();
  const as = async (name: AccountName) => {
    const now = clock().getTime();
    const held = sessions.get(name);
    if (held && now - held.at < 20 * 60_000 && now >= held.at) return held.client;
    const client = await signIn(app, accounts[name]);
    sessions.set(name, { client, at: now });
    return client;
  };
  const setDay = (day: string) => clock.set(beijing(day));
  const today = () => new Date(clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

  const materialize = async (year = 2027) => {
    const { policy, sha256 } = await activePolicy(db);
    const settings = await readObligationSettings(db);
    const total = { created: 0, removed: 0, kept: 0, fulfilledByRecords: 0 };
    for (const institution of await institutions(db)) {
      const r = await refreshYear(db, {
        policy,
        policyVersion: sha256,
        institution,
        year,
        today: today(),
        now: clock(),
        settings,
      });
      total.created += r.created;
      total.removed += r.removed;
      total.kept += r.kept;
      total.fulfilledByRecords += r.fulfilledByRecords;
    }
    return total;
  };
  const engine = (mailer: Mailer | null = null): EngineContext => ({ db: app.db, audit: app.audit, clock, mailer });
  const runOn = (day: string, mailer: Mailer | null = null) => {
    setDay(day);
    return runEngine(engine(mailer), day);
  };
  const obligation = async (
    dutyId: string,
    where: { periodId?: string; unitId?: string; personId?: string; year?: number } = {},
  ) => {
    const rows = await db
      .selectFrom("obligation")
      .select("id")
      .where("duty_id", "=", dutyId)
      .where("year", "=", where.year ?? 2027)
      .$if(where.periodId !== undefined, (qb) => qb.where("period_id", "=", where.periodId ?? ""))
      .$if(where.unitId !== undefined, (qb) => qb.where("bearer_unit_id", "=", where.unitId ?? ""))
      .$if(where.personId !== undefined, (qb) => qb.where("bearer_person_id", "=", where.personId ?? ""))
      .execute();
    if (rows.length !== 1) throw new Error(`${rows.length} obligations of ${dutyId} ${JSON.stringify(where)}`);
    return rows[0]?.id ?? "";
  };

  return {
    t,
    app,
    clock,
    units,
    accounts,
    people,
    admin,
    as,
    setDay,
    materialize,
    engine,
    runOn,
    appoint,
    addPerson,
    obligation,
  };
}

/** The list item and detail shapes the tests read. */
export interface SummaryJson {
  id: string;
  dutyId: string;
  article: string;
  bearerRole: string;
  bearer: string;
  unit: { id: string; name: string };
  personId: string | null;
  periodId: string;
  period: string;
  year: number;
  startsOn: string;
  dueOn: string | null;
  dueAt: string | null;
  status: "open" | "dueSoon" | "overdue" | "fulfilled" | "waived";
  escalationLevel: number;
}

export interface HolderJson {
  personId: string;
  name: string;
  role: string;
  acting: boolean;
}

export interface DetailJson extends SummaryJson {
  record: { kind: string; id: string } | null;
  waiveReason: string | null;
  closedBy: string | null;
  responsible: HolderJson[];
  responsibleFrozen: boolean;
  chain: { level: string; holders: HolderJson[] }[];
  approvers: HolderJson[];
  evidence: {
    id: string;
    summary: string;
    documentNo: string | null;
    file: { name: string; type: string; size: number; sha256: string } | null;
    decision: "pending" | "approved" | "rejected";
    decidedBy: string | null;
    decisionNote: string | null;
  }[];
  abilities: { submitEvidence: boolean; decide: boolean; waive: boolean };
}

export interface ErrorJson {
  code: string;
  message: string;
  details: { issues?: { field: string; message: string }[] };
}

/** Every item of a list query, following the cursor. */
export async function listAll(client: Client, query: string): Promise<SummaryJson[]> {
  const items: SummaryJson[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const sep = query.includes("?") ? "&" : "?";
    const url: string = `/api/obligations${query}${sep}limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await client.get(url);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const body = res.json<{ items: SummaryJson[]; nextCursor: string | null }>();
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error("too many pages");
}

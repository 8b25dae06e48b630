/**
 * The demo institution (`baomi demo`, src/features/demo): it loads on both dialects, has the size and the shape the
 * issue asks for, its committee and chains come out of the resolver as the seed regulation says they should, its
 * accounts sign in straight to their roles, it refuses a database that holds anything real, and it is the same
 * institution every time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateIn } from "../../src/domain/calendar.js";
import { initializeInstitution } from "../../src/features/accounts/initialize.js";
import { type DemoLoaded, loadDemo } from "../../src/features/demo/load.js";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { committeeRoster } from "../../src/features/responsibility/committee.js";
import { responsibilityChain } from "../../src/features/responsibility/resolver.js";
import { testDialects } from "../databases.js";
import { Client, seedOrg } from "../factories.js";
import { buildTestApp, type TestApp } from "../harness.js";

const ART8_OFFICES = [
  "PARTY_OFFICE",
  "PRESIDENT_OFFICE",
  "SECURITY_DEPT",
  "GRADUATE_SCHOOL",
  "STUDENT_AFFAIRS",
  "CONTINUING_EDUCATION",
  "ACADEMIC_AFFAIRS",
  "NETWORK_CENTER",
  "DISCIPLINE_OFFICE",
  "ORGANIZATION_DEPT",
  "HR_DEPT",
  "PUBLICITY_DEPT",
  "RESEARCH_DEPT",
  "FOREIGN_AFFAIRS",
];

async function loaded(t: TestApp): Promise<DemoLoaded> {
  const result = await loadDemo(t.app.db.kysely, t.app.audit, { now: t.app.clock() });
  if (!result.ok) throw new Error(result.message.en);
  return result;
}

/** Everyone in the institution, in staff-number order, with their unit: what "the same institution" means. */
async function roll(t: TestApp): Promise<string[]> {
  const rows = await t.app.db.kysely
    .selectFrom("person")
    .innerJoin("unit", "unit.id", "person.unit_id")
    .select(["person.staff_no", "person.name", "unit.name as unit"])
    .orderBy("person.staff_no")
    .execute();
  return rows.map((r) => `${r.staff_no} ${r.name} ${r.unit}`);
}

describe.each(testDialects)("baomi demo on %s", (dialect) => {
  let t: TestApp;
  let demo: DemoLoaded;
  let today = "";
  const db = () => t.app.db.kysely;
  const unitId = async (name: string) =>
    (await db().selectFrom("unit").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
  const holderNames = (holders: { personName: string; acting: boolean }[]) =>
    holders.map((h) => `${h.personName}${h.acting ? "(代)" : ""}`);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    today = dateIn(t.app.clock());
    demo = await loaded(t);
  });
  afterAll(() => t.close());

  it("loads a college of about 30 units and 400 people, initializing the empty database first", async () => {
    expect(demo.administrators?.secadmin.username).toBe("secadmin");
    const count = async (table: "unit" | "person" | "clearance") =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count("unit")).toBeGreaterThanOrEqual(28);
    expect(await count("unit")).toBeLessThanOrEqual(35);
    expect(await count("person")).toBeGreaterThanOrEqual(370);
    expect(await count("person")).toBeLessThanOrEqual(430);
    expect(await count("clearance")).toBeGreaterThanOrEqual(50);
    const root = await db().selectFrom("unit").select(["name", "kind"]).where("parent_id", "is", null).execute();
    expect(root).toEqual([{ name: "广东技术师范学院", kind: "institution" }]);
    const entries = await db().selectFrom("audit_entry").select("action").where("action", "=", "demo.load").execute();
    expect(entries).toHaveLength(1);
  });

  it("seats the committee of Art. 8 today: director, three deputies with the security VP, the offices and classified units", async () => {
    const { policy } = await activePolicy(db());
    const roster = await committeeRoster(db(), policy, demo.institution.id, today);
    const director = roster.seats.filter((s) => s.seat === "director");
    const deputies = roster.seats.filter((s) => s.seat === "deputyDirector");
    const members = roster.seats.filter((s) => s.seat === "member");
    expect(director).toHaveLength(1);
    expect(director[0]?.holders).toHaveLength(1);
    expect(deputies.map((s) => s.basis)).toEqual(["PRESIDENT", "DISCIPLINE_SECRETARY", "VICE_PRESIDENT:security"]);
    for (const seat of deputies) expect(seat.holders, seat.basis).toHaveLength(1);
    const securityVp = demo.accounts.find((a) => a.username === "demo.fuyuanzhang")?.name;
    expect(deputies[2]?.holders[0]?.personName).toBe(securityVp);
    expect(members.slice(0, 14).map((s) => s.unit?.code)).toEqual(ART8_OFFICES);
    const classified = members.slice(14);
    expect(classified.length).toBeGreaterThanOrEqual(2);
    expect(classified.every((s) => s.unit?.classified)).toBe(true);
    for (const seat of members) expect(seat.holders, seat.unit?.name).toHaveLength(1);
  });

  it("answers the chain of a department under a school: its head, the school's portfolio VP, the secrecy leader, the principals", async () => {
    const { policy } = await activePolicy(db());
    const links = await responsibilityChain(db(), policy, await unitId("软件工程系"), today);
    expect(links.map((l) => l.level)).toEqual(["unitHead", "portfolioLeader", "secrecyLeader", "principalLeaders"]);
    expect(links.every((l) => !l.vacant)).toBe(true);
    expect(links[0]?.holders[0]?.unitId).toBe(await unitId("软件工程系"));
    // 计算机科学学院 is in the research VP's portfolio; the department inherits it.
    expect(links[1]?.holders.map((h) => [h.basis, h.unitId])).toEqual([["business", await unitId("计算机科学学院")]]);
    expect(holderNames(links[2]?.holders ?? [])).toEqual([
      demo.accounts.find((a) => a.username === "demo.fushuji")?.name,
    ]);
    expect(holderNames(links[3]?.holders ?? []).sort()).toEqual(
      ["demo.shuji", "demo.yuanzhang"].map((u) => demo.accounts.find((a) => a.username === u)?.name).sort(),
    );
  });

  it("has one unit without a head and one with an acting head, each after a head who left", async () => {
    const { policy } = await activePolicy(db());
    const [vacant] = await responsibilityChain(db(), policy, await unitId("美术学院"), today);
    expect(vacant).toMatchObject({ level: "unitHead", vacant: true });
    const [acting] = await responsibilityChain(db(), policy, await unitId("外国语学院"), today);
    expect(holderNames(acting?.holders ?? [])).toEqual([
      `${demo.accounts.find((a) => a.username === "demo.daili")?.name}(代)`,
    ]);
    const ended = await db()
      .selectFrom("appointment")
      .select("unit_id")
      .where("position", "=", "UNIT_HEAD")
      .where("ends_on", "is not", null)
      .execute();
    expect(ended.map((r) => r.unit_id).sort()).toEqual([await unitId("美术学院"), await unitId("外国语学院")].sort());
  });

  it.each([
    ["demo.shuji", ["partySecretary", "director"]],
    ["demo.yuanzhang", ["president", "deputyDirector"]],
    ["demo.fushuji", ["secrecyLeader", "portfolioLeader"]],
    ["demo.fuyuanzhang", ["deputyDirector", "portfolioLeader"]],
    ["demo.zhuren", ["unitHead"]],
    ["demo.daili", ["unitHead"]],
    ["demo.weiyuan", ["member", "unitHead"]],
    ["demo.baomiban", ["secrecyOffice"]],
    ["demo.baomiyuan", ["liaison"]],
    ["demo.shemi", ["clearedPerson"]],
  ])("signs %s in with the demo password, nothing pending, holding %j", async (username, roles) => {
    const client = new Client(t.app);
    const login = await client.post("/api/auth/login", { username, password: demo.password });
    expect(login.statusCode, login.body).toBe(200);
    expect((await client.get("/api/auth/session")).json<{ pending: string[] }>().pending).toEqual([]);
    const mine = await client.get("/api/responsibility/mine");
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json<{ roles: { role: string; acting: boolean }[]; scopes: { role: string }[] }>();
    for (const role of roles) {
      expect(body.roles.map((r) => r.role)).toContain(role);
      // The account acts in the role it holds: a grant for every responsibility shown.
      expect(body.scopes.map((s) => s.role)).toContain(role);
    }
    if (username === "demo.daili") expect(body.roles.find((r) => r.role === "unitHead")?.acting).toBe(true);
    if (username === "demo.baomiban") {
      const scope = body.scopes.find((s) => s.role === "secrecyOffice") as { unitName?: string } | undefined;
      expect(scope?.unitName).toBe("广东技术师范学院");
    }
  });

  it("refuses a second load and changes nothing", async () => {
    const before = await roll(t);
    const audit = await db().selectFrom("audit_entry").select("seq").execute();
    const again = await loadDemo(db(), t.app.audit, { now: t.app.clock() });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message.zh).toContain("已有业务数据");
    expect(await roll(t)).toEqual(before);
    expect(await db().selectFrom("audit_entry").select("seq").execute()).toHaveLength(audit.length);
  });

  it("refuses a database someone has started to fill", async () => {
    const other = await buildTestApp(dialect);
    try {
      await seedOrg(other.app);
      const result = await loadDemo(other.app.db.kysely, other.app.audit, { now: other.app.clock() });
      expect(result.ok).toBe(false);
      expect(await other.app.db.kysely.selectFrom("person").select("id").execute()).toEqual([]);
      expect(await other.app.db.kysely.selectFrom("account").select("id").execute()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("reuses the root that baomi init made and generates the same institution on another database", async () => {
    const other = await buildTestApp(dialect);
    try {
      await initializeInstitution(other.app.db.kysely, other.app.audit, {
        institutionName: "本单位",
        now: other.app.clock(),
      });
      const root = await other.app.db.kysely.selectFrom("unit").select("id").executeTakeFirstOrThrow();
      const second = await loaded(other);
      expect(second.administrators).toBeNull();
      expect(second.institution.id).toBe(root.id);
      expect(await roll(other)).toEqual(await roll(t));
      expect(second.accounts.map((a) => a.name)).toEqual(demo.accounts.map((a) => a.name));
    } finally {
      await other.close();
    }
  });
});

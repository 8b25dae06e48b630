/**
 * The findings list's cache (features/inspections/findings-cache.ts) and the data version under it (migration 0024):
 * a page is served from the cache while nothing it reads has changed — shown by changing a finding behind the
 * version's back — and never after a committed change, whichever table and whichever path made it: a finding edited,
 * a unit renamed, a person put on a plan's team, all by raw SQL (no route told the cache anything); the day moving on
 * changes the overdue flags; a rolled-back change bumps nothing.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataVersionReader } from "../../src/platform/db/data-versions.js";
import { testDialects } from "../databases.js";
import { obligationWorld, type AccountName, type ObligationWorld } from "../obligations/fixtures.js";

interface FindingItem {
  id: string;
  description: string;
  overdue: boolean;
  unit: { id: string; name: string };
}

describe.each(testDialects)("findings list cache on %s", (dialect) => {
  let w: ObligationWorld;
  let planId = "";
  let findingId = "";

  const list = async (who: AccountName) => {
    const res = await (await w.as(who)).get("/api/findings?limit=50");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    return res.json<{ items: FindingItem[]; nextCursor: string | null }>().items;
  };
  const version = () => dataVersionReader(w.app.db, "findings")();
  const inspectionOfPlan = async () =>
    (
      await w.app.db.kysely
        .selectFrom("inspection")
        .select("id")
        .where("plan_id", "=", planId)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    const office = await w.as("office");
    const plan = await office.post("/api/inspection-plans", {
      kind: "office",
      templateId: "unit-inspection",
      title: "2027年度保密办公室检查",
      year: 2027,
      unitIds: [w.units.a.id],
      teamIds: [],
      leadPersonId: w.people.office,
      startsOn: "2027-03-01",
      endsOn: "2027-06-30",
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const p = plan.json<{ id: string; inspections: { id: string }[] }>();
    planId = p.id;
    const res = await office.post(`/api/inspections/${p.inspections[0]?.id}/findings`, {
      itemId: "daily.carriers",
      category: "carrier",
      severity: "minor",
      deadline: "2027-03-10",
      description: "涉密载体台账未及时更新",
    });
    expect(res.statusCode, res.body).toBe(201);
    findingId = res.json<{ findings: { id: string }[] }>().findings[0]?.id ?? "";
  }, 120_000);
  afterAll(() => w.t.close());

  it("serves a page from the cache while the version stands, and the change once it moves", async () => {
    const db = w.app.db.kysely;
    expect((await list("office")).map((f) => f.description)).toEqual(["涉密载体台账未及时更新"]);
    // Changed behind the version's back (the bump undone): the cached page is what is served.
    const before = await version();
    await db.updateTable("inspection_finding").set({ description: "已改" }).where("id", "=", findingId).execute();
    await db.updateTable("data_version").set({ version: before }).where("topic", "=", "findings").execute();
    expect((await list("office"))[0]?.description).toBe("涉密载体台账未及时更新");
    // Any committed change moves it: the page is read again.
    await sql`update inspection_finding set description = ${"台账已补登"} where id = ${findingId}`.execute(db);
    expect(await version()).not.toBe(before);
    expect((await list("office"))[0]?.description).toBe("台账已补登");
  });

  it("reads again when a unit is renamed or a person joins a plan's team, by raw SQL", async () => {
    const db = w.app.db.kysely;
    expect(await list("core")).toEqual([]);
    expect((await list("office"))[0]?.unit.name).not.toBe("改名后的单位");
    await sql`update unit set name = ${"改名后的单位"} where id = ${w.units.a.id}`.execute(db);
    expect((await list("office"))[0]?.unit.name).toBe("改名后的单位");
    await sql`insert into inspection_team (plan_id, person_id) values (${planId}, ${w.people.core})`.execute(db);
    expect((await list("core")).map((f) => f.id)).toEqual([findingId]);
  });

  it("answers the statistics from the same cache, per locale, and counts again after a change", async () => {
    const office = await w.as("office");
    const stats = async (locale: string) => {
      const res = await office.request("GET", "/api/findings/statistics", undefined, { "accept-language": locale });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ totals: { total: number }; byCategory: { key: string; name: string }[] }>();
    };
    expect((await stats("zh-CN")).byCategory.find((c) => c.key === "carrier")?.name).toBe("涉密载体");
    expect((await stats("en-US")).byCategory.find((c) => c.key === "carrier")?.name).not.toBe("涉密载体");
    const total = (await stats("zh-CN")).totals.total;
    await sql`update inspection_finding set year = 2027 where id = ${findingId}`.execute(w.app.db.kysely);
    const res = await office.post(`/api/inspections/${await inspectionOfPlan()}/findings`, {
      itemId: "daily.personnel",
      category: "personnel",
      severity: "major",
      deadline: "2027-04-30",
      description: "涉密人员管理台账缺少离岗记录",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await stats("zh-CN")).totals.total).toBe(total + 1);
  });

  it("keys pages by the day: the deadline passing turns the flag without any change", async () => {
    w.setDay("2027-03-09");
    expect((await list("office"))[0]?.overdue).toBe(false);
    w.setDay("2027-03-11");
    expect((await list("office"))[0]?.overdue).toBe(true);
  });

  it("is bumped by a change to each table a page reads, and not by a change rolled back", async () => {
    const db = w.app.db.kysely;
    const bumps = async (what: string, change: () => Promise<unknown>) => {
      const before = await version();
      await change();
      expect(await version(), what).not.toBe(before);
    };
    for (const table of ["inspection_finding", "inspection", "inspection_plan", "unit", "person"])
      await bumps(`update ${table}`, () => sql`update ${sql.table(table)} set id = id`.execute(db));
    await bumps("update inspection_team", () => sql`update inspection_team set plan_id = plan_id`.execute(db));
    await bumps("delete inspection_team", () =>
      sql`delete from inspection_team where person_id = ${w.people.core}`.execute(db),
    );
    const at = "2027-03-11T01:00:00.000Z";
    await bumps("insert self_check", () =>
      sql`insert into self_check (id, institution_id, person_id, unit_id, period_id, period_starts_on, year,
            template_id, template_version, template, answers, status, created_at, updated_at)
          values ('sc-cache', ${w.units.root.id}, ${w.people.core}, ${w.units.a.id}, '2027-H1', '2027-01-01', 2027,
            'personal-self-check', 1, '{}', '{}', 'draft', ${at}, ${at})`.execute(db),
    );
    await bumps("delete self_check", () => sql`delete from self_check where id = 'sc-cache'`.execute(db));
    const before = await version();
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`update inspection_finding set description = ${"回滚"} where id = ${findingId}`.execute(trx);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await version()).toBe(before);
    expect((await list("office"))[0]?.description).toBe("台账已补登");
  });
});

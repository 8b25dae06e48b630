/**
 * A unit head inspects their own unit (实施细则第六条第（三）项: 对保密措施的落实情况进行监督检查) without a grant: as its
 * lead, over the units they head only. The office may plan one too, but its lead must head its units. Closing it makes
 * the head the owner of what it found — never its verifier — and discharges the head's duty where the rules date it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../databases.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";
import { insertOpenObligation } from "../obligations/open-obligation.js";
import { ALL_RESULTS } from "./unit-checklist.js";

interface ErrorJson {
  message: string;
  details?: { issues?: { field: string; message: string }[] };
}
interface PlanJson {
  id: string;
  kind: string;
  kindName: string;
  lead: { id: string };
  inspections: { id: string; unit: { id: string } }[];
}
interface MyUnitsJson {
  head: boolean;
  institution: { id: string } | null;
  units: { id: string; name: string }[];
}

describe.each(testDialects)("unit heads' own inspections on %s", (dialect) => {
  let w: ObligationWorld;
  const plan = (overrides: Record<string, unknown> = {}) => ({
    kind: "unit",
    title: "2027年本单位保密检查",
    year: 2027,
    leadPersonId: w.people.headB,
    teamIds: [],
    unitIds: [w.units.b.id],
    startsOn: "2027-04-01",
    endsOn: "2027-04-30",
    templateId: "unit-inspection",
    ...overrides,
  });
  const field = (res: { statusCode: number; body: string; json: <T>() => T }) => {
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json<ErrorJson>();
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    return error.details?.issues?.[0]?.field;
  };
  const plans = async () =>
    Number(
      (
        await w.app.db.kysely
          .selectFrom("inspection_plan")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    w.setDay("2027-04-01");
  }, 120_000);
  afterAll(() => w.t.close());

  it("tells a unit head the units they head and lets them plan their inspection, as the lead", async () => {
    const head = await w.as("headB");
    const mine = (await head.get("/api/inspection-plans/my-units")).json<MyUnitsJson>();
    expect(mine).toMatchObject({ head: true, institution: { id: w.units.root.id } });
    expect(mine.units.map((u) => u.id)).toEqual([w.units.b.id]);

    const made = await head.post("/api/inspection-plans", plan());
    expect(made.statusCode, made.body).toBe(201);
    const p = made.json<PlanJson>();
    expect(p).toMatchObject({ kind: "unit", kindName: "本单位检查", lead: { id: w.people.headB } });
    const listed = (await head.get("/api/inspection-plans?kind=unit")).json<{ items: { id: string }[] }>();
    expect(listed.items.map((i) => i.id)).toEqual([p.id]);
    const audited = await w.app.db.kysely
      .selectFrom("audit_entry")
      .select("action")
      .where("action", "=", "inspection.planCreate")
      .where("actor_account_id", "=", w.accounts.headB.id)
      .execute();
    expect(audited).toHaveLength(1);
  });

  it("refuses another unit, another lead and an office inspection, naming the field and changing nothing", async () => {
    const head = await w.as("headB");
    const before = await plans();
    expect(field(await head.post("/api/inspection-plans", plan({ unitIds: [w.units.b.id, w.units.a.id] })))).toBe(
      "body.unitIds.1",
    );
    expect(field(await head.post("/api/inspection-plans", plan({ leadPersonId: w.people.headA })))).toBe(
      "body.leadPersonId",
    );
    expect((await head.post("/api/inspection-plans", plan({ kind: "office" }))).statusCode).toBe(403);
    expect(await plans()).toBe(before);
  });

  it("gives a person who heads nothing no units and no plan", async () => {
    const core = await w.as("core");
    expect((await core.get("/api/inspection-plans/my-units")).json<MyUnitsJson>()).toEqual({
      head: false,
      institution: null,
      units: [],
    });
    const res = await core.post("/api/inspection-plans", plan({ leadPersonId: w.people.core }));
    expect(res.statusCode).toBe(403);
  });

  it("lets the office plan a unit's inspection only with the unit's head as lead", async () => {
    const office = await w.as("office");
    const before = await plans();
    expect(field(await office.post("/api/inspection-plans", plan({ leadPersonId: w.people.core })))).toBe(
      "body.leadPersonId",
    );
    expect(field(await office.post("/api/inspection-plans", plan({ leadPersonId: w.people.headA })))).toBe(
      "body.unitIds.0",
    );
    expect(await plans()).toBe(before);
    // A unit below the one the lead heads is theirs to inspect (计算机学院 → its 教研室).
    const made = await office.post(
      "/api/inspection-plans",
      plan({ leadPersonId: w.people.headA, unitIds: [w.units.a1.id], title: "计算机学院教研室保密检查" }),
    );
    expect(made.statusCode, made.body).toBe(201);
  });

  it("closes the head's inspection: the head owns the finding, cannot verify it, and the dated duty is fulfilled", async () => {
    const obligationId = await insertOpenObligation(w, {
      dutyId: "art6.3.unit-inspection",
      bearerRole: "unitHead",
      bearerUnitId: w.units.b.id,
      bearerName: "周院长",
      year: 2027,
    });
    const head = await w.as("headB");
    const own = (await head.get("/api/inspection-plans?kind=unit")).json<{ items: PlanJson[] }>();
    const planId = own.items.find((i) => i.lead.id === w.people.headB)?.id ?? "";
    const detail = (await head.get(`/api/inspection-plans/${planId}`)).json<PlanJson>();
    const id = detail.inspections[0]?.id ?? "";
    const saved = await head.request("PUT", `/api/inspections/${id}/results`, { results: ALL_RESULTS });
    expect(saved.statusCode, saved.body).toBe(200);
    const found = await head.post(`/api/inspections/${id}/findings`, {
      itemId: "daily.carriers",
      category: "carrier",
      severity: "minor",
      description: "两份涉密载体未登记入台账",
      deadline: "2027-05-31",
    });
    expect(found.statusCode, found.body).toBe(201);
    const finding = found.json<{ findings: { id: string; owner: { name: string } | null }[] }>().findings[0]!;
    expect(finding.owner?.name).toBe("周院长");
    expect((await head.post(`/api/inspections/${id}/close`, {})).statusCode).toBe(200);

    const row = await w.app.db.kysely
      .selectFrom("obligation")
      .select(["state", "record_id", "responsible"])
      .where("id", "=", obligationId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "fulfilled", record_id: id });
    expect(JSON.parse(row.responsible ?? "[]")).toEqual([
      expect.objectContaining({ personId: w.people.headB, role: "unitHead" }),
    ]);

    // The head rectifies what they found; someone else verifies it (实施条例第五十九条: 整改 checked by another).
    const rectified = await head.request("PUT", `/api/findings/${finding.id}/rectification`, {
      plan: "补登记两份载体",
      evidence: "台账第 12–13 行已补登",
    });
    expect(rectified.statusCode, rectified.body).toBe(200);
    expect((await head.post(`/api/findings/${finding.id}/submit`, {})).statusCode).toBe(200);
    const verify = await head.post(`/api/findings/${finding.id}/verify`, { note: "已核实" });
    expect(verify.statusCode).toBe(403);
    const office = await w.as("office");
    const verified = await office.post(`/api/findings/${finding.id}/verify`, { note: "已核实台账" });
    expect(verified.json<{ status: string }>().status).toBe("closed");
    expect(verify.statusCode).toBe(403);
  });
});

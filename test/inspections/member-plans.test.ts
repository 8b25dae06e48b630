/**
 * A committee member plans their own half-yearly inspection (实施细则第十一条第（四）项) without a grant: as its lead,
 * over their portfolio only (the unit of their seat and the units they are in charge of, with subtrees). Others —
 * a unit head with no seat — may not; a member may not plan an office inspection.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../databases.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";

interface ErrorJson {
  details?: { issues?: { field: string; message: string }[] };
}

describe.each(testDialects)("members' own half-yearly inspections on %s", (dialect) => {
  let w: ObligationWorld;
  const plan = (overrides: Record<string, unknown> = {}) => ({
    kind: "member",
    title: "2027年上半年分管范围保密检查",
    year: 2027,
    half: 1,
    leadPersonId: w.people.headA,
    teamIds: [],
    unitIds: [w.units.a1.id],
    startsOn: "2027-03-10",
    endsOn: "2027-04-30",
    templateId: "unit-inspection",
    ...overrides,
  });

  beforeAll(async () => {
    w = await obligationWorld(dialect);
  }, 120_000);
  afterAll(() => w.t.close());

  it("tells a member their portfolio and lets them plan over it, as the lead", async () => {
    const member = await w.as("headA");
    const portfolio = (await member.get("/api/inspection-plans/my-portfolio?on=2027-03-10")).json<{
      member: boolean;
      institution: { id: string } | null;
      units: { id: string; name: string }[];
    }>();
    expect(portfolio).toMatchObject({ member: true, institution: { id: w.units.root.id } });
    expect(portfolio.units.map((u) => u.id)).toContain(w.units.a.id);

    const made = await member.post("/api/inspection-plans", plan());
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<{ id: string }>().id;
    const mine = (await member.get("/api/inspection-plans")).json<{ items: { id: string }[] }>();
    expect(mine.items.map((p) => p.id)).toContain(id);
  });

  it("refuses units outside the portfolio, another lead, and an office inspection", async () => {
    const member = await w.as("headA");
    const field = async (body: unknown) => {
      const res = await member.post("/api/inspection-plans", body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json<ErrorJson>().details?.issues?.[0]?.field;
    };
    expect(await field(plan({ unitIds: [w.units.a1.id, w.units.b.id] }))).toBe("body.unitIds.1");
    expect(await field(plan({ leadPersonId: w.people.headB }))).toBe("body.leadPersonId");
    expect((await member.post("/api/inspection-plans", plan({ kind: "office", half: undefined }))).statusCode).toBe(
      403,
    );
  });

  it("gives a unit head without a seat no portfolio and no plan", async () => {
    const head = await w.as("headB");
    expect((await head.get("/api/inspection-plans/my-portfolio")).json<{ member: boolean }>().member).toBe(false);
    const res = await head.post(
      "/api/inspection-plans",
      plan({ leadPersonId: w.people.headB, unitIds: [w.units.b.id] }),
    );
    expect(res.statusCode).toBe(403);
  });
});

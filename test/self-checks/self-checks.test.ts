/**
 * Personal self-checks through the API (第七条第（二）项): 陈核心 (CORE, in A, an account without grants) starts the
 * self-check of the quarter they owe, answers it (bad input is a 400 naming the field, and changes nothing), submits;
 * their unit head 吴院长 returns it, then confirms it: each failed answer becomes a finding of A owned by the head, with
 * its rectification obligation, and the quarter's obligation is fulfilled on the obligations list and the dashboard with
 * 陈核心 frozen as responsible. A confirmed self-check is final. Hostile answers are a 4xx that changes nothing. Nobody
 * confirms their own; a head's own self-check goes to the next level up; outsiders get a 404.
 */
import fc from "fast-check";
import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toInstant } from "../../src/platform/db/instants.js";
import { shippedTemplate } from "../../src/platform/policy/template-loader.js";
import { testDialects } from "../databases.js";
import { listAll, obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";

interface ErrorJson {
  message: string;
  details?: { issues?: { field: string; message: string }[]; state?: string };
}
interface SelfCheckJson {
  id: string;
  status: string;
  statusName: string;
  periodId: string;
  period: string;
  answered: number;
  itemCount: number;
  failed: number;
  returnReason: string | null;
  confirmers: { id: string; name: string }[];
  confirmedBy: { id: string; name: string } | null;
  answers: { itemId: string; outcome: string; note: string | null }[];
  findings: {
    id: string;
    source: string;
    sourceId: string;
    itemId: string;
    severity: string;
    category: string;
    description: string;
    deadline: string;
    owner: { id: string; name: string } | null;
  }[];
  obligations: { dutyId: string; status: string }[];
  abilities: Record<string, boolean>;
}
interface MineJson {
  owed: { periodId: string; period: string; dueOn: string; started: boolean; selfCheck: { id: string } | null }[];
  items: { id: string }[];
}

const DEVICES_NOTE = "曾用个人手机拍摄工作文件页面后转发";
const TRAVEL_NOTE = "因私护照尚未交单位保管";

describe.each(testDialects)("self-checks on %s", (dialect) => {
  let w: ObligationWorld;
  const expectField = (res: { statusCode: number; json: <T>() => T; body: string }, field: string, status = 400) => {
    expect(res.statusCode, res.body).toBe(status);
    const error = res.json<ErrorJson>();
    expect(error.details?.issues?.[0]?.field, JSON.stringify(error)).toBe(field);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  };
  const stored = (id: string) =>
    w.app.db.kysely.selectFrom("self_check").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    await w.materialize(2027);
  }, 120_000);
  afterAll(() => w.t.close());

  it("runs a quarter's self-check from start to confirmation, raising findings and fulfilling the obligation", async () => {
    const quarter = await w.obligation("art7.2.self-check", { personId: w.people.core, periodId: "2027-03-P3" });
    let core = await w.as("core");

    // The quarters 陈核心 owes, the first one running; nothing started yet.
    const mine = (await core.get("/api/self-checks/mine")).json<MineJson>();
    expect(mine.items).toEqual([]);
    expect(mine.owed.map((o) => [o.periodId, o.period, o.dueOn, o.started])).toEqual([
      ["2027-03-P3", "2027年第一季度", "2027-03-31", true],
      ["2027-06-P3", "2027年第二季度", "2027-06-30", false],
      ["2027-09-P3", "2027年第三季度", "2027-09-30", false],
      ["2027-12-P3", "2027年第四季度", "2027-12-31", false],
    ]);

    // Not a quarter that has not begun, nor one they do not owe.
    expectField(await core.post("/api/self-checks", { periodId: "2027-06-P3" }), "body.periodId");
    expectField(await core.post("/api/self-checks", { periodId: "2027-06-P6" }), "body.periodId");
    expect((await core.post("/api/self-checks", { periodId: "2027-03-P3", extra: 1 })).statusCode).toBe(400);

    const started = await core.post("/api/self-checks", { periodId: "2027-03-P3" });
    expect(started.statusCode, started.body).toBe(201);
    const sc = started.json<SelfCheckJson>();
    expect(sc).toMatchObject({
      status: "draft",
      period: "2027年第一季度",
      answered: 0,
      itemCount: 4,
      confirmers: [{ id: w.people.headA, name: "吴院长" }],
      abilities: { answer: true, submit: true, confirm: false, return: false },
    });
    expect((await core.post("/api/self-checks", { periodId: "2027-03-P3" })).statusCode).toBe(409);

    // Bad answers: each a 400 naming the field, and nothing saved.
    const answer = (answers: unknown[]) => core.request("PUT", `/api/self-checks/${sc.id}/answers`, { answers });
    expectField(await answer([{ itemId: "self.nothing", outcome: "pass" }]), "body.answers.0.itemId");
    expectField(
      await answer([
        { itemId: "self.duties", outcome: "pass" },
        { itemId: "self.devices", outcome: "fail" },
      ]),
      "body.answers.1.note",
    );
    expectField(await answer([{ itemId: "self.travel", outcome: "fail", note: "   " }]), "body.answers.0.note");
    expectField(await answer([{ itemId: "self.carriers", outcome: "pass", score: 3 }]), "body.answers.0.score");
    expectField(await answer([{ itemId: "self.duties", outcome: "na" }]), "body.answers.0.outcome");
    expectField(
      await answer([{ itemId: "self.travel", outcome: "fail", note: "护照复印件标有机密★10年字样" }]),
      "body.answers.0.note",
    );
    expect((await answer([{ itemId: "self.duties", outcome: "pass", extra: true }])).statusCode).toBe(400);
    expect((await stored(sc.id)).answers).toBe("{}");

    // A draft saved and resumed; submitting names the first unanswered item.
    const saved = await answer([
      { itemId: "self.duties", outcome: "pass" },
      { itemId: "self.devices", outcome: "fail", note: DEVICES_NOTE },
      { itemId: "self.carriers", outcome: "na" },
    ]);
    expect(saved.json<SelfCheckJson>()).toMatchObject({ answered: 3, failed: 1 });
    expectField(await core.post(`/api/self-checks/${sc.id}/submit`, {}), "answers.self.travel");
    await answer([{ itemId: "self.travel", outcome: "fail", note: TRAVEL_NOTE }]);

    // Only the person answers and submits: their head sees it but may not.
    const headA = await w.as("headA");
    expect((await headA.post(`/api/self-checks/${sc.id}/submit`, {})).statusCode).toBe(403);
    const submitted = await core.post(`/api/self-checks/${sc.id}/submit`, {});
    expect(submitted.json<SelfCheckJson>()).toMatchObject({
      status: "submitted",
      statusName: "待确认",
      abilities: { answer: false, submit: false, confirm: false },
    });
    expect((await answer([{ itemId: "self.duties", outcome: "pass" }])).statusCode).toBe(409);

    // Nobody confirms their own; a head of another unit and the office see it but do not confirm it.
    expect((await core.post(`/api/self-checks/${sc.id}/confirm`, {})).statusCode).toBe(403);
    expect((await (await w.as("headB")).post(`/api/self-checks/${sc.id}/confirm`, {})).statusCode).toBe(403);
    expect((await (await w.as("office")).post(`/api/self-checks/${sc.id}/confirm`, {})).statusCode).toBe(403);

    // The head finds it to confirm, returns it with the reason; the person corrects and submits again.
    const toConfirm = (await headA.get("/api/self-checks/to-confirm")).json<{ items: { id: string }[] }>();
    expect(toConfirm.items.map((i) => i.id)).toEqual([sc.id]);
    expect((await core.get("/api/self-checks/to-confirm")).json<{ items: unknown[] }>().items).toEqual([]);
    expectField(await headA.post(`/api/self-checks/${sc.id}/return`, { reason: "绝密★长期 文件" }), "body.reason");
    const returned = await headA.post(`/api/self-checks/${sc.id}/return`, { reason: "请写明护照交存的时限" });
    expect(returned.json<SelfCheckJson>()).toMatchObject({ status: "draft", returnReason: "请写明护照交存的时限" });
    await answer([{ itemId: "self.travel", outcome: "fail", note: `${TRAVEL_NOTE}，本月底前交存` }]);
    await core.post(`/api/self-checks/${sc.id}/submit`, {});

    const office = await w.as("office");
    const before = (await office.get("/api/obligations/dashboard?year=2027")).json<{
      byArticle: { key: string; fulfilled: number }[];
    }>();
    expectField(await headA.post(`/api/self-checks/${sc.id}/confirm`, { deadline: "2027-02-01" }), "body.deadline");
    w.setDay("2027-03-10");
    const confirmed = await (await w.as("headA")).post(`/api/self-checks/${sc.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const c = confirmed.json<SelfCheckJson>();
    expect(c).toMatchObject({
      status: "confirmed",
      confirmedBy: { id: w.people.headA, name: "吴院长" },
      abilities: { answer: false, confirm: false, return: false },
      obligations: [{ dutyId: "art7.2.self-check", status: "fulfilled" }],
    });

    // Each failed answer is a finding of A, owned by its head, due in 30 days, with the note as its description.
    expect(
      c.findings.map((f) => [f.itemId, f.source, f.sourceId, f.severity, f.category, f.description, f.deadline]),
    ).toEqual([
      ["self.devices", "selfCheck", sc.id, "serious", "personnel", DEVICES_NOTE, "2027-04-09"],
      ["self.travel", "selfCheck", sc.id, "minor", "personnel", `${TRAVEL_NOTE}，本月底前交存`, "2027-04-09"],
    ]);
    expect(c.findings.every((f) => f.owner?.id === w.people.headA)).toBe(true);
    const findings = await w.app.db.kysely
      .selectFrom("inspection_finding")
      .select(["id", "unit_id", "event_id", "inspection_id"])
      .where("source_id", "=", sc.id)
      .execute();
    expect(findings.every((f) => f.unit_id === w.units.a.id && f.inspection_id === null)).toBe(true);
    const rectify = await w.app.db.kysely
      .selectFrom("obligation")
      .select(["duty_id", "bearer_unit_id", "due_on", "state"])
      .where(
        "event_id",
        "in",
        findings.map((f) => f.event_id ?? ""),
      )
      .execute();
    expect(rectify).toEqual([
      { duty_id: "art6.2.rectify-finding", bearer_unit_id: w.units.a.id, due_on: "2027-04-09", state: "open" },
      { duty_id: "art6.2.rectify-finding", bearer_unit_id: w.units.a.id, due_on: "2027-04-09", state: "open" },
    ]);
    // Who reported the problems follows their rectification: 陈核心 sees the findings, in the list and one by one.
    core = await w.as("core");
    const reported = (await core.get("/api/findings?source=selfCheck")).json<{ items: { id: string }[] }>();
    expect(reported.items.map((f) => f.id).sort()).toEqual(findings.map((f) => f.id).sort());
    expect((await core.get(`/api/findings/${findings[0]!.id}`)).statusCode).toBe(200);

    // The quarter's obligation is fulfilled by it, 陈核心 frozen as responsible — on the list and the dashboard.
    const row = await w.app.db.kysely
      .selectFrom("obligation")
      .select(["state", "record_kind", "record_id", "responsible"])
      .where("id", "=", quarter)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "fulfilled", record_kind: "selfCheck.submitted", record_id: sc.id });
    expect(JSON.parse(row.responsible ?? "[]")).toEqual([
      { personId: w.people.core, name: "陈核心", role: "clearedPerson", acting: false },
    ]);
    core = await w.as("core");
    const listed = await listAll(core, "?mine=true&dutyId=art7.2.self-check&year=2027");
    expect(listed.find((o) => o.id === quarter)?.status).toBe("fulfilled");
    const after = (await (await w.as("office")).get("/api/obligations/dashboard?year=2027")).json<{
      byArticle: { key: string; fulfilled: number }[];
    }>();
    const art7 = (d: typeof before) => d.byArticle.find((a) => a.key === "art7")?.fulfilled ?? 0;
    expect(art7(after)).toBe(art7(before) + 1);
    const mineAfter = (await core.get("/api/self-checks/mine")).json<MineJson>();
    expect(mineAfter.owed.map((o) => o.periodId)).not.toContain("2027-03-P3");
    expect(mineAfter.items.map((i) => i.id)).toEqual([sc.id]);

    // Confirmed is final: through the API and in the database.
    expect(
      (await (await w.as("headA")).post(`/api/self-checks/${sc.id}/return`, { reason: "再看看" })).statusCode,
    ).toBe(409);
    expect((await answer([{ itemId: "self.duties", outcome: "pass" }])).statusCode).toBe(409);
    await expect(
      w.app.db.kysely.updateTable("self_check").set({ answers: "{}" }).where("id", "=", sc.id).execute(),
    ).rejects.toThrow(/final|不得修改/);
    await expect(w.app.db.kysely.deleteFrom("self_check").where("id", "=", sc.id).execute()).rejects.toThrow(
      /final|不得修改/,
    );
  });

  it("answers hostile answers with a 4xx, never a 5xx, and keeps the draft as it was", async () => {
    // A draft of last year's last quarter, inserted directly (the API starts only a slot still owed).
    const id = uuidv7();
    const at = toInstant(w.clock());
    const template = shippedTemplate("personal-self-check");
    await w.app.db.kysely
      .insertInto("self_check")
      .values({
        id,
        institution_id: w.units.root.id,
        person_id: w.people.core,
        unit_id: w.units.a.id,
        period_id: "2026-12-P3",
        period_starts_on: "2026-10-01",
        period_due_on: "2026-12-31",
        year: 2026,
        template_id: template.id,
        template_version: template.version,
        template: JSON.stringify(template),
        answers: "{}",
        status: "draft",
        submitted_at: null,
        confirmed_by: null,
        confirmer_person_id: null,
        confirmed_at: null,
        return_reason: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const core = await w.as("core");
    const answer = fc.record(
      {
        itemId: fc.oneof(fc.constantFrom("self.duties", "self.devices", "self.travel"), fc.string({ maxLength: 90 })),
        outcome: fc.oneof(fc.constantFrom("pass", "fail", "na"), fc.anything()),
        score: fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.constant(null), fc.anything()),
        note: fc.oneof(fc.constantFrom("绝密★长期", "机密★10年 笔记", " ", ""), fc.string({ maxLength: 50 })),
      },
      { requiredKeys: ["itemId"] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(answer, { maxLength: 4 }), fc.jsonValue({ maxDepth: 3 })), async (answers) => {
        const res = await core.request("PUT", `/api/self-checks/${id}/answers`, { answers });
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.json<ErrorJson>().message).toMatch(/[\u4e00-\u9fa5]/);
          expect((await stored(id)).answers).toBe("{}");
        } else {
          await w.app.db.kysely.updateTable("self_check").set({ answers: "{}" }).where("id", "=", id).execute();
        }
      }),
      { numRuns: 60 },
    );
  });

  it("sends a unit head's own self-check to the next level up, and hides self-checks from outsiders", async () => {
    w.setDay("2027-03-12");
    await w.app.db.kysely
      .insertInto("clearance")
      .values({
        id: uuidv7(),
        person_id: w.people.headA,
        tier: "IMPORTANT",
        starts_on: "2026-01-01",
        ends_on: null,
        granted_by: w.admin.id,
        created_at: toInstant(w.clock()),
      })
      .execute();
    await w.materialize(2027);
    const headA = await w.as("headA");
    const started = await headA.post("/api/self-checks", { periodId: "2027-06-P6" });
    expect(started.statusCode, started.body).toBe(201);
    const sc = started.json<SelfCheckJson>();
    // 吴院长 heads A: the portfolio leader over A (赵副院长) confirms.
    expect(sc.confirmers).toEqual([{ id: w.people.bizLeader, name: "赵副院长" }]);
    await headA.request("PUT", `/api/self-checks/${sc.id}/answers`, {
      answers: ["self.duties", "self.carriers", "self.devices", "self.travel"].map((itemId) => ({
        itemId,
        outcome: "pass",
      })),
    });
    expect((await headA.post(`/api/self-checks/${sc.id}/submit`, {})).statusCode).toBe(200);
    expect((await headA.post(`/api/self-checks/${sc.id}/confirm`, {})).statusCode).toBe(403);

    // Outsiders: the president (no grant, not the superior) and an administrator get a 404; the office lists it.
    const president = await w.as("president");
    expect((await president.get(`/api/self-checks/${sc.id}`)).statusCode).toBe(404);
    expect((await president.get("/api/self-checks")).json<{ items: unknown[] }>().items).toEqual([]);
    const office = await w.as("office");
    const listed = (await office.get("/api/self-checks?status=submitted&year=2027")).json<{
      items: { id: string; person: { name: string } }[];
    }>();
    expect(listed.items.map((i) => [i.id, i.person.name])).toEqual([[sc.id, "吴院长"]]);
    const paged = (await office.get("/api/self-checks?year=2027&limit=1")).json<{
      items: unknown[];
      nextCursor: string;
    }>();
    expect(paged.items).toHaveLength(1);
    const next = await office.get(`/api/self-checks?year=2027&limit=1&cursor=${encodeURIComponent(paged.nextCursor)}`);
    expect(next.json<{ items: unknown[]; nextCursor: string | null }>()).toMatchObject({ nextCursor: null });
    const xlsx = await office.get("/api/self-checks/export?year=2027");
    expect(xlsx.statusCode).toBe(200);
    expect(String(xlsx.headers["content-type"])).toContain("spreadsheetml");

    const biz = await w.as("bizLeader");
    expect((await biz.get("/api/self-checks/to-confirm")).json<{ items: { id: string }[] }>().items).toEqual([
      expect.objectContaining({ id: sc.id }),
    ]);
    const confirmed = await biz.post(`/api/self-checks/${sc.id}/confirm`, {});
    expect(confirmed.json<SelfCheckJson>()).toMatchObject({ status: "confirmed", findings: [] });
    const obligation = await w.obligation("art7.2.self-check", { personId: w.people.headA, periodId: "2027-06-P6" });
    const state = await w.app.db.kysely
      .selectFrom("obligation")
      .select("state")
      .where("id", "=", obligation)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe("fulfilled");
    const denials = await w.app.db.kysely
      .selectFrom("audit_entry")
      .select(sql<number>`count(*)`.as("n"))
      .where("result", "=", "denied")
      .where("object_type", "=", "selfCheck")
      .executeTakeFirstOrThrow();
    expect(Number(denials.n)).toBeGreaterThan(0);
  });
});

/**
 * Rule changes regenerate only untouched future obligations (DESIGN.md §4): after a new policy version is activated,
 * materializing removes what is open, not yet begun and never evidenced or notified, creates what the new rules ask,
 * and leaves every other row exactly as it was.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activatePolicy, activePolicy } from "../../src/features/policy/active-policy.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { defaultPolicyPath } from "../../src/platform/policy/load-policy.js";
import { testDialects } from "../databases.js";
import { type DetailJson, obligationWorld, type ObligationWorld } from "./fixtures.js";

/** The seed text with a duty's block taken out of the duties section (the routing section keeps its own ids). */
function withoutDuty(text: string, dutyId: string): string {
  const start = text.indexOf("\nduties:\n");
  const end = text.indexOf("\nrouting:\n");
  const lines = text.slice(start, end).split("\n");
  const from = lines.indexOf(`  - id: ${dutyId}`);
  if (from < 0) throw new Error(`no duty ${dutyId}`);
  let to = from + 1;
  while (to < lines.length && !/^ {2}- id: |^\s*$|^\S/.test(lines[to] ?? "")) to++;
  lines.splice(from, to - from);
  return text.slice(0, start) + lines.join("\n") + text.slice(end);
}

const console_ = {
  actor: { accountId: null, username: "console", role: null, unitId: null },
  sourceIp: null,
  requestId: null,
};

describe.each(testDialects)("regenerating obligations after a rule change on %s", (dialect) => {
  let w: ObligationWorld;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await obligationWorld(dialect);
    expect(await w.materialize(2027)).toMatchObject({ created: 29 });
    ids.h1 = await w.obligation("art11.4.half-yearly-inspection", { periodId: "2027-H1" });
    ids.h2 = await w.obligation("art11.4.half-yearly-inspection", { periodId: "2027-H2" });
    ids.midYear = await w.obligation("art12.2.mid-year-supervision");
    ids.assessment = await w.obligation("art12.2.year-end-assessment");
    ids.summary = await w.obligation("art12.2.annual-summary");
    ids.toParty = await w.obligation("art12.4.summary-report", { periodId: "2027-end@partyCommittee" });
    ids.toHigher = await w.obligation("art12.4.summary-report", { periodId: "2027-end@higherCommittee" });
  });
  afterAll(() => w.t.close());

  const all = () => w.app.db.kysely.selectFrom("obligation").selectAll().orderBy("id").execute();

  it("touches future obligations: a notice on two, one waived, one fulfilled by its report", async () => {
    const office = await w.as("office");
    for (const [n, id] of [ids.midYear, ids.assessment].entries())
      await w.app.db.kysely
        .insertInto("notification")
        .values({
          id: `0190f000-0000-7000-8000-00000000a00${n + 1}`,
          account_id: w.accounts.secretary.id,
          obligation_id: id ?? "",
          kind: "dueSoon",
          dedupe_key: `test:${id}`,
          title: "提醒",
          body: "提醒",
          created_at: toInstant(w.clock()),
          read_at: null,
        })
        .execute();
    const waived = await office.post(`/api/obligations/${ids.summary}/waiver`, { reason: "本年度与上级总结合并报送" });
    expect(waived.statusCode, waived.body).toBe(200);
    // The summary report to the Party committee, signed and submitted early: its record fulfils that one obligation.
    const report = await office.post("/api/reports", {
      kind: "summaryReport",
      recipient: "partyCommittee",
      year: 2027,
    });
    expect(report.statusCode, report.body).toBe(201);
    const reportId = report.json<{ id: string }>().id;
    const signed = await (
      await w.as("secretary")
    ).post(`/api/reports/${reportId}/sign`, { password: w.accounts.secretary.password });
    expect(signed.statusCode, signed.body).toBe(200);
    const submitted = await office.post(`/api/reports/${reportId}/submit`, { note: "机要交换" });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await office.get(`/api/obligations/${ids.toParty}`)).json<DetailJson>().status).toBe("fulfilled");
  });

  it("removes only the untouched future rows, creates the new rules' rows and rewrites no history", async () => {
    const seed = fs.readFileSync(defaultPolicyPath(), "utf8");
    let text = seed.replace(/^version: 1$/m, "version: 2");
    // Inspections once a year, at year end, instead of every half year.
    const at = text.indexOf("  - id: art11.4.half-yearly-inspection");
    const cadence = text.indexOf("cadence: { every: half }", at);
    expect(cadence).toBeGreaterThan(at);
    text = `${text.slice(0, cadence)}cadence: { every: year, window: end }${text.slice(cadence + "cadence: { every: half }".length)}`;
    for (const duty of [
      "art12.2.mid-year-supervision",
      "art12.2.year-end-assessment",
      "art12.2.annual-summary",
      "art12.4.summary-report",
    ])
      text = withoutDuty(text, duty);
    const before = await all();
    const activated = await activatePolicy(w.app.db.kysely, w.app.audit, text, console_, w.clock());
    expect(activated.policy.duties.map((d) => d.id)).not.toContain("art12.2.annual-summary");
    const { sha256 } = await activePolicy(w.app.db.kysely);

    const res = await (await w.as("office")).post("/api/obligations/materialize", { year: 2027 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ year: 2027, created: 1, removed: 2, kept: 27, fulfilledByRecords: 0 });

    const after = await all();
    const gone = before.filter((r) => !after.some((a) => a.id === r.id)).map((r) => r.id);
    expect(gone.sort()).toEqual([ids.h2, ids.toHigher].sort());
    // Every row that stays is byte-for-byte what it was: history is never rewritten.
    for (const row of before.filter((r) => !gone.includes(r.id)))
      expect(after.find((a) => a.id === row.id)).toEqual(row);
    const created = after.filter((a) => !before.some((r) => r.id === a.id));
    expect(created).toMatchObject([
      {
        duty_id: "art11.4.half-yearly-inspection",
        bearer_person_id: w.people.headA,
        period_id: "2027-end",
        period_kind: "window",
        starts_on: "2027-11-01",
        due_on: "2027-12-31",
        state: "open",
        policy_version: sha256,
      },
    ]);
    const kept = (id: string | undefined) => after.find((a) => a.id === id);
    expect(kept(ids.h1)).toMatchObject({ period_id: "2027-H1", state: "open" });
    expect(kept(ids.midYear)).toMatchObject({ state: "open" });
    expect(kept(ids.assessment)).toMatchObject({ state: "open" });
    expect(kept(ids.summary)).toMatchObject({ state: "waived" });
    expect(kept(ids.toParty)).toMatchObject({ state: "fulfilled" });
  });

  it("keeps a removed duty's history readable, and a further materialize changes nothing", async () => {
    const office = await w.as("office");
    const detail = await office.get(`/api/obligations/${ids.summary}`);
    expect(detail.statusCode, detail.body).toBe(200);
    // The duty left the rules: its id stands in for the title.
    expect(detail.json<DetailJson>()).toMatchObject({ status: "waived", waiveReason: "本年度与上级总结合并报送" });
    const before = await all();
    const again = await office.post("/api/obligations/materialize", { year: 2027 });
    expect(again.json()).toEqual({ year: 2027, created: 0, removed: 0, kept: 28, fulfilledByRecords: 0 });
    expect(await all()).toEqual(before);
  });
});

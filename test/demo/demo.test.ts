/**
 * The demo institution (`baomi demo`, src/features/demo): it loads on both dialects, has the size and the shape the
 * issue asks for, its committee and chains come out of the resolver as the seed regulation says they should, its
 * accounts sign in straight to their roles, it refuses a database that holds anything real, and it is the same
 * institution every time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signatureInput } from "../../src/domain/agreement.js";
import { dateIn } from "../../src/domain/calendar.js";
import { initializeInstitution } from "../../src/features/accounts/initialize.js";
import { type DemoLoaded, loadDemo } from "../../src/features/demo/load.js";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { committeeRoster } from "../../src/features/responsibility/committee.js";
import { confirmersOf } from "../../src/features/self-checks/access.js";
import { addDays } from "../../src/domain/periods.js";
import { responsibilityChain, responsibleFor } from "../../src/features/responsibility/resolver.js";
import { type InspectionTemplate, templateItems } from "../../src/domain/inspection.js";
import { hasSecrecyMarking } from "../../src/domain/marking-guard.js";
import { sha256Hex } from "../../src/platform/auth/tokens.js";
import { fromInstant } from "../../src/platform/db/instants.js";
import { shippedTemplate } from "../../src/platform/policy/template-loader.js";
import { type Database } from "../../src/platform/db/schema.js";
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
  const signedIn = async (username: string) => {
    const client = new Client(t.app);
    const login = await client.post("/api/auth/login", { username, password: demo.password });
    expect(login.statusCode, login.body).toBe(200);
    return client;
  };
  const officeAccount = () =>
    db().selectFrom("account").select("id").where("username", "=", "demo.baomiban").executeTakeFirstOrThrow();
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

  it("holds last year's committee records, whose obligations the engine fulfilled with them as evidence", async () => {
    const year = Number(today.slice(0, 4)) - 1;
    const expected: Record<string, [kind: string, table: keyof Database, count: number]> = {
      "art12.1.regular-meeting": ["meeting.minutesSigned", "meeting", 2],
      "art12.2.annual-plan": ["annualPlan.approved", "annual_plan", 1],
      "art12.2.mid-year-supervision": ["supervision.completed", "supervision", 1],
      "art12.2.year-end-assessment": ["assessment.approved", "assessment", 1],
      "art12.2.annual-summary": ["annualSummary.approved", "annual_summary", 1],
      "art12.4.plan-report": ["report.submitted", "report", 2],
      "art12.4.summary-report": ["report.submitted", "report", 2],
    };
    const rows = await db()
      .selectFrom("obligation")
      .select(["duty_id", "period_id", "state", "record_kind", "record_id", "responsible"])
      .where("institution_id", "=", demo.institution.id)
      .where("year", "=", year)
      .where("duty_id", "in", Object.keys(expected))
      .execute();
    const director = demo.accounts.find((a) => a.username === "demo.shuji")?.name;
    for (const [duty, [kind, table, count]] of Object.entries(expected)) {
      const mine = rows.filter((r) => r.duty_id === duty);
      expect(mine, duty).toHaveLength(count);
      const ids = new Set<string>();
      for (const row of mine) {
        expect([row.state, row.record_kind], `${duty} ${row.period_id}`).toEqual(["fulfilled", kind]);
        const record = await db()
          .selectFrom(table as "meeting")
          .select(["id", "year"])
          .where("id", "=", row.record_id ?? "")
          .executeTakeFirst();
        expect(record?.year, `${duty} ${row.period_id}`).toBe(year);
        ids.add(row.record_id ?? "");
        expect((JSON.parse(row.responsible ?? "[]") as { name: string }[])[0]?.name).toBe(
          table === "supervision" ? demo.accounts.find((a) => a.username === "demo.baomiban")?.name : director,
        );
      }
      // Two semesters, two meetings; each body its own report.
      expect(ids.size, duty).toBe(count);
    }
    const dashboard = await signedIn("demo.baomiban");
    const view = (await dashboard.get(`/api/obligations/dashboard?year=${year}`)).json<{
      byArticle: { key: string; total: number; fulfilled: number }[];
      trend: { key: string }[];
    }>();
    const art12 = view.byArticle.find((a) => a.key === "art12");
    expect(art12?.total).toBe(10);
    expect(art12?.fulfilled).toBe(10);
    expect(view.trend.map((t) => t.key)).toEqual([String(year), String(year + 1)]);
  });

  it("holds last year's responsibility agreements, all signed at the start of the year, fulfilling their obligations", async () => {
    const year = Number(today.slice(0, 4)) - 1;
    const duties = ["art4.responsibility-agreement", "art5.responsibility-agreement", "art6.responsibility-agreement"];
    const agreementOf = (id: string) =>
      db()
        .selectFrom("agreement")
        .innerJoin("agreement_batch as batch", "batch.id", "agreement.batch_id")
        .innerJoin("account", "account.id", "agreement.signed_by_account")
        .select([
          "agreement.id",
          "agreement.status",
          "agreement.role",
          "agreement.unit_id",
          "agreement.person_id",
          "agreement.title",
          "agreement.body",
          "agreement.signed_at",
          "agreement.signed_by_account",
          "agreement.signature",
          "account.person_id as account_person",
          "batch.year",
        ])
        .where("agreement.id", "=", id)
        .executeTakeFirstOrThrow();
    const rows = await db()
      .selectFrom("obligation")
      .select(["duty_id", "state", "record_kind", "record_id", "bearer_role", "bearer_unit_id", "bearer_person_id"])
      .where("institution_id", "=", demo.institution.id)
      .where("year", "=", year)
      .where("duty_id", "in", duties)
      .execute();
    expect(new Set(rows.map((r) => r.duty_id))).toEqual(new Set(duties));
    expect(rows.filter((r) => r.duty_id === "art4.responsibility-agreement")).toHaveLength(1);
    for (const row of rows) {
      expect([row.state, row.record_kind], row.duty_id).toEqual(["fulfilled", "agreement.signed"]);
      const agreement = await agreementOf(row.record_id ?? "");
      expect(agreement).toMatchObject({ status: "signed", role: row.bearer_role, year });
      if (row.bearer_person_id) expect(agreement.person_id).toBe(row.bearer_person_id);
      else expect(agreement.unit_id).toBe(row.bearer_unit_id);
      // Signed by the person named, through their own account, in the start-of-year window.
      expect(agreement.account_person).toBe(agreement.person_id);
      const signedOn = dateIn(fromInstant(agreement.signed_at ?? ""));
      expect(signedOn >= `${year}-01-01` && signedOn <= `${year}-03-31`, signedOn).toBe(true);
      expect(agreement.signature).toBe(
        sha256Hex(
          signatureInput({
            agreementId: agreement.id,
            title: agreement.title,
            body: agreement.body,
            personId: agreement.person_id,
            accountId: agreement.signed_by_account ?? "",
            signedAt: agreement.signed_at ?? "",
          }),
        ),
      );
    }
    // Written final: the migration's trigger refuses any change to a signed agreement.
    await expect(
      db()
        .updateTable("agreement")
        .set({ void_reason: "demo" })
        .where("id", "=", rows[0]?.record_id ?? "")
        .execute(),
    ).rejects.toThrow(/责任书已签署|final once signed/);

    const client = await signedIn("demo.baomiban");
    const progress = await client.get(`/api/agreements/progress?year=${year}`);
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json<{ totals: { issued: number; outstanding: number } }>().totals).toMatchObject({
      issued: rows.length,
      outstanding: 0,
    });

    // This year: signed only by the load date, and each obligation fulfilled exactly when its agreement is signed.
    const now = t.app.clock().toISOString();
    const current = await db()
      .selectFrom("agreement")
      .innerJoin("agreement_batch as batch", "batch.id", "agreement.batch_id")
      .select(["agreement.id", "agreement.status", "agreement.signed_at"])
      .where("batch.year", "=", year + 1)
      .execute();
    for (const a of current) expect(a.status === "signed" ? (a.signed_at ?? "") <= now : a.status).toBeTruthy();
    const signed = new Set(current.filter((a) => a.status === "signed").map((a) => a.id));
    const fulfilled = await db()
      .selectFrom("obligation")
      .select("record_id")
      .where("year", "=", year + 1)
      .where("duty_id", "in", duties)
      .where("state", "=", "fulfilled")
      .execute();
    expect(fulfilled.every((o) => signed.has(o.record_id ?? ""))).toBe(true);
    expect(fulfilled.length).toBeLessThanOrEqual(signed.size);
  });

  it("holds the members' half-yearly inspections of last year, which fulfil their obligations but two left undone", async () => {
    const year = Number(today.slice(0, 4)) - 1;
    const { policy } = await activePolicy(db());
    const members = (await committeeRoster(db(), policy, demo.institution.id, `${year}-12-31`)).seats.filter(
      (s) => s.seat === "member",
    );
    const rows = await db()
      .selectFrom("obligation")
      .select(["period_id", "state", "due_on", "record_kind", "record_id", "bearer_person_id", "bearer_unit_id"])
      .where("institution_id", "=", demo.institution.id)
      .where("year", "=", year)
      .where("duty_id", "=", "art11.4.half-yearly-inspection")
      .execute();
    expect(rows).toHaveLength(members.length * 2);
    // 外事处 and 纪委办公室 never did their second half: overdue on the dashboard.
    const undone = rows.filter((r) => r.state !== "fulfilled");
    expect(undone.map((r) => [r.state, r.period_id])).toEqual([
      ["open", `${year}-H2`],
      ["open", `${year}-H2`],
    ]);
    expect(undone.every((r) => (r.due_on ?? "") < today)).toBe(true);
    const seatOf = new Map(members.map((s) => [s.holders[0]?.personId, s.unit?.name]));
    expect(undone.map((r) => seatOf.get(r.bearer_person_id ?? "")).sort()).toEqual(["外事处", "纪委办公室"].sort());
    const template = shippedTemplate("unit-inspection");
    for (const row of rows.filter((r) => r.state === "fulfilled")) {
      expect(row.record_kind).toBe("inspection.closed");
      const inspection = await db()
        .selectFrom("inspection")
        .innerJoin("inspection_plan as plan", "plan.id", "inspection.plan_id")
        .innerJoin("unit", "unit.id", "inspection.unit_id")
        .select([
          "inspection.status",
          "inspection.results",
          "inspection.closed_on",
          "unit.path",
          "plan.kind",
          "plan.year",
          "plan.half",
          "plan.lead_person_id",
          "plan.template",
        ])
        .where("inspection.id", "=", row.record_id ?? "")
        .executeTakeFirstOrThrow();
      // A closed member plan the bearer led, of that half, over their seat's unit, every item of the frozen checklist recorded.
      expect(inspection).toMatchObject({
        status: "closed",
        kind: "member",
        year,
        lead_person_id: row.bearer_person_id,
      });
      expect(`${inspection.year}-H${inspection.half}`).toBe(row.period_id);
      expect(inspection.path).toContain(`/${row.bearer_unit_id}/`);
      expect(JSON.parse(inspection.template)).toEqual(template);
      expect(Object.keys(JSON.parse(inspection.results) as object).sort()).toEqual(
        templateItems(template)
          .map((i) => i.id)
          .sort(),
      );
    }
    // The office's winter inspection of the classified units, on the key-department checklist.
    const office = await db()
      .selectFrom("inspection_plan as plan")
      .innerJoin("inspection", "inspection.plan_id", "plan.id")
      .innerJoin("unit", "unit.id", "inspection.unit_id")
      .select(["plan.template_id", "inspection.status", "unit.classified"])
      .where("plan.kind", "=", "office")
      .where("plan.year", "=", year)
      .execute();
    expect(office.length).toBeGreaterThanOrEqual(2);
    expect(office.every((o) => o.template_id === "key-department-inspection" && o.status === "closed")).toBe(true);
    expect(office.every((o) => o.classified === 1)).toBe(true);

    const client = await signedIn("demo.baomiban");
    const view = (await client.get(`/api/obligations/dashboard?year=${year}`)).json<{
      byArticle: { key: string; total: number; fulfilled: number; overdue: number }[];
    }>();
    const art11 = view.byArticle.find((a) => a.key === "art11");
    expect(art11?.fulfilled).toBeGreaterThanOrEqual(members.length * 2 - 2);
    expect(art11?.overdue).toBeGreaterThanOrEqual(2);
  });

  it("holds the head of 计算机科学学院's own inspection of the school last April, its finding verified by the office", async () => {
    const year = Number(today.slice(0, 4)) - 1;
    const head = await signedIn("demo.zhuren");
    const mine = (await head.get("/api/inspection-plans/my-units")).json<{
      head: boolean;
      units: { name: string }[];
    }>();
    expect(mine.head).toBe(true);
    expect(mine.units.map((u) => u.name)).toEqual(["计算机科学学院"]);
    const me = (await head.get("/api/me")).json<{ person: { id: string } }>();
    const plans = (await head.get(`/api/inspection-plans?kind=unit&year=${year}`)).json<{
      items: { id: string; lead: { id: string }; startsOn: string; unitCount: number; closedCount: number }[];
    }>();
    expect(plans.items).toHaveLength(1);
    const plan = plans.items[0]!;
    expect(plan).toMatchObject({ lead: { id: me.person.id } });
    expect(plan.startsOn.slice(5, 7)).toBe("04");
    expect(plan.closedCount).toBe(plan.unitCount);
    const office = await officeAccount();
    const findings = await db()
      .selectFrom("inspection_finding as f")
      .innerJoin("inspection", "inspection.id", "f.inspection_id")
      .select(["f.owner_person_id", "f.status", "f.verified_by", "f.item_id"])
      .where("inspection.plan_id", "=", plan.id)
      .execute();
    expect(findings).toEqual([
      { owner_person_id: me.person.id, status: "closed", verified_by: office.id, item_id: "org.problems" },
    ]);
  });

  it("raises last year's findings through the platform's rule, most rectified and closed, a few overdue", async () => {
    const year = Number(today.slice(0, 4)) - 1;
    const { policy } = await activePolicy(db());
    const office = await officeAccount();
    const findings = await db()
      .selectFrom("inspection_finding as f")
      .innerJoin("inspection", "inspection.id", "f.inspection_id")
      .innerJoin("inspection_plan as plan", "plan.id", "inspection.plan_id")
      .selectAll("f")
      .select(["inspection.unit_id as inspected_unit", "inspection.closed_on", "plan.template"])
      .where("f.institution_id", "=", demo.institution.id)
      .where("f.year", "=", year)
      .orderBy("f.created_at")
      .execute();
    expect(findings.length).toBeGreaterThanOrEqual(8);
    for (const f of findings) {
      expect([f.source, f.source_id, f.unit_id]).toEqual(["inspection", f.inspection_id, f.inspected_unit]);
      const item = templateItems(JSON.parse(f.template) as InspectionTemplate).find((i) => i.id === f.item_id);
      expect(JSON.parse(f.item_text)).toEqual(item?.text);
      // Its owner: the unit head the resolver names on the day it was found.
      const [head] = await responsibleFor(db(), policy, f.unit_id, "unitHead", dateIn(fromInstant(f.created_at)));
      expect([f.owner_person_id, f.owner_name]).toEqual([head?.personId, head?.personName]);
      const days = (Date.parse(f.deadline) - Date.parse(f.closed_on ?? "")) / 86_400_000;
      expect(days >= 30 && days <= 60, `${f.deadline} ${f.closed_on}`).toBe(true);
      if (f.status === "closed") {
        expect(f.plan_text && f.evidence && f.verification_note && f.verified_at).toBeTruthy();
        expect(f.verified_by).toBe(office.id);
        expect(f.submitted_by).not.toBe(f.verified_by);
      }
    }
    // 学生处 failed the carriers' register twice: the second finding is a repeat of the first.
    const repeats = findings.filter((f) => f.repeat_of !== null);
    expect(repeats).toHaveLength(1);
    const first = findings.find((f) => f.id === repeats[0]?.repeat_of);
    expect([first?.unit_id, first?.item_id]).toEqual([repeats[0]?.unit_id, repeats[0]?.item_id]);
    expect(first?.inspection_id).not.toBe(repeats[0]?.inspection_id);
    // The first half's findings are all closed long since, but one whose rectification stalled.
    const firstHalf = findings.filter((f) => f.created_at < `${year}-07-01`);
    expect(firstHalf.filter((f) => f.status !== "closed")).toHaveLength(1);
    expect(firstHalf.length).toBeGreaterThanOrEqual(4);
    // Closed (销号) is final, by trigger.
    await expect(
      db()
        .updateTable("inspection_finding")
        .set({ progress: "demo" })
        .where("id", "=", firstHalf.find((f) => f.status === "closed")?.id ?? "")
        .execute(),
    ).rejects.toThrow(/已销号的问题不得修改|final/);

    // Each finding raised its owner's duty to rectify it by the deadline; the engine fulfilled the closed ones' duty.
    // (The self-checks' findings raise theirs too: they are looked at with the self-checks.)
    const duties = await db()
      .selectFrom("obligation")
      .select(["event_id", "state", "due_on", "record_kind", "record_id", "bearer_unit_id"])
      .where("duty_id", "=", "art6.2.rectify-finding")
      .where("year", "=", year)
      .where(
        "event_id",
        "in",
        findings.map((f) => f.event_id ?? ""),
      )
      .execute();
    expect(duties).toHaveLength(findings.length);
    for (const f of findings) {
      const duty = duties.find((d) => d.event_id === f.event_id);
      expect([duty?.bearer_unit_id, duty?.due_on]).toEqual([f.unit_id, f.deadline]);
      if (f.status === "closed")
        expect([duty?.state, duty?.record_kind, duty?.record_id]).toEqual(["fulfilled", "finding.closed", f.id]);
      else expect(duty?.state).toBe("open");
    }
    expect(duties.filter((d) => d.state === "fulfilled").length).toBeGreaterThanOrEqual(5);
    expect(duties.filter((d) => d.state === "open" && (d.due_on ?? "") < today).length).toBeGreaterThanOrEqual(1);
    // Three rectifications stalled (继续教育学院 twice, 计算机网络中心): planned, never submitted.
    const stalled = findings.filter((f) => f.status === "open" && f.plan_text !== null && f.submitted_at === null);
    expect(stalled.length).toBeGreaterThanOrEqual(3);

    // The statistics count every finding of the year, the self-checks' among them.
    const all = await db()
      .selectFrom("inspection_finding")
      .select("status")
      .where("institution_id", "=", demo.institution.id)
      .where("year", "=", year)
      .execute();
    const client = await signedIn("demo.baomiban");
    const statistics = await client.get(`/api/findings/statistics?year=${year}`);
    expect(statistics.statusCode, statistics.body).toBe(200);
    const body = statistics.json<{
      totals: { total: number; closed: number; repeats: number };
      byMember: { inspectionsClosed: number }[];
    }>();
    expect(body.totals).toMatchObject({
      total: all.length,
      closed: all.filter((f) => f.status === "closed").length,
      repeats: 1,
    });
    expect(body.byMember.length).toBeGreaterThanOrEqual(10);
  });

  it("holds the cleared persons' confirmed self-checks of last year, which fulfil most of their slots", async () => {
    const year = Number(today.slice(0, 4)) - 1;
    const { policy } = await activePolicy(db());
    const template = shippedTemplate("personal-self-check");
    const rows = await db()
      .selectFrom("obligation")
      .select(["id", "period_id", "state", "due_on", "record_kind", "record_id", "responsible", "bearer_person_id"])
      .where("institution_id", "=", demo.institution.id)
      .where("year", "=", year)
      .where("duty_id", "=", "art7.2.self-check")
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(100);
    const fulfilled = rows.filter((r) => r.state === "fulfilled");
    expect(fulfilled.length).toBeGreaterThanOrEqual(rows.length * 0.9);
    // A few slots were missed: open and overdue on the dashboard, with no self-check behind them.
    const missed = rows.filter((r) => r.state !== "fulfilled");
    expect(missed.length).toBeGreaterThanOrEqual(1);
    for (const row of missed) expect([row.state, (row.due_on ?? "") < today]).toEqual(["open", true]);
    const checks = await db()
      .selectFrom("self_check as sc")
      .innerJoin("person", "person.id", "sc.person_id")
      .leftJoin("account", "account.id", "sc.confirmed_by")
      .selectAll("sc")
      .select(["person.name as person_name", "person.unit_id as person_unit", "account.person_id as account_person"])
      .where("sc.institution_id", "=", demo.institution.id)
      .where("sc.year", "=", year)
      .execute();
    // Last year's self-checks are all confirmed, one for each slot fulfilled.
    expect(checks).toHaveLength(fulfilled.length);
    expect(
      checks.filter((c) => missed.some((m) => m.bearer_person_id === c.person_id && m.period_id === c.period_id)),
    ).toEqual([]);
    for (const [n, row] of fulfilled.entries()) {
      // Fulfilled by the person's own confirmed self-check of that slot, the person frozen as responsible.
      const check = checks.find((c) => c.id === row.record_id);
      expect(row.record_kind).toBe("selfCheck.submitted");
      expect(check).toMatchObject({
        status: "confirmed",
        person_id: row.bearer_person_id,
        period_id: row.period_id,
        period_due_on: row.due_on,
        unit_id: check?.person_unit,
        template_id: "personal-self-check",
        template_version: template.version,
      });
      expect(JSON.parse(row.responsible ?? "[]")).toEqual([
        { personId: check?.person_id, name: check?.person_name, role: "clearedPerson", acting: false },
      ]);
      if (!check) continue;
      expect(JSON.parse(check.template)).toEqual(template);
      const answers = JSON.parse(check.answers) as Record<string, { outcome: string; note: string | null }>;
      expect(Object.keys(answers).sort()).toEqual(
        templateItems(template)
          .map((i) => i.id)
          .sort(),
      );
      for (const answer of Object.values(answers)) if (answer.outcome === "fail") expect(answer.note).toBeTruthy();
      // Submitted, then confirmed a few days later inside the slot by the person's superior of that day, through
      // their own account.
      const submitted = fromInstant(check.submitted_at ?? "");
      const confirmed = fromInstant(check.confirmed_at ?? "");
      expect(submitted.getTime()).toBeLessThan(confirmed.getTime());
      expect(dateIn(confirmed) >= check.period_starts_on && dateIn(confirmed) <= (check.period_due_on ?? "")).toBe(
        true,
      );
      expect(check.account_person).toBe(check.confirmer_person_id);
      expect(check.confirmer_person_id).not.toBe(check.person_id);
      if (n % 10 === 0) {
        const superiors = await confirmersOf(db(), policy, check, dateIn(confirmed));
        expect(superiors.map((h) => h.personId)).toContain(check.confirmer_person_id);
      }
    }
    // Mostly every item met; now and then one not, with what is wrong.
    const failing = checks.filter((c) => c.answers.includes('"fail"'));
    expect(failing.length).toBeGreaterThanOrEqual(1);
    expect(failing.length).toBeLessThan(checks.length / 5);

    // Each failed answer is a finding of the person's unit, raised on confirmation as the service raises it, with its
    // owner's duty to rectify it in 30 days — rectified and closed by the office since, once the date has come.
    const findings = await db()
      .selectFrom("inspection_finding")
      .selectAll()
      .where("institution_id", "=", demo.institution.id)
      .where("source", "=", "selfCheck")
      .where("year", "=", year)
      .execute();
    const failed = failing.flatMap((c) =>
      Object.entries(JSON.parse(c.answers) as Record<string, { outcome: string; note: string }>)
        .filter(([, a]) => a.outcome === "fail")
        .map(([item, a]) => ({ check: c, item, note: a.note })),
    );
    expect(findings).toHaveLength(failed.length);
    const office = await officeAccount();
    for (const { check, item, note } of failed) {
      const finding = findings.find((f) => f.source_id === check.id && f.item_id === item);
      expect(finding).toMatchObject({
        inspection_id: null,
        unit_id: check.unit_id,
        description: note,
        severity: "minor",
        category: "personnel",
        created_by: check.confirmed_by,
        created_at: check.confirmed_at,
        deadline: addDays(dateIn(fromInstant(check.confirmed_at ?? "")), 30),
        repeat_of: null,
      });
      if (addDays(dateIn(fromInstant(check.confirmed_at ?? "")), 60) < today) expect(finding?.status).toBe("closed");
      if (finding?.status === "closed") expect([finding.verified_by, finding.submitted_by]).not.toContain(null);
      expect(finding?.verified_by ?? office.id).toBe(office.id);
      const [head] = await responsibleFor(
        db(),
        policy,
        check.unit_id,
        "unitHead",
        dateIn(fromInstant(check.confirmed_at ?? "")),
      );
      expect([finding?.owner_person_id, finding?.owner_name]).toEqual([head?.personId, head?.personName]);
      const duty = await db()
        .selectFrom("obligation")
        .select(["state", "due_on", "record_kind", "record_id", "bearer_unit_id"])
        .where("duty_id", "=", "art6.2.rectify-finding")
        .where("event_id", "=", finding?.event_id ?? "")
        .executeTakeFirstOrThrow();
      expect([duty.due_on, duty.bearer_unit_id]).toEqual([finding?.deadline, check.unit_id]);
      if (finding?.status === "closed")
        expect([duty.state, duty.record_kind, duty.record_id]).toEqual(["fulfilled", "finding.closed", finding.id]);
      else expect(duty.state).toBe("open");
    }
    // Confirmed is final, by trigger.
    await expect(
      db()
        .updateTable("self_check")
        .set({ return_reason: "demo" })
        .where("id", "=", checks[0]?.id ?? "")
        .execute(),
    ).rejects.toThrow(/已确认的个人保密自查表不得修改|final/);

    const client = await signedIn("demo.baomiban");
    const listed = await client.get(`/api/findings?source=selfCheck&year=${year}`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<{ items: unknown[] }>().items).toHaveLength(findings.length);
    const view = (await client.get(`/api/obligations/dashboard?year=${year}`)).json<{
      byArticle: { key: string; total: number; fulfilled: number; overdue: number }[];
    }>();
    const art7 = view.byArticle.find((a) => a.key === "art7");
    expect(art7?.fulfilled).toBe(fulfilled.length);
    expect(art7?.overdue).toBeGreaterThanOrEqual(missed.length);
  });

  it("holds this year's self-checks as far as the date has come: most confirmed, some still a draft or awaiting, a few missed", async () => {
    const year = Number(today.slice(0, 4));
    const rows = await db()
      .selectFrom("obligation")
      .select(["period_id", "state", "starts_on", "due_on", "record_id", "bearer_person_id"])
      .where("institution_id", "=", demo.institution.id)
      .where("year", "=", year)
      .where("duty_id", "=", "art7.2.self-check")
      .execute();
    const checks = await db()
      .selectFrom("self_check")
      .select(["id", "person_id", "period_id", "period_starts_on", "status", "answers", "created_at"])
      .where("institution_id", "=", demo.institution.id)
      .where("year", "=", year)
      .execute();
    // Only slots that have begun, one self-check per slot owed; confirmed ones fulfil theirs, the others leave it open.
    for (const check of checks) {
      const row = rows.find((r) => r.bearer_person_id === check.person_id && r.period_id === check.period_id);
      expect(row, check.period_id).toBeDefined();
      expect(check.period_starts_on <= today).toBe(true);
      expect(row?.state).toBe(check.status === "confirmed" ? "fulfilled" : "open");
      if (check.status === "confirmed") expect(row?.record_id).toBe(check.id);
      if (check.status === "draft")
        expect(Object.keys(JSON.parse(check.answers) as object).length).toBeLessThan(
          templateItems(shippedTemplate("personal-self-check")).length,
        );
    }
    expect(rows.filter((r) => r.state === "fulfilled")).toHaveLength(
      checks.filter((c) => c.status === "confirmed").length,
    );
    const ended = rows.filter((r) => (r.due_on ?? "") < today);
    expect(ended.filter((r) => r.state === "fulfilled").length).toBeGreaterThanOrEqual(ended.length * 0.6);
    if (today > `${year}-06-30`) {
      // Past the first half, some of this year's ended slots are overdue — missed, or left a draft or unconfirmed.
      expect(ended.filter((r) => r.state === "open").length).toBeGreaterThanOrEqual(1);
      expect(checks.filter((c) => c.status !== "confirmed").length).toBeGreaterThanOrEqual(2);
    }

    // The cleared person with a demo account has the running slot to fill in; one of demo.weiyuan's staff awaits him.
    const shemi = await signedIn("demo.shemi");
    const mine = (await shemi.get("/api/self-checks/mine")).json<{
      owed: { periodId: string; startsOn: string; dueOn: string | null; selfCheck: unknown }[];
    }>();
    expect(mine.owed.filter((o) => o.startsOn <= today && (o.dueOn ?? "") >= today).map((o) => o.selfCheck)).toEqual([
      null,
    ]);
    if (today >= `${year}-01-03`) {
      const weiyuan = await signedIn("demo.weiyuan");
      const waiting = await weiyuan.get("/api/self-checks/to-confirm");
      expect(waiting.statusCode, waiting.body).toBe(200);
      const items = waiting.json<{ items: { status: string }[] }>().items;
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items.every((i) => i.status === "submitted")).toBe(true);
    }
  });

  it("answers the committee screens with those records as the secrecy office", async () => {
    const year = Number(today.slice(0, 4)) - 1;
    const client = await signedIn("demo.baomiban");
    const meetings = await client.get(`/api/meetings?year=${year}`);
    expect(meetings.statusCode, meetings.body).toBe(200);
    const list = meetings.json<{ items: { id: string; status: string; minutesNumber: string | null }[] }>().items;
    expect(list.map((m) => [m.status, m.minutesNumber])).toEqual([
      ["signed", `保委纪〔${year}〕2号`],
      ["signed", `保委纪〔${year}〕1号`],
    ]);
    const meeting = (await client.get(`/api/meetings/${list[1]?.id}`)).json<{
      attendance: { kind: string }[];
      proposals: { status: string }[];
      minutes: { text: string; decisions: { taskId: string | null }[] };
      signer: { person: { name: string }; signedAs: string };
    }>();
    expect(meeting.signer).toMatchObject({
      person: { name: demo.accounts.find((a) => a.username === "demo.shuji")?.name },
      signedAs: "director",
    });
    expect(new Set(meeting.attendance.map((a) => a.kind))).toEqual(new Set(["present", "onLeave", "nonVoting"]));
    expect(meeting.proposals.map((p) => p.status)).toContain("declined");
    expect(meeting.minutes.text).toContain("纪要如下");
    expect(meeting.minutes.decisions.every((d) => d.taskId !== null)).toBe(true);
    const tasks = await db()
      .selectFrom("tracked_task")
      .select(["status", "due_on"])
      .where(
        "meeting_id",
        "in",
        list.map((m) => m.id),
      )
      .execute();
    // Every task is closed within two days of its due date but the one that stalled (due 31 October); a task of a
    // late meeting may still run in January and February.
    const settled = tasks.filter((t) => t.due_on < addDays(today, -2));
    expect(settled.filter((t) => t.status !== "closed")).toEqual([{ status: "open", due_on: `${year}-10-31` }]);

    const supervision = await client.get(`/api/supervision/${year}`);
    expect(supervision.statusCode, supervision.body).toBe(200);
    const page = supervision.json<{
      plan: { status: string; items: { task: { status: string } | null }[] };
      supervision: { status: string; notes: unknown[] };
      assessment: { status: string; scores: { band: string }[]; unscored: unknown[] };
      summary: { status: string };
      obligations: { status: string }[];
    }>();
    expect(page.plan.status).toBe("approved");
    expect(page.plan.items.length).toBeGreaterThanOrEqual(6);
    expect(page.plan.items.every((i) => i.task?.status === "closed")).toBe(true);
    expect(page.supervision).toMatchObject({ status: "completed" });
    expect(page.supervision.notes).toHaveLength(2);
    expect(page.assessment.status).toBe("approved");
    expect(page.assessment.unscored).toEqual([]);
    const bands = page.assessment.scores.map((s) => s.band);
    expect(bands.filter((b) => b === "nonconform")).toHaveLength(1);
    expect(bands.filter((b) => b === "basic").length).toBeGreaterThanOrEqual(2);
    expect(bands.filter((b) => b === "conform").length).toBeGreaterThan(bands.length / 2);
    expect(page.summary.status).toBe("approved");
    expect(page.obligations.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);

    const reports = await client.get(`/api/reports?year=${year}`);
    expect(reports.statusCode, reports.body).toBe(200);
    const items = reports.json<{ items: { kind: string; recipient: string; status: string; number: string }[] }>()
      .items;
    expect(items.map((r) => `${r.kind}/${r.recipient}/${r.status}/${r.number}`).sort()).toEqual(
      [
        `planReport/partyCommittee/submitted/保委〔${year}〕1号`,
        `planReport/higherCommittee/submitted/保委〔${year}〕2号`,
        `summaryReport/partyCommittee/submitted/保委〔${year}〕3号`,
        `summaryReport/higherCommittee/submitted/保委〔${year}〕4号`,
      ].sort(),
    );
  });

  it("dates nothing after the load date, and nothing the marking guard would refuse", async () => {
    const now = t.app.clock().toISOString();
    const instants: [keyof Database, string[]][] = [
      ["meeting", ["planned_at", "held_at", "minutes_drafted_at", "signed_at", "created_at", "updated_at"]],
      ["agenda_proposal", ["proposed_at"]],
      ["meeting_material", ["uploaded_at"]],
      ["tracked_task", ["reported_at", "closed_at", "created_at", "updated_at"]],
      ["tracked_task_progress", ["at"]],
      ["annual_plan", ["approved_at", "created_at", "updated_at"]],
      ["supervision", ["completed_at", "created_at"]],
      ["supervision_note", ["created_at"]],
      ["assessment", ["approved_at", "created_at", "updated_at"]],
      ["assessment_score", ["scored_at"]],
      ["annual_summary", ["approved_at", "created_at", "updated_at"]],
      ["report", ["signed_at", "submitted_at", "created_at", "updated_at"]],
      ["agreement_batch", ["issued_at"]],
      ["agreement", ["issued_at", "signed_at", "created_at"]],
      ["inspection_plan", ["created_at", "updated_at"]],
      ["inspection", ["closed_at", "created_at", "updated_at"]],
      ["inspection_finding", ["submitted_at", "verified_at", "created_at", "updated_at"]],
      ["self_check", ["submitted_at", "confirmed_at", "created_at", "updated_at"]],
    ];
    for (const [table, columns] of instants) {
      const rows = (await db()
        .selectFrom(table as "meeting")
        .selectAll()
        .execute()) as unknown as Record<string, unknown>[];
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows)
        for (const column of columns) {
          const value = row[column];
          if (typeof value === "string") expect(value <= now, `${table}.${column} ${value}`).toBe(true);
        }
    }
    const texts = [
      ...(await db().selectFrom("meeting").select("minutes_text as text").execute()),
      ...(await db().selectFrom("minutes_decision").select("text").execute()),
      ...(await db().selectFrom("annual_plan").select("body as text").execute()),
      ...(await db().selectFrom("supervision_note").select("text").execute()),
      ...(await db().selectFrom("annual_summary").select("text").execute()),
      ...(await db().selectFrom("report").select("body as text").execute()),
      ...(await db().selectFrom("agreement").select("body as text").execute()),
      ...(await db().selectFrom("inspection_plan").select("title as text").execute()),
      ...(await db().selectFrom("inspection").select("summary as text").execute()),
      ...(await db().selectFrom("inspection").select("results as text").execute()),
      ...(await db().selectFrom("self_check").select("answers as text").execute()),
      ...(
        await db()
          .selectFrom("inspection_finding")
          .select(["description", "plan_text", "progress", "evidence", "verification_note"])
          .execute()
      ).map((f) => ({ text: Object.values(f).join("\n") })),
    ];
    for (const { text } of texts) expect(hasSecrecyMarking(text ?? "")).toBe(false);
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

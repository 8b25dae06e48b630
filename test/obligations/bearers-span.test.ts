/**
 * Materializing a year reads each bearer role once for the whole year and picks the bearers of each date in memory
 * (bearers.ts, committeeRostersBetween). That must answer every date exactly as reading on that date does: here the
 * organization changes all through 2027 — a new Party secretary, a vice-president's security portfolio handed on, a
 * head leaving and an acting one arriving, a member unit closing, a clearance ending and another changing tier,
 * delegations coming and going — and the days around each change are compared with a read on that day alone.
 */
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bearer as DutyBearer } from "../../src/domain/policy/catalogue.js";
import { addDays } from "../../src/domain/periods.js";
import { type Policy } from "../../src/domain/policy/schema.js";
import { BearerDirectory, type Institution } from "../../src/features/obligations/bearers.js";
import { termsAround } from "../../src/features/obligations/academic-calendar.js";
import { planSpan } from "../../src/features/obligations/plan.js";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { committeeRoster, committeeRostersBetween } from "../../src/features/responsibility/committee.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { testDialects } from "../databases.js";
import { obligationWorld, type ObligationWorld } from "./fixtures.js";

const FROM = "2027-01-01";
const TO = "2028-01-31";

/**
 * The days from one date to another that lie around a change: every change here falls on a 1st, a 10th, a 15th or a
 * month's last day, so these are each change's day and the days either side of it (every day would be ~400 rosters,
 * slow on PostgreSQL for nothing more).
 */
function days(from: string, to: string): string[] {
  const around = new Set(["01", "02", "09", "10", "14", "15", "16", "28", "29", "30", "31"]);
  const all: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (around.has(d.slice(8))) all.push(d);
  return all;
}

describe.each(testDialects)("bearers read for a span, picked per date, on %s", (dialect) => {
  let w: ObligationWorld;
  let policy: Policy;
  let institution: Institution;
  let roles: DutyBearer[];
  let otherHead: string;

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    const db = w.app.db.kysely;
    policy = (await activePolicy(db)).policy;
    roles = [...new Set(policy.duties.map((d) => d.bearer))];
    const at = toInstant(w.clock());
    const { root, a, b } = w.units;
    institution = { id: root.id, name: "广东技术师范学院", path: root.path };

    // A new Party secretary (committee director) from July; the old one leaves at the end of June.
    await db
      .updateTable("appointment")
      .set({ ends_on: "2027-06-30" })
      .where("person_id", "=", w.people.secretary)
      .execute();
    await w.appoint(await w.addPerson("张新书记", root.id), root.id, "PARTY_SECRETARY", "2027-07-01");
    // Deputies: the discipline secretary from March; two vice-presidents, the security portfolio passing between them.
    await w.appoint(await w.addPerson("纪书记", root.id), root.id, "DISCIPLINE_SECRETARY", "2027-03-15");
    const vp1 = await w.addPerson("甲副院长", root.id);
    const vp2 = await w.addPerson("乙副院长", root.id);
    await w.appoint(vp1, root.id, "VICE_PRESIDENT", "2025-01-01");
    await w.appoint(vp2, root.id, "VICE_PRESIDENT", "2027-02-01");
    const portfolio = (personId: string, area: string, startsOn: string, endsOn: string | null) =>
      db
        .insertInto("portfolio")
        .values({
          id: uuidv7(),
          person_id: personId,
          unit_id: root.id,
          area,
          starts_on: startsOn,
          ends_on: endsOn,
          created_by: null,
          created_at: at,
        })
        .execute();
    await portfolio(vp1, "security", "2025-01-01", "2027-05-31");
    await portfolio(vp2, "security", "2027-06-01", null);
    await portfolio(vp1, "business", "2027-06-01", null);
    // The secrecy portfolio changes hands in October.
    await db
      .updateTable("portfolio")
      .set({ ends_on: "2027-09-30" })
      .where("person_id", "=", w.people.secLeader)
      .execute();
    await portfolio(await w.addPerson("新分管", root.id), "secrecy", "2027-10-01", null);
    // Unit A's head leaves in April; an acting head from mid-May. Unit B, coded as a member office, closes in August.
    await db
      .updateTable("appointment")
      .set({ ends_on: "2027-04-30" })
      .where("person_id", "=", w.people.headA)
      .execute();
    await db
      .insertInto("appointment")
      .values({
        id: uuidv7(),
        person_id: await w.addPerson("代院长", a.id),
        unit_id: a.id,
        position: "UNIT_HEAD",
        acting: 1,
        starts_on: "2027-05-15",
        ends_on: null,
        created_by: null,
        created_at: at,
      })
      .execute();
    await db
      .updateTable("unit")
      .set({ code: "SECURITY_DEPT", closed_on: "2027-08-01" })
      .where("id", "=", b.id)
      .execute();
    // Clearances: one ending in August, one changing tier in July.
    await db
      .updateTable("clearance")
      .set({ ends_on: "2027-08-31" })
      .where("person_id", "=", w.people.important)
      .execute();
    await db
      .updateTable("clearance")
      .set({ ends_on: "2027-06-30" })
      .where("person_id", "=", w.people.general)
      .execute();
    await db
      .insertInto("clearance")
      .values({
        id: uuidv7(),
        person_id: w.people.general,
        tier: "CORE",
        starts_on: "2027-07-01",
        ends_on: null,
        granted_by: w.admin.id,
        created_at: at,
      })
      .execute();
    // Delegations from the director, one within the span and one across its start.
    for (const [startsOn, endsOn] of [
      ["2026-12-01", "2027-01-01"],
      ["2027-04-01", "2027-04-30"],
    ] as const)
      await db
        .insertInto("delegation")
        .values({
          id: uuidv7(),
          institution_id: root.id,
          delegate_person_id: w.people.president,
          purpose: "代行主任职责",
          starts_on: startsOn,
          ends_on: endsOn,
          created_by: null,
          created_at: at,
        })
        .execute();

    // Another institution beside it, with a classified unit: its head must sit on no committee but its own.
    const other = uuidv7();
    const otherUnit = uuidv7();
    for (const [id, parent, path, kind] of [
      [other, null, `/${other}/`, "institution"],
      [otherUnit, other, `/${other}/${otherUnit}/`, "unit"],
    ] as const)
      await db
        .insertInto("unit")
        .values({ id, parent_id: parent, path, name: id, kind, sort_order: 0, created_at: at, updated_at: at })
        .execute();
    await db.updateTable("unit").set({ classified: 1 }).where("id", "=", otherUnit).execute();
    otherHead = await w.addPerson("外校院长", otherUnit);
    await w.appoint(otherHead, otherUnit, "UNIT_HEAD", "2020-01-01");
  });
  afterAll(() => w.t.close());

  it("gives the committee roster of a day in the span exactly as committeeRoster reads it on that day", async () => {
    const db = w.app.db.kysely;
    const rosterOn = await committeeRostersBetween(db, policy, institution.id, FROM, TO);
    const seen = new Set<string>();
    for (const day of days(FROM, TO)) {
      const expected = await committeeRoster(db, policy, institution.id, day);
      expect(rosterOn(day), day).toEqual(expected);
      seen.add(JSON.stringify({ ...expected, at: "" }));
    }
    // The span really saw the roster change, and never the other institution's classified unit.
    expect(seen.size).toBeGreaterThan(5);
    expect([...seen].some((r) => r.includes(otherHead))).toBe(false);
    expect(() => rosterOn("2028-02-01")).toThrow(RangeError);
  });

  it("gives every role's bearers on a day of a year's span as a read on that day alone gives them", async () => {
    const db = w.app.db.kysely;
    const span = planSpan({ year: 2027, semesters: await termsAround(db, institution.id, 2027) });
    expect(span).toEqual({ from: "2027-01-01", to: expect.stringMatching(/^2028-0[12]-/) as unknown });
    const spanned = new BearerDirectory(db, policy, institution, span);
    for (const day of days(span.from, span.to)) {
      const daily = new BearerDirectory(db, policy, institution);
      for (const role of roles)
        expect(await spanned.bearers(role, day), `${role} ${day}`).toEqual(await daily.bearers(role, day));
    }
  });

  it("counts a clearance in force at any time of a range, and reads a date outside the span on its own", async () => {
    const db = w.app.db.kysely;
    const spanned = new BearerDirectory(db, policy, institution, { from: FROM, to: TO });
    const ranges: [string, string][] = [
      ["2027-01-01", "2027-12-31"],
      ["2027-07-01", "2027-09-30"],
      ["2027-09-01", "2027-12-31"],
      ["2027-06-30", "2027-06-30"],
      // Outside the span: read for that range alone.
      ["2026-06-01", "2026-12-31"],
      ["2028-01-15", "2028-03-31"],
    ];
    for (const [at, until] of ranges) {
      const daily = new BearerDirectory(db, policy, institution);
      const found = await spanned.bearers("clearedPerson", at, until);
      expect(found, `${at}–${until}`).toEqual(await daily.bearers("clearedPerson", at, until));
      if (at === "2027-01-01") {
        // The tier held last in the range, the span from the first clearance.
        expect(found.find((b) => b.personId === w.people.general)).toMatchObject({
          tier: "CORE",
          clearedFrom: "2026-06-01",
          clearedTo: null,
        });
      }
    }
    expect((await spanned.bearers("clearedPerson", "2027-09-01", "2027-12-31")).map((b) => b.personId)).not.toContain(
      w.people.important,
    );
    for (const role of roles)
      expect(await spanned.bearers(role, "2029-03-01"), role).toEqual(
        await new BearerDirectory(db, policy, institution).bearers(role, "2029-03-01"),
      );
  });
});

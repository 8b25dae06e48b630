import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../databases.js";
import { type Client, createTestAccount, grantRole, seedOrg, signIn, type Org } from "../factories.js";
import { buildTestApp, testClock, type TestApp } from "../harness.js";

interface Link {
  level: string;
  vacant: boolean;
  citation: string;
  holders: { personName: string; acting: boolean; basisName: string }[];
}

describe.each(testDialects)("responsibility on %s", (dialect) => {
  let t: TestApp;
  let org: Org;
  let office: Client;
  const people: Record<string, string> = {};
  let securityDept = "";

  async function ok<T>(
    res: Promise<{ statusCode: number; body: string; json: () => unknown }>,
    status = 200,
  ): Promise<T> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { clock: testClock(new Date("2027-03-01T02:00:00Z")) });
    org = await seedOrg(t.app);
    const officer = await createTestAccount(t.app, { username: "r-office", unitId: org.root.id });
    const admin = await createTestAccount(t.app, { username: "r-secadmin", adminRole: "SECURITY_ADMIN" });
    await grantRole(t.app, officer.id, "secrecyOffice", org.root.id, admin.id);
    office = await signIn(t.app, officer);
    securityDept = (
      await ok<{ id: string }>(
        office.post("/api/units", { parentId: org.root.id, name: "保卫处", code: "SECURITY_DEPT" }),
        201,
      )
    ).id;
    await ok(office.request("PATCH", `/api/units/${org.a.id}`, { classified: true }));
    for (const [key, name, unitId] of [
      ["sec1", "王书记", org.root.id],
      ["sec2", "李书记", org.root.id],
      ["pres", "陈院长", org.root.id],
      ["vp", "赵副院长", org.root.id],
      ["secLeader", "孙副书记", org.root.id],
      ["headA", "周主任", org.a.id],
      ["actingA", "吴老师", org.a.id],
      ["secHead", "郑处长", securityDept],
    ] as const) {
      people[key] = (
        await ok<{ id: string }>(office.post("/api/people", { name, unitId, staffNo: `S-${key}` }), 201)
      ).id;
    }
    const appoint = (
      person: string,
      unitId: string,
      position: string,
      startsOn: string,
      endsOn: string | null = null,
      acting = false,
    ) =>
      ok(
        office.post("/api/appointments", { personId: people[person], unitId, position, startsOn, endsOn, acting }),
        201,
      );
    await appoint("sec1", org.root.id, "PARTY_SECRETARY", "2024-01-01", "2027-03-31");
    await appoint("sec2", org.root.id, "PARTY_SECRETARY", "2027-04-01");
    await appoint("pres", org.root.id, "PRESIDENT", "2023-09-01");
    await appoint("vp", org.root.id, "VICE_PRESIDENT", "2023-09-01");
    await appoint("headA", org.a.id, "UNIT_HEAD", "2022-01-01", "2027-02-28");
    await appoint("actingA", org.a.id, "UNIT_HEAD", "2027-03-10", null, true);
    await appoint("secHead", securityDept, "UNIT_HEAD", "2025-01-01");
    const portfolio = (person: string, unitId: string, area: string) =>
      ok(office.post("/api/portfolios", { personId: people[person], unitId, area, startsOn: "2023-09-01" }), 201);
    await portfolio("vp", org.a.id, "business");
    await portfolio("vp", org.root.id, "security");
    await portfolio("secLeader", org.root.id, "secrecy");
  });
  afterAll(() => t.close());

  const chain = (unitId: string, at: string) =>
    ok<{ links: Link[] }>(office.get(`/api/responsibility/chain?unitId=${unitId}&at=${at}`));
  const names = (link: Link | undefined) => link?.holders.map((h) => `${h.personName}${h.acting ? "(代)" : ""}`) ?? [];

  it("answers who was responsible for a unit on a date, level by level, citing the articles", async () => {
    const { links } = await chain(org.a1.id, "2027-01-15");
    expect(links.map((l) => l.level)).toEqual(["unitHead", "portfolioLeader", "secrecyLeader", "principalLeaders"]);
    expect(links.map((l) => l.citation)).toEqual(["第六条", "第五条", "第四条", "第三条"]);
    // A1 has no head of its own: a vacancy, shown, not filled from A.
    expect(links[0]).toMatchObject({ vacant: true, holders: [] });
    expect(names(links[1])).toEqual(["赵副院长"]);
    expect(names(links[2])).toEqual(["孙副书记"]);
    expect(names(links[3]).sort()).toEqual(["王书记", "陈院长"].sort());
  });

  it("travels in time: a vacancy, then an acting head, then a new Party secretary", async () => {
    expect(names((await chain(org.a.id, "2027-02-28")).links[0])).toEqual(["周主任"]);
    expect((await chain(org.a.id, "2027-03-05")).links[0]).toMatchObject({ vacant: true });
    expect(names((await chain(org.a.id, "2027-03-15")).links[0])).toEqual(["吴老师(代)"]);
    expect(names((await chain(org.a.id, "2027-03-31")).links[3])).toContain("王书记");
    expect(names((await chain(org.a.id, "2027-04-01")).links[3])).toContain("李书记");
  });

  it("refuses overlapping appointments to a one-holder post, naming the holder", async () => {
    const res = await office.post("/api/appointments", {
      personId: people.headA,
      unitId: org.a.id,
      position: "UNIT_HEAD",
      startsOn: "2027-04-01",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toContain("吴老师");
    const bad = await office.post("/api/appointments", {
      personId: people.headA,
      unitId: org.a.id,
      position: "NO_SUCH_POST",
      startsOn: "2027-04-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ details: { issues: [{ field: "body.position" }] } });
    const backwards = await office.post("/api/appointments", {
      personId: people.headA,
      unitId: org.b.id,
      position: "UNIT_HEAD",
      startsOn: "2027-04-01",
      endsOn: "2027-01-01",
    });
    expect(backwards.statusCode).toBe(400);
  });

  it("derives the committee from positions: a new Party secretary is director from the day of appointment", async () => {
    type Roster = { citation: string; seats: { seat: string; basisName: string; holders: { personName: string }[] }[] };
    const before = await ok<Roster>(office.get(`/api/committee?institutionId=${org.root.id}&at=2027-03-31`));
    const after = await ok<Roster>(office.get(`/api/committee?institutionId=${org.root.id}&at=2027-04-01`));
    const director = (r: Roster) => r.seats.find((s) => s.seat === "director")?.holders.map((h) => h.personName);
    expect(before.citation).toBe("第八条");
    expect(director(before)).toEqual(["王书记"]);
    expect(director(after)).toEqual(["李书记"]);
    const deputies = after.seats.filter((s) => s.seat === "deputyDirector");
    expect(deputies.flatMap((s) => s.holders.map((h) => h.personName))).toEqual(
      expect.arrayContaining(["陈院长", "赵副院长"]),
    );
    // The discipline secretary's seat is vacant and listed as such.
    expect(deputies.some((s) => s.holders.length === 0)).toBe(true);
    const members = after.seats.filter((s) => s.seat === "member");
    expect(members.map((m) => m.basisName)).toEqual(["保卫处", "计算机科学学院"]);
    expect(members[0]?.holders.map((h) => h.personName)).toEqual(["郑处长"]);
  });

  it("exports the roster as a real .xlsx", async () => {
    const res = await office.get(`/api/committee/export?institutionId=${org.root.id}&at=2027-04-01`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("保密委员会");
    expect(sheet?.getCell("A1").text).toContain("保密委员会组成（截至 2027-04-01，依据第八条）");
    const values = sheet?.getSheetValues().flat().map(String) ?? [];
    expect(values).toEqual(expect.arrayContaining(["主任", "李书记", "（空缺）"]));
  });

  it("records the director's delegation to a deputy, and only to a deputy (Art. 10(2))", async () => {
    const body = {
      institutionId: org.root.id,
      purpose: "主持 2027 年春季例会",
      startsOn: "2027-04-10",
      endsOn: "2027-04-12",
    };
    const good = await office.post("/api/committee/delegations", { ...body, delegatePersonId: people.pres });
    expect(good.statusCode).toBe(201);
    const bad = await office.post("/api/committee/delegations", { ...body, delegatePersonId: people.headA });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain("第十条第（二）项");
    const roster = await ok<{ delegations: { delegate: { name: string } }[] }>(
      office.get(`/api/committee?institutionId=${org.root.id}&at=2027-04-11`),
    );
    expect(roster.delegations.map((d) => d.delegate.name)).toEqual(["陈院长"]);
  });

  it("shows each person their roles and duties with the article text (我的职责)", async () => {
    const head = await createTestAccount(t.app, { username: "r-head" });
    await t.app.db.kysely.updateTable("account").set({ person_id: people.secHead }).where("id", "=", head.id).execute();
    const client = await signIn(t.app, head);
    type Mine = {
      roles: {
        role: string;
        roleName: string;
        basis: string;
        duties: { citation: string; title: string; articleText: string }[];
        articles: { citation: string; text: string }[];
      }[];
    };
    const mine = await ok<Mine>(client.get("/api/responsibility/mine?at=2027-04-01"));
    const roles = mine.roles.map((r) => r.role);
    expect(roles).toEqual(expect.arrayContaining(["unitHead", "member"]));
    const unitHead = mine.roles.find((r) => r.role === "unitHead");
    expect(unitHead?.articles[0]).toMatchObject({ citation: "第六条" });
    expect(unitHead?.duties.length).toBeGreaterThan(0);
    expect(unitHead?.duties.every((d) => d.citation.startsWith("第六条") || d.citation.startsWith("第二条"))).toBe(
      true,
    );
    const member = mine.roles.find((r) => r.role === "member");
    expect(member?.duties.map((d) => d.citation)).toEqual(expect.arrayContaining(["第十一条第（四）项"]));
  });

  it("speaks English when asked, for everything the rules give in both languages", async () => {
    const res = await office.request("GET", "/api/policy", undefined, { "accept-language": "en-US" });
    const policy = res.json<{ duties: { id: string; title: string; cadence: string; bearer: string }[] }>();
    const meeting = policy.duties.find((d) => d.id === "art12.1.regular-meeting");
    expect(meeting?.title).toMatch(/[A-Za-z]/);
    expect(meeting?.title).not.toMatch(/[\u4e00-\u9fff]/);
    expect(meeting?.cadence).toMatch(/semester/i);
    const chain = await office.request("GET", `/api/responsibility/chain?unitId=${org.a.id}&at=2027-03-15`, undefined, {
      "accept-language": "en",
    });
    expect(chain.json<{ links: Link[] }>().links[0]?.holders[0]?.basisName).toBe("Head of unit");
  });

  it("serves the implementing rules in force, all 17 articles", async () => {
    const policy = await ok<{ docNo: string; articles: { citation: string; items: unknown[] }[]; duties: unknown[] }>(
      office.get("/api/policy"),
    );
    expect(policy.docNo).toBe("广师保密〔2012〕14号");
    expect(policy.articles).toHaveLength(17);
    expect(policy.articles[12]?.items).toHaveLength(10);
    expect(policy.duties.length).toBeGreaterThan(20);
  });
});

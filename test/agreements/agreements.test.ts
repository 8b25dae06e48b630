import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signatureInput } from "../../src/domain/agreement.js";
import { sha256Hex } from "../../src/platform/auth/tokens.js";
import { testDialects } from "../databases.js";
import { agreementWorld, type AgreementJson, type AgreementWorld, type IssueJson } from "./fixtures.js";

describe.each(testDialects)("responsibility agreements on %s", (dialect) => {
  let w: AgreementWorld;
  let first: IssueJson;
  const byUnit = (unitId: string) => first.issued.find((i) => i.unit.id === unitId)?.id ?? "";

  beforeAll(async () => {
    w = await agreementWorld(dialect);
  });
  afterAll(() => w.t.close());

  const issue = (body: Record<string, unknown> = { year: 2027, templateId: "agreement.unit-head" }) =>
    w.clients.office.post("/api/agreements/batches", body);

  it("issues 2027's agreements to every unit head on the issue date: acting heads marked, vacancies reported", async () => {
    const res = await issue();
    expect(res.statusCode, res.body).toBe(201);
    first = res.json<IssueJson>();
    const issued = first.issued.map((i) => `${i.unit.name}:${i.person.name}${i.acting ? "(代)" : ""}`).sort();
    expect(issued).toEqual(["外国语学院:周主任", "计算机科学学院:吴老师(代)"].sort());
    expect(first.vacancies.map((v) => v.unit.name)).toEqual(["软件工程系"]);
    expect(first.alreadyIssued).toBe(0);
    const one = await w.clients.office.get(`/api/agreements/${byUnit(w.org.b.id)}`);
    const agreement = one.json<AgreementJson>();
    expect(agreement).toMatchObject({ status: "issued", statusName: "待签署", title: "二级单位保密工作责任书" });
    expect(agreement.paragraphs[0]).toContain("广东技术师范学院与外国语学院签订本责任书");
    expect(agreement.paragraphs[1]).toBe(
      "周主任同志作为外国语学院主要负责人，对本单位保密工作负有直接领导责任，2027年度应当切实履行以下职责：",
    );
    expect(agreement.paragraphs.join("")).not.toMatch(/\{\{|\}\}/);
    expect(agreement.citations).toContain("第六条");
    const audit = await w.t.app.db.kysely
      .selectFrom("audit_entry")
      .select(["object_id", "result"])
      .where("action", "=", "agreement.issue")
      .execute();
    expect(audit).toEqual([{ object_id: first.batch.id, result: "success" }]);
  });

  it("re-issues idempotently: only units without a live agreement get one", async () => {
    const again = await issue();
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<IssueJson>()).toMatchObject({ issued: [], alreadyIssued: 2, batch: { id: first.batch.id } });
    // A1 gets a head: the next call issues A1's and nothing else.
    const head = await w.t.app.db.kysely
      .insertInto("person")
      .values({
        id: "0190a1a1-0000-7000-8000-000000000001",
        name: "郑主任",
        unit_id: w.org.a1.id,
        created_at: "2027-03-01T00:00:00.000Z",
        updated_at: "2027-03-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await w.appoint(head.id, w.org.a1.id, "2027-03-01");
    const third = (await issue()).json<IssueJson>();
    expect(third.issued.map((i) => i.unit.name)).toEqual(["软件工程系"]);
    expect(third.vacancies).toEqual([]);
    const count = await w.t.app.db.kysely
      .selectFrom("agreement")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it("refuses an unknown template, a pledge template, and anyone but the secrecy office", async () => {
    const unknown = await issue({ year: 2027, templateId: "agreement.nope" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ details: { issues: [{ field: "body.templateId" }] } });
    expect((await issue({ year: 2027, templateId: "pledge.cleared-person" })).statusCode).toBe(400);
    expect((await issue({ year: 2027, templateId: "agreement.unit-head", extra: 1 })).statusCode).toBe(400);
    const byHead = await w.clients.headB.post("/api/agreements/batches", {
      year: 2027,
      templateId: "agreement.unit-head",
    });
    expect(byHead.statusCode).toBe(403);
  });

  it("issues leaders' templates to each holder of the role, at the institution", async () => {
    const res = await issue({ year: 2027, templateId: "agreement.secrecy-leader" });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<IssueJson>();
    expect(body.issued.map((i) => `${i.unit.name}:${i.person.name}`)).toEqual(["广东技术师范学院:孙副书记"]);
    // Nobody holds a business portfolio: the role is vacant and said to be.
    const leaders = (await issue({ year: 2027, templateId: "agreement.portfolio-leader" })).json<IssueJson>();
    expect(leaders.issued).toEqual([]);
    expect(leaders.vacancies.map((v) => v.unit.name)).toEqual(["广东技术师范学院"]);
  });

  it("lists within scope, and always the signer's own", async () => {
    type List = { items: { person: { name: string } }[] };
    const names = async (client: keyof AgreementWorld["clients"], query = "?year=2027") =>
      (await w.clients[client].get(`/api/agreements${query}`))
        .json<List>()
        .items.map((i) => i.person.name)
        .sort();
    expect(await names("office")).toEqual(["吴老师", "周主任", "孙副书记", "郑主任"].sort());
    expect(await names("headB")).toEqual(["周主任"]);
    expect(await names("headA")).toEqual(["吴老师"]);
    expect(await names("outsider")).toEqual(["吴老师", "郑主任"].sort());
    expect(await names("office", `?year=2027&unitId=${w.org.a.id}`)).toEqual(["吴老师", "郑主任"].sort());
    expect(await names("office", "?year=2026")).toEqual([]);
    const paged = (await w.clients.office.get("/api/agreements?limit=3")).json<{
      items: unknown[];
      nextCursor: string;
    }>();
    expect(paged.items).toHaveLength(3);
    const rest = (await w.clients.office.get(`/api/agreements?limit=3&cursor=${paged.nextCursor}`)).json<List>();
    expect(rest.items).toHaveLength(1);
  });

  it("shows an agreement to its signer and to scopes over its unit; 404 to others", async () => {
    const id = byUnit(w.org.b.id);
    expect((await w.clients.headB.get(`/api/agreements/${id}`)).json<AgreementJson>().abilities).toEqual({
      sign: true,
      void: false,
    });
    expect((await w.clients.office.get(`/api/agreements/${id}`)).json<AgreementJson>().abilities).toEqual({
      sign: false,
      void: true,
    });
    expect((await w.clients.outsider.get(`/api/agreements/${id}`)).statusCode).toBe(404);
    expect((await w.clients.outsider.get(`/api/agreements/${id}/document`)).statusCode).toBe(404);
    expect((await w.clients.office.get("/api/agreements/no-such-id")).statusCode).toBe(404);
  });

  it("signs with the password re-entered: wrong password refused naming the field; only the signer", async () => {
    const id = byUnit(w.org.b.id);
    const wrong = await w.clients.headB.post(`/api/agreements/${id}/sign`, { password: "不是这个密码" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ details: { issues: [{ field: "body.password" }] } });
    expect(wrong.json<{ message: string }>().message).toContain("密码不正确");
    const failures = await w.t.app.db.kysely
      .selectFrom("audit_entry")
      .select("result")
      .where("action", "=", "agreement.sign")
      .where("object_id", "=", id)
      .execute();
    expect(failures).toEqual([{ result: "failure" }]);
    expect(
      (await w.clients.office.post(`/api/agreements/${id}/sign`, { password: w.accounts.office.password })).statusCode,
    ).toBe(403);
    expect(
      (await w.clients.outsider.post(`/api/agreements/${id}/sign`, { password: w.accounts.outsider.password }))
        .statusCode,
    ).toBe(404);
    expect((await w.clients.headB.post(`/api/agreements/${id}/sign`, {})).statusCode).toBe(400);

    const res = await w.clients.headB.post(`/api/agreements/${id}/sign`, { password: w.accounts.headB.password });
    expect(res.statusCode, res.body).toBe(200);
    const signed = res.json<AgreementJson>();
    expect(signed).toMatchObject({ status: "signed", statusName: "已签署", abilities: { sign: false, void: false } });
    const row = await w.t.app.db.kysely
      .selectFrom("agreement")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    // Anyone holding the record can recompute the hash from the text, the signer and the time.
    expect(signed.signature).toBe(
      sha256Hex(
        signatureInput({
          agreementId: id,
          title: row.title,
          body: row.body,
          personId: row.person_id,
          accountId: w.accounts.headB.id,
          signedAt: row.signed_at ?? "",
        }),
      ),
    );
    const twice = await w.clients.headB.post(`/api/agreements/${id}/sign`, { password: w.accounts.headB.password });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ message: string }>().message).toContain("已签署");
  });

  it("lets exactly one of two concurrent signatures land", async () => {
    const id = byUnit(w.org.a.id);
    const pair = await Promise.all([
      w.clients.headA.post(`/api/agreements/${id}/sign`, { password: w.accounts.headA.password }),
      w.clients.headA.post(`/api/agreements/${id}/sign`, { password: w.accounts.headA.password }),
    ]);
    expect(pair.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const entries = await w.t.app.db.kysely
      .selectFrom("audit_entry")
      .select("result")
      .where("action", "=", "agreement.sign")
      .where("object_id", "=", id)
      .execute();
    expect(entries).toEqual([{ result: "success" }]);
  });

  it("voids only unsigned agreements, with a reason, by the secrecy office; a voided unit can be issued again", async () => {
    const signed = byUnit(w.org.b.id);
    const a1 = (await w.clients.office.get(`/api/agreements?unitId=${w.org.a1.id}`)).json<{ items: AgreementJson[] }>()
      .items[0];
    const id = a1?.id ?? "";
    expect((await w.clients.office.post(`/api/agreements/${signed}/void`, { reason: "录入错误" })).statusCode).toBe(
      409,
    );
    expect((await w.clients.office.post(`/api/agreements/${id}/void`, {})).statusCode).toBe(400);
    expect((await w.clients.outsider.post(`/api/agreements/${id}/void`, { reason: "无权作废" })).statusCode).toBe(403);
    expect((await w.clients.headB.post(`/api/agreements/${id}/void`, { reason: "无权作废" })).statusCode).toBe(404);
    const marked = await w.clients.office.post(`/api/agreements/${id}/void`, { reason: "见机密★20年文件" });
    expect(marked.statusCode).toBe(400);
    expect(marked.json<{ message: string }>().message).toContain("第三十一条");
    const res = await w.clients.office.post(`/api/agreements/${id}/void`, { reason: "责任人岗位调整，重新签发" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AgreementJson>()).toMatchObject({ status: "voided", statusName: "已作废" });
    const again = await w.clients.office.post(`/api/agreements/${id}/void`, { reason: "再次作废" });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toContain("已作废");
    const reissued = (await issue()).json<IssueJson>();
    expect(reissued.issued.map((i) => i.unit.name)).toEqual(["软件工程系"]);
  });

  it("reports progress by unit: issued, signed, outstanding, % signed", async () => {
    type Progress = {
      units: { unit: { name: string }; issued: number; signed: number; outstanding: number; percentSigned: number }[];
      totals: Record<string, number>;
    };
    const res = await w.clients.office.get("/api/agreements/progress?year=2027&templateId=agreement.unit-head");
    expect(res.statusCode, res.body).toBe(200);
    const progress = res.json<Progress>();
    const rows = Object.fromEntries(
      progress.units.map((u) => [u.unit.name, [u.issued, u.signed, u.outstanding, u.percentSigned]]),
    );
    expect(rows).toEqual({ 计算机科学学院: [1, 1, 0, 100], 软件工程系: [1, 0, 1, 0], 外国语学院: [1, 1, 0, 100] });
    expect(progress.totals).toEqual({ issued: 3, signed: 2, outstanding: 1, percentSigned: 66.7 });
    const all = (await w.clients.office.get("/api/agreements/progress?year=2027")).json<Progress>();
    expect(all.totals).toMatchObject({ issued: 4, signed: 2, outstanding: 2, percentSigned: 50 });
    const mine = (await w.clients.headB.get("/api/agreements/progress?year=2027")).json<Progress>();
    expect(mine.units.map((u) => u.unit.name)).toEqual(["外国语学院"]);
    expect((await w.clients.office.get("/api/agreements/progress")).statusCode).toBe(400);
  });

  it("keeps a signed agreement as signed: the database refuses to edit or delete it", async () => {
    const id = byUnit(w.org.b.id);
    const db = w.t.app.db.kysely;
    await expect(
      db.updateTable("agreement").set({ body: "改过的文本" }).where("id", "=", id).execute(),
    ).rejects.toThrow();
    await expect(
      db
        .updateTable("agreement")
        .set({ signature: "0".repeat(64) })
        .where("id", "=", id)
        .execute(),
    ).rejects.toThrow();
    await expect(db.deleteFrom("agreement").where("id", "=", id).execute()).rejects.toThrow();
    await expect(sql`delete from agreement_batch`.execute(db)).rejects.toThrow();
    const unsigned = await db
      .selectFrom("agreement")
      .select("id")
      .where("status", "=", "issued")
      .executeTakeFirstOrThrow();
    await expect(
      db.updateTable("agreement").set({ body: "改过的文本" }).where("id", "=", unsigned.id).execute(),
    ).rejects.toThrow();
    const row = await db
      .selectFrom("agreement")
      .select(["body", "status"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("signed");
    expect(row.body).not.toContain("改过");
  });
});

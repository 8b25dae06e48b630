/**
 * Inspections and rectification through the API (第十一条第（四）项、第十三条第（六）项): the office plans a member's
 * half-yearly inspection; the team records results (a draft saved and resumed) and a finding, owned by the unit head the
 * resolver names; closing is refused while an item is unrecorded and then discharges the member's H1 obligation; the
 * opinion .docx lists the rectification items; the owner rectifies and submits, an inspector sends it back and then
 * verifies and closes it — never the owner. Bad input is a 400 naming the field or item and changes nothing; marked text
 * and files are refused; an inspector sees only what their plan covers; repeats and overdue findings are flagged.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zipEntries } from "../../src/platform/documents/zip-entries.js";
import { testDialects } from "../databases.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";
import { ALL_RESULTS } from "./unit-checklist.js";
import { insertOpenObligation } from "../obligations/open-obligation.js";

interface ErrorJson {
  message: string;
  details?: { issues?: { field: string; message: string }[]; state?: string };
}
interface PlanJson {
  id: string;
  kindName: string;
  inspections: { id: string; unit: { name: string }; status: string; itemCount: number }[];
  team: { name: string }[];
  obligations: { dutyId: string; status: string }[];
}
interface FindingJson {
  id: string;
  status: string;
  statusName: string;
  overdue: boolean;
  repeated: boolean;
  owner: { id: string; name: string } | null;
  abilities: Record<string, boolean>;
  rectification: { plan: string | null; returnReason: string | null; verificationNote: string | null };
}
interface InspectionJson {
  id: string;
  status: string;
  recorded: number;
  itemCount: number;
  results: { itemId: string; outcome: string; score: number | null }[];
  score: { earned: number; possible: number; vetoed: boolean };
  findings: FindingJson[];
  attachments: { id: string; name: string; itemId: string | null }[];
  abilities: Record<string, boolean>;
}

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");

describe.each(testDialects)("inspections on %s", (dialect) => {
  let w: ObligationWorld;
  const plan = (overrides: Record<string, unknown> = {}) => ({
    kind: "member",
    title: "2027年上半年委员分管范围保密检查",
    year: 2027,
    half: 1,
    leadPersonId: w.people.headA,
    teamIds: [w.people.core],
    unitIds: [w.units.b.id],
    startsOn: "2027-03-01",
    endsOn: "2027-06-30",
    templateId: "unit-inspection",
    ...overrides,
  });
  const count = async (table: "inspection_plan" | "inspection_finding" | "inspection_attachment") =>
    Number(
      (
        await w.app.db.kysely
          .selectFrom(table)
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const expectField = (res: { statusCode: number; json: <T>() => T }, field: string) => {
    expect(res.statusCode).toBe(400);
    const error = res.json<ErrorJson>();
    expect(error.details?.issues?.[0]?.field, JSON.stringify(error)).toBe(field);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  };

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    await w.materialize(2027);
  }, 120_000);
  afterAll(() => w.t.close());

  it("runs a member's H1 inspection from plan to verified closure and discharges the H1 obligation", async () => {
    const h1 = await w.obligation("art11.4.half-yearly-inspection", { periodId: "2027-H1" });
    let office = await w.as("office");
    const created = await office.post("/api/inspection-plans", plan());
    expect(created.statusCode).toBe(201);
    const p = created.json<PlanJson>();
    expect(p.kindName).toBe("委员半年检查");
    expect(p.team.map((t) => t.name)).toEqual(["吴院长", "陈核心"]);
    expect(p.inspections.map((i) => [i.unit.name, i.status, i.itemCount])).toEqual([["外国语学院", "draft", 7]]);
    const id = p.inspections[0]!.id;

    // The inspector (陈核心, no grant) saves a draft, and resumes it.
    let core = await w.as("core");
    const draft = await core.request("PUT", `/api/inspections/${id}/results`, { results: ALL_RESULTS.slice(0, 3) });
    expect(draft.statusCode).toBe(200);
    expect(draft.json<InspectionJson>()).toMatchObject({ recorded: 3, abilities: { record: true, close: true } });

    // Closing with unrecorded items names the first one; nothing changes.
    const early = await core.post(`/api/inspections/${id}/close`, {});
    expectField(early, "results.daily.personnel");

    // A finding: its owner is the unit head the resolver names today.
    const finding = await core.post(`/api/inspections/${id}/findings`, {
      itemId: "daily.carriers",
      category: "carrier",
      severity: "major",
      description: "涉密载体台账缺少 3 份载体的销毁记录",
      deadline: "2027-04-30",
    });
    expect(finding.statusCode).toBe(201);
    const f = finding.json<InspectionJson>().findings[0]!;
    expect(f).toMatchObject({ status: "open", statusName: "整改中", repeated: false, owner: { name: "周院长" } });
    // It puts its rectification on the owner's obligations, due on its deadline (art6.2.rectify-finding).
    const rectifyDuty = () =>
      w.app.db.kysely
        .selectFrom("obligation")
        .innerJoin("inspection_finding as f", "f.event_id", "obligation.event_id")
        .select(["obligation.state", "obligation.due_on", "obligation.bearer_unit_id", "obligation.responsible"])
        .where("obligation.duty_id", "=", "art6.2.rectify-finding")
        .where("f.id", "=", f.id)
        .executeTakeFirstOrThrow();
    expect(await rectifyDuty()).toMatchObject({ state: "open", due_on: "2027-04-30", bearer_unit_id: w.units.b.id });

    // A photo on site.
    const photo = await core.post(`/api/inspections/${id}/attachments`, {
      name: "台账.png",
      type: "image/png",
      contentBase64: PNG.toString("base64"),
      itemId: "daily.carriers",
    });
    expect(photo.statusCode).toBe(201);
    expect(photo.json<InspectionJson>().attachments).toEqual([
      expect.objectContaining({ name: "台账.png", itemId: "daily.carriers" }),
    ]);

    const all = await core.request("PUT", `/api/inspections/${id}/results`, { results: ALL_RESULTS });
    expect(all.json<InspectionJson>()).toMatchObject({
      recorded: 7,
      score: { earned: 31.5, possible: 40, vetoed: false },
    });
    w.setDay("2027-03-20");
    core = await w.as("core");
    office = await w.as("office");
    const closed = await core.post(`/api/inspections/${id}/close`, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.json<InspectionJson>()).toMatchObject({ status: "closed", abilities: { record: false } });

    // The member's H1 obligation is fulfilled by it, the member frozen as responsible.
    const obligation = await w.app.db.kysely
      .selectFrom("obligation")
      .select(["state", "record_kind", "record_id", "responsible"])
      .where("id", "=", h1)
      .executeTakeFirstOrThrow();
    expect(obligation).toMatchObject({ state: "fulfilled", record_kind: "inspection.closed", record_id: id });
    expect(JSON.parse(obligation.responsible ?? "[]")).toEqual([expect.objectContaining({ personId: w.people.headA })]);
    const again = await office.get(`/api/inspection-plans/${p.id}`);
    expect(again.json<PlanJson>().obligations).toEqual([
      expect.objectContaining({ dutyId: "art11.4.half-yearly-inspection", status: "fulfilled" }),
    ]);

    // A closed inspection is final: a 409 naming its state.
    const late = await core.request("PUT", `/api/inspections/${id}/results`, { results: ALL_RESULTS });
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorJson>().message).toContain("已结束");

    // The opinion lists the rectification item and its deadline.
    const docx = await office.get(`/api/inspections/${id}/opinion.docx`);
    expect(docx.statusCode).toBe(200);
    const xml =
      zipEntries(docx.rawPayload)
        ?.find((e) => e.name === "word/document.xml")
        ?.read(10_000_000)
        .toString("utf8") ?? "";
    const plain = xml.replace(/<[^>]+>/g, "");
    expect(plain).toContain("保密检查意见书");
    expect(plain).toContain("外国语学院");
    expect(plain).toContain("涉密载体台账缺少 3 份载体的销毁记录");
    expect(plain).toContain("2027年4月30日");

    // Rectification: the owner records, cannot submit without evidence, then submits.
    const headB = await w.as("headB");
    const rect = await headB.request("PUT", `/api/findings/${f.id}/rectification`, {
      plan: "补齐销毁记录，重新核对台账",
    });
    expect(rect.json<FindingJson>()).toMatchObject({ abilities: { rectify: true, submit: true, verify: false } });
    expectField(await headB.post(`/api/findings/${f.id}/submit`, {}), "evidence");
    await headB.request("PUT", `/api/findings/${f.id}/rectification`, {
      plan: "补齐销毁记录，重新核对台账",
      evidence: "已补登 3 份载体销毁记录，台账经保密员核对",
    });
    const submitted = await headB.post(`/api/findings/${f.id}/submit`, {});
    expect(submitted.json<FindingJson>()).toMatchObject({ status: "submitted", statusName: "待验证" });

    // The owner cannot verify their own rectification.
    const own = await headB.post(`/api/findings/${f.id}/verify`, { note: "已整改" });
    expect(own.statusCode).toBe(403);

    // The inspector sends it back with a reason; it is open again; a second submission is verified and closed.
    const back = await core.post(`/api/findings/${f.id}/return`, { reason: "缺少台账核对记录的签字页" });
    expect(back.json<FindingJson>()).toMatchObject({
      status: "open",
      rectification: { returnReason: "缺少台账核对记录的签字页" },
    });
    await headB.post(`/api/findings/${f.id}/submit`, {});
    const verified = await core.post(`/api/findings/${f.id}/verify`, { note: "经现场核对，整改到位" });
    expect(verified.statusCode).toBe(200);
    expect(verified.json<FindingJson>()).toMatchObject({ status: "closed", statusName: "已销号" });
    // Closing it fulfils the owner's duty, the owner frozen as responsible.
    const fulfilled = await rectifyDuty();
    expect(fulfilled.state).toBe("fulfilled");
    expect(JSON.parse(fulfilled.responsible ?? "[]")).toEqual([expect.objectContaining({ personId: w.people.headB })]);
    const twice = await core.post(`/api/findings/${f.id}/verify`, { note: "再次销号" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorJson>().message).toContain("已销号");
  });

  it("refuses bad input naming the field or item, and changes nothing", async () => {
    const office = await w.as("office");
    const plans = await count("inspection_plan");
    for (const [body, field] of [
      [plan({ half: undefined }), "body.half"],
      [plan({ endsOn: "2027-02-01" }), "body.endsOn"],
      [plan({ templateId: "no-such" }), "body.templateId"],
      [plan({ templateId: "personal-self-check" }), "body.templateId"],
      [plan({ unitIds: [w.units.b.id, w.units.b.id] }), "body.unitIds.1"],
      [plan({ teamIds: ["nobody"] }), "body.teamIds.0"],
      [plan({ extra: 1 }), ""],
    ] as const) {
      const res = await office.post("/api/inspection-plans", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (field) expectField(res, field);
    }
    const marked = await office.post("/api/inspection-plans", plan({ title: "机密★10年 载体专项检查" }));
    expect(marked.statusCode).toBe(400);
    expect(marked.json<ErrorJson>().message).toContain("机密★");
    expect(await count("inspection_plan")).toBe(plans);

    const p = (
      await office.post("/api/inspection-plans", plan({ kind: "office", half: undefined, teamIds: [] }))
    ).json<PlanJson>();
    const id = p.inspections[0]!.id;
    const put = (results: unknown[]) => office.request("PUT", `/api/inspections/${id}/results`, { results });
    expectField(await put([{ itemId: "no.such", outcome: "pass" }]), "body.results.0.itemId");
    expectField(await put([{ itemId: "org.agenda", outcome: "pass", score: 11 }]), "body.results.0.score");
    expectField(await put([{ itemId: "org.agenda", outcome: "pass" }]), "body.results.0.score");
    expectField(await put([{ itemId: "org.problems", outcome: "na" }]), "body.results.0.outcome");
    expectField(await put([{ itemId: "org.problems", outcome: "pass", score: 1 }]), "body.results.0.score");
    expect((await office.get(`/api/inspections/${id}`)).json<InspectionJson>().recorded).toBe(0);

    const findings = await count("inspection_finding");
    const finding = (body: Record<string, unknown>) =>
      office.post(`/api/inspections/${id}/findings`, {
        itemId: "daily.carriers",
        category: "carrier",
        severity: "minor",
        description: "载体台账不全",
        deadline: "2027-12-31",
        ...body,
      });
    expectField(await finding({ itemId: "nope" }), "body.itemId");
    expectField(await finding({ deadline: "2027-01-01" }), "body.deadline");
    expect((await finding({ description: "发现秘密★5年文件存放在普通柜中" })).statusCode).toBe(400);
    expect(await count("inspection_finding")).toBe(findings);

    const files = await count("inspection_attachment");
    const marks = await office.post(`/api/inspections/${id}/attachments`, {
      name: "记录.txt",
      type: "text/plain",
      contentBase64: Buffer.from("绝密★长期 的材料清单").toString("base64"),
    });
    expect(marks.statusCode).toBe(400);
    const exe = await office.post(`/api/inspections/${id}/attachments`, {
      name: "a.exe",
      type: "application/octet-stream",
      contentBase64: Buffer.from("MZ").toString("base64"),
    });
    expectField(exe, "body.name");
    expect(await count("inspection_attachment")).toBe(files);
  });

  it("lets an inspector see only what their plan covers; flags repeats and overdue findings", async () => {
    let office = await w.as("office");
    // A plan 陈核心 is not on.
    const other = (
      await office.post(
        "/api/inspection-plans",
        plan({ kind: "special", half: undefined, teamIds: [], title: "涉密载体专项检查" }),
      )
    ).json<PlanJson>();
    let core = await w.as("core");
    expect((await core.get(`/api/inspection-plans/${other.id}`)).statusCode).toBe(404);
    expect((await core.get(`/api/inspections/${other.inspections[0]!.id}`)).statusCode).toBe(404);
    const mine = (await core.get("/api/inspection-plans")).json<{ items: { id: string; title: string }[] }>();
    expect(mine.items.map((i) => i.title)).toEqual(["2027年上半年委员分管范围保密检查"]);
    expect((await office.get("/api/inspection-plans")).json<{ items: unknown[] }>().items.length).toBeGreaterThan(2);

    // The same unit and item as the first inspection's finding: flagged as a repeat.
    const repeat = await office.post(`/api/inspections/${other.inspections[0]!.id}/findings`, {
      itemId: "daily.carriers",
      category: "carrier",
      severity: "serious",
      description: "涉密载体销毁记录再次缺失",
      deadline: "2027-04-10",
    });
    const r = repeat.json<InspectionJson>().findings[0]!;
    expect(r.repeated).toBe(true);
    expect((await core.get(`/api/findings/${r.id}`)).statusCode).toBe(404);

    w.setDay("2027-04-15");
    office = await w.as("office");
    core = await w.as("core");
    const overdue = (await office.get(`/api/findings?overdue=true`)).json<{ items: FindingJson[] }>();
    expect(overdue.items.map((i) => i.id)).toEqual([r.id]);
    expect(overdue.items[0]).toMatchObject({ overdue: true, repeated: true });
    // Overdue, its rectification escalates through the obligations engine: the owner on the day, one level up a week on
    // (B has no portfolio leader: the leader in charge of secrecy work).
    const notices = async () => {
      const duty = await w.app.db.kysely
        .selectFrom("obligation")
        .innerJoin("inspection_finding as f", "f.event_id", "obligation.event_id")
        .select("obligation.id")
        .where("f.id", "=", r.id)
        .executeTakeFirstOrThrow();
      const sent = await w.app.db.kysely
        .selectFrom("notification as n")
        .innerJoin("account as a", "a.id", "n.account_id")
        .select(["n.kind", "n.level", "a.person_id"])
        .where("n.obligation_id", "=", duty.id)
        .orderBy("n.id")
        .execute();
      return sent.map((n) => [n.kind, Number(n.level), n.person_id]);
    };
    await w.runOn("2027-04-15");
    expect(await notices()).toContainEqual(["overdue", 1, w.people.headB]);
    await w.runOn("2027-04-22");
    expect(await notices()).toContainEqual(["escalated", 2, w.people.secLeader]);
    office = await w.as("office");
    core = await w.as("core");
    const serious = (await office.get(`/api/findings?severity=serious&unitId=${w.units.b.id}&status=open`)).json<{
      items: FindingJson[];
    }>();
    expect(serious.items.map((i) => i.id)).toEqual([r.id]);
    // The owner (周院长, finding.update on B) sees it; an inspector of another plan does not list it.
    expect(
      (await (await w.as("headB")).get("/api/findings?status=open"))
        .json<{ items: FindingJson[] }>()
        .items.map((i) => i.id),
    ).toContain(r.id);
    expect((await core.get("/api/findings")).json<{ items: FindingJson[] }>().items.map((i) => i.id)).not.toContain(
      r.id,
    );
    // Keyset pages by deadline then id.
    const first = (await office.get("/api/findings?limit=1")).json<{
      items: FindingJson[];
      nextCursor: string | null;
    }>();
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await office.get(`/api/findings?limit=1&cursor=${encodeURIComponent(first.nextCursor ?? "")}`)
    ).json<{ items: FindingJson[] }>();
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);

    // Even submitted (here straight in the table), a finding without evidence never closes.
    await w.app.db.kysely
      .updateTable("inspection_finding")
      .set({ status: "submitted", plan_text: "补齐记录" })
      .where("id", "=", r.id)
      .execute();
    expectField(await office.post(`/api/findings/${r.id}/verify`, { note: "同意销号" }), "evidence");
    expect((await office.get(`/api/findings/${r.id}`)).json<FindingJson>().status).toBe("submitted");

    const xlsx = await office.get("/api/findings/export");
    expect(xlsx.statusCode).toBe(200);
    expect(String(xlsx.headers["content-type"])).toContain("spreadsheetml");
  });
  it("discharges the office's key-department inspection duty by a closed office inspection on that checklist", async () => {
    // The duty is continuous (not materialized each year): an open obligation of it, as the engine would hold one.
    const obligationId = await insertOpenObligation(w, {
      dutyId: "art13.6.key-department-inspection",
      bearerRole: "secrecyOfficeUnit",
      bearerUnitId: w.units.office.id,
      bearerName: "保密办公室",
      year: 2027,
    });
    const office = await w.as("office");
    const p = (
      await office.post(
        "/api/inspection-plans",
        plan({
          kind: "office",
          half: undefined,
          title: "保密要害部门部位定期检查",
          leadPersonId: w.people.office,
          teamIds: [],
          unitIds: [w.units.a.id],
          templateId: "key-department-inspection",
        }),
      )
    ).json<PlanJson>();
    const id = p.inspections[0]!.id;
    await office.request("PUT", `/api/inspections/${id}/results`, {
      results: [
        { itemId: "site.access", outcome: "pass", score: 18 },
        { itemId: "site.devices", outcome: "pass" },
        { itemId: "staff.cleared", outcome: "pass", score: 20 },
        { itemId: "staff.carriers", outcome: "pass" },
      ],
    });
    expect((await office.post(`/api/inspections/${id}/close`, {})).statusCode).toBe(200);
    const row = await w.app.db.kysely
      .selectFrom("obligation")
      .select(["state", "record_id", "responsible"])
      .where("id", "=", obligationId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "fulfilled", record_id: id });
    expect(JSON.parse(row.responsible ?? "[]")).toEqual([expect.objectContaining({ personId: w.people.office })]);
  });
});

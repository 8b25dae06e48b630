/**
 * The office's scoring rubrics (评分表管理, migration 0025): a save of a shipped rubric is its next version, final by
 * trigger; the committee's next year-end assessment and a new self-assessment freeze the latest version, an assessment
 * already begun keeps the one it froze; bad drafts are refused naming the field and change nothing; only the office
 * over the whole institution saves; every save is audited.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../databases.js";
import { type Client } from "../factories.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";

interface RubricJson {
  id: string;
  version: number;
  article: string;
  total?: number;
  origin: string;
  originName: string;
  usedFor: string;
  note: string | null;
  savedBy: string | null;
  title: { zh: string; en: string };
  bands: { min: number; key: string; zh: string; en: string }[];
  sections: {
    id: string;
    title: { zh: string; en: string };
    items: {
      id: string;
      title: { zh: string; en: string };
      guidance?: { zh: string; en: string };
      kind: string;
      points: number;
    }[];
  }[];
}
interface ErrorJson {
  details?: { issues?: { field: string; message: string }[] };
}

/** A rubric as the editor sends it back: the stored fields without version and provenance. */
function draftOf(r: RubricJson): Record<string, unknown> {
  const { id, title, article, total, bands, sections } = r;
  return { id, title, article, ...(total === undefined ? {} : { total }), bands, sections };
}

describe.each(testDialects)("rubric editing on %s", (dialect) => {
  let w: ObligationWorld;
  let office: Client;
  let shipped: RubricJson;

  const rubrics = async (client: Client) => {
    const res = await client.get("/api/rubrics");
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: RubricJson[]; abilities: { edit: boolean } }>();
  };
  const versions = async (id: string) => {
    const res = await office.get(`/api/rubrics/${id}/versions`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: RubricJson[] }>().items;
  };
  const refused = async (draft: Record<string, unknown>, field: string) => {
    const res = await office.post("/api/rubrics", { rubric: draft });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorJson>().details?.issues?.map((i) => i.field)).toContain(field);
  };

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    office = await w.as("office");
    shipped = (await rubrics(office)).items.find((r) => r.id === "unit-assessment")!;
  }, 120_000);
  afterAll(() => w.t.close());

  it("lists the shipped rubrics with what each scores; the office may edit, a unit head may not", async () => {
    const list = await rubrics(office);
    expect(list.abilities.edit).toBe(true);
    expect(list.items.map((r) => [r.id, r.origin, r.version])).toEqual([
      ["institution-self-assessment", "shipped", 1],
      ["unit-assessment", "shipped", 1],
    ]);
    expect(shipped.usedFor).toContain("第十二条第（二）项");
    expect((await rubrics(await w.as("headA"))).abilities.edit).toBe(false);
  });

  it("refuses bad drafts naming the field, and saves nothing", async () => {
    const draft = draftOf(shipped);
    const bands = [...shipped.bands].reverse();
    await refused({ ...draft, bands }, "body.rubric.bands.1.min");
    await refused({ ...draft, total: 99 }, "body.rubric.total");
    await refused({ ...draft, id: "my-own-rubric" }, "body.rubric.id");
    await refused({ ...draft, article: "art13.6" }, "body.rubric.article");
    const sections = structuredClone(shipped.sections);
    sections[0]!.items.push({ ...sections[0]!.items[0]!, kind: "veto" });
    await refused({ ...draft, sections }, `body.rubric.sections.0.items.${sections[0]!.items.length - 1}.id`);
    const unknown = await office.post("/api/rubrics", { rubric: { ...draft, weight: 2 } });
    expect(unknown.statusCode).toBe(400);
    // Text that carries a secrecy marking never reaches the database.
    const marked = await office.post("/api/rubrics", { rubric: { ...draft, title: { zh: "机密★评分表" } } });
    expect(marked.statusCode, marked.body).toBe(400);
    // A unit head over one unit saves nothing either.
    const head = await (await w.as("headA")).post("/api/rubrics", { rubric: draft });
    expect(head.statusCode).toBe(403);
    expect((await versions("unit-assessment")).map((v) => v.version)).toEqual([1]);
  });

  it("saves an edit as version 2, which the year-end assessment then begins on; a begun one keeps its own", async () => {
    const sections = structuredClone(shipped.sections);
    sections[0]!.items[0]!.guidance = { zh: "查阅本年度保密工作会议记录与部署文件", en: "" };
    const res = await office.post("/api/rubrics", {
      rubric: { ...draftOf(shipped), sections, title: { zh: "二级单位保密工作年度考核评分表（本校修订）" } },
      note: "细化第一项的评分指引",
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json<RubricJson>();
    expect(saved).toMatchObject({
      id: "unit-assessment",
      version: 2,
      origin: "institution",
      note: "细化第一项的评分指引",
    });
    // English left empty: the Chinese stands in.
    expect(saved.title.en).toBe("二级单位保密工作年度考核评分表（本校修订）");
    expect(saved.sections[0]!.items[0]!.guidance).toEqual({
      zh: "查阅本年度保密工作会议记录与部署文件",
      en: "查阅本年度保密工作会议记录与部署文件",
    });
    expect((await versions("unit-assessment")).map((v) => [v.version, v.origin])).toEqual([
      [1, "shipped"],
      [2, "institution"],
    ]);
    expect((await rubrics(office)).items.find((r) => r.id === "unit-assessment")?.version).toBe(2);

    // The year's assessment, not yet begun, shows version 2 and freezes it with the first score.
    const year = await office.get("/api/supervision/2027");
    expect(year.statusCode, year.body).toBe(200);
    expect(year.json<{ assessment: { rubric: { version: number } } }>().assessment.rubric.version).toBe(2);
    const answers = Object.fromEntries(
      saved.sections.flatMap((section) =>
        section.items.map((item) => [
          item.id,
          item.kind === "veto" ? { vetoed: false } : { score: item.kind === "points" ? item.points : 0 },
        ]),
      ),
    );
    const scored = await office.request("PUT", `/api/supervision/2027/assessment/scores/${w.units.a.id}`, { answers });
    expect(scored.statusCode, scored.body).toBe(200);
    const frozen = async () => {
      const row = await w.app.db.kysely.selectFrom("assessment").select("rubric").executeTakeFirstOrThrow();
      return (JSON.parse(row.rubric) as { version: number }).version;
    };
    expect(await frozen()).toBe(2);

    // Version 3: the begun assessment keeps version 2.
    const third = await office.post("/api/rubrics", { rubric: { ...draftOf(saved), title: { zh: "第三版" } } });
    expect(third.json<RubricJson>().version).toBe(3);
    expect(await frozen()).toBe(2);
  });

  it("gives a new institution self-assessment the latest version of its rubric", async () => {
    const base = (await rubrics(office)).items.find((r) => r.id === "institution-self-assessment")!;
    const res = await office.post("/api/rubrics", {
      rubric: { ...draftOf(base), title: { zh: "本校保密自查自评表" } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const started = await office.post("/api/self-assessments", { unitId: w.units.root.id, year: 2027 });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json<{ rubric: { version: number; title: { zh: string } } }>().rubric).toMatchObject({
      version: 2,
      title: { zh: "本校保密自查自评表" },
    });
  });

  it("keeps versions final and audits every save", async () => {
    const db = w.app.db.kysely;
    await expect(sql`update rubric_version set note = 'x'`.execute(db)).rejects.toThrow(/final/);
    await expect(sql`delete from rubric_version`.execute(db)).rejects.toThrow(/final/);
    const audited = await db
      .selectFrom("audit_entry")
      .select(["object_id", "details"])
      .where("action", "=", "rubric.save")
      .orderBy("seq")
      .execute();
    expect(audited.map((a) => [a.object_id, (JSON.parse(a.details) as { version: number }).version])).toEqual([
      ["unit-assessment", 2],
      ["unit-assessment", 3],
      ["institution-self-assessment", 2],
    ]);
  });
});

/**
 * The secrecy office edits a shipped checklist and adds its own (检查表, 实施细则第十三条第（六）项): every save is the
 * next version, final once saved; new plans freeze the latest version, earlier plans keep theirs; a template's subject
 * never changes; bad drafts are refused naming the field; only the office saves; marked text is refused.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedTemplate } from "../../src/platform/policy/template-loader.js";
import { testDialects } from "../databases.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";

interface TemplateJson {
  id: string;
  version: number;
  origin: string;
  originName: string;
  note: string | null;
  savedBy: string | null;
  subject: string;
  title: { zh: string; en: string };
  sections: { id: string; items: { id: string; text: { zh: string; en: string }; points: number }[] }[];
}
interface ErrorJson {
  message: string;
  details?: { issues?: { field: string; message: string }[] };
}

/** The shipped unit checklist as the office would send it back: no version, one more item. */
function editedUnitChecklist() {
  const { version: _version, ...shipped } = shippedTemplate("unit-inspection");
  return {
    ...shipped,
    sections: [
      ...shipped.sections,
      {
        id: "lab",
        title: { zh: "实验室保密管理" },
        items: [
          { id: "lab.access", kind: "check", article: "art6.3", text: { zh: "涉密实验室门禁与登记制度落实" } },
          { id: "lab.devices", kind: "points", points: 5, article: "art6.3", text: { zh: "实验设备涉密标识规范" } },
        ],
      },
    ],
  };
}

describe.each(testDialects)("checklist template editing on %s", (dialect) => {
  let w: ObligationWorld;
  const plan = (title: string) => ({
    kind: "office",
    title,
    year: 2027,
    leadPersonId: w.people.office,
    teamIds: [],
    unitIds: [w.units.b.id],
    startsOn: "2027-03-01",
    endsOn: "2027-06-30",
    templateId: "unit-inspection",
  });
  const versions = async () =>
    Number(
      (
        await w.app.db.kysely
          .selectFrom("inspection_template")
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    w = await obligationWorld(dialect);
  }, 120_000);
  afterAll(() => w.t.close());

  it("saves an edit of a shipped checklist as version 2; new plans use it, earlier plans keep version 1", async () => {
    const office = await w.as("office");
    const before = await office.post("/api/inspection-plans", plan("上半年检查（旧表）"));
    expect(before.statusCode, before.body).toBe(201);

    const listed = (await office.get("/api/inspection-templates")).json<{
      items: TemplateJson[];
      abilities: { edit: boolean };
    }>();
    expect(listed.abilities.edit).toBe(true);
    expect(listed.items.find((t) => t.id === "unit-inspection")).toMatchObject({ version: 1, origin: "shipped" });

    const saved = await office.post("/api/inspection-templates", {
      template: editedUnitChecklist(),
      note: "增加实验室保密管理两项",
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const v2 = saved.json<TemplateJson>();
    expect(v2).toMatchObject({
      id: "unit-inspection",
      version: 2,
      origin: "institution",
      note: "增加实验室保密管理两项",
    });
    // English left out: the Chinese stands in.
    expect(v2.sections.at(-1)?.items[0]?.text).toEqual({
      zh: "涉密实验室门禁与登记制度落实",
      en: "涉密实验室门禁与登记制度落实",
    });

    const after = await office.post("/api/inspection-plans", plan("下半年检查（新表）"));
    expect(after.statusCode, after.body).toBe(201);
    const templateOf = async (id: string) =>
      (
        await w.app.db.kysely
          .selectFrom("inspection_plan")
          .select(["template_version", "template"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).template_version;
    expect(await templateOf(before.json<{ id: string }>().id)).toBe(1);
    expect(await templateOf(after.json<{ id: string }>().id)).toBe(2);

    const history = (await office.get("/api/inspection-templates/unit-inspection/versions")).json<{
      items: TemplateJson[];
    }>();
    expect(history.items.map((v) => [v.version, v.origin])).toEqual([
      [1, "shipped"],
      [2, "institution"],
    ]);
    // A saved version is final.
    await expect(
      sql`update inspection_template set note = 'x' where template_id = 'unit-inspection'`.execute(w.app.db.kysely),
    ).rejects.toThrow();
  });

  it("adds the office's own checklist, usable for plans", async () => {
    const office = await w.as("office");
    const own = await office.post("/api/inspection-templates", {
      template: {
        id: "lab-inspection",
        title: { zh: "涉密实验室专项检查表" },
        subject: "keyDepartment",
        article: "art13.6",
        sections: [
          {
            id: "lab",
            title: { zh: "实验室" },
            items: [{ id: "lab.access", kind: "veto", article: "art6.3", text: { zh: "无关人员不得进入涉密实验室" } }],
          },
        ],
      },
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json<TemplateJson>()).toMatchObject({ id: "lab-inspection", version: 1 });
    const planned = await office.post("/api/inspection-plans", {
      ...plan("实验室专项检查"),
      templateId: "lab-inspection",
    });
    expect(planned.statusCode, planned.body).toBe(201);
  });

  it("refuses bad drafts naming the field, a changed subject, marked text and anyone but the office", async () => {
    const office = await w.as("office");
    const count = await versions();
    const draft = editedUnitChecklist();
    const lab = draft.sections.at(-1)!;
    const cases: [unknown, string][] = [
      [
        { ...draft, sections: [{ ...lab, items: [{ ...lab.items[1], points: 0 }] }] },
        "body.template.sections.0.items.0.points",
      ],
      [
        { ...draft, sections: [{ ...lab, items: [lab.items[0], lab.items[0]] }] },
        "body.template.sections.0.items.1.id",
      ],
      [
        { ...draft, sections: [{ ...lab, items: [{ ...lab.items[0], article: "第六条" }] }] },
        "body.template.sections.0.items.0.article",
      ],
      [{ ...draft, id: "X" }, "body.template.id"],
      [{ ...draft, sections: [] }, "body.template.sections"],
      [{ ...draft, subject: "person" }, "body.template.subject"],
    ];
    for (const [template, field] of cases) {
      const res = await office.post("/api/inspection-templates", { template });
      expect(res.statusCode, field).toBe(400);
      const error = res.json<ErrorJson>();
      expect(error.details?.issues?.[0]?.field, JSON.stringify(error)).toBe(field);
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const marked = await office.post("/api/inspection-templates", {
      template: { ...draft, title: { zh: "机密★检查表" } },
    });
    expect(marked.statusCode).toBe(400);
    const head = await w.as("headB");
    expect((await head.post("/api/inspection-templates", { template: draft })).statusCode).toBe(403);
    expect(await versions()).toBe(count);
  });
});

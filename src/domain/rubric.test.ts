import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import {
  DEFAULT_BANDS,
  diffRubrics,
  rankUnits,
  RubricSchema,
  rubricItems,
  scoreRubric,
  totalPoints,
  type RankInput,
  type Rubric,
  type RubricAnswers,
  type RubricInput,
} from "./rubric.js";

const t = (zh: string, en = zh): { zh: string; en: string } => ({ zh, en });

/** A small rubric: two sections of points items, a deduction and a veto. */
const SAMPLE_INPUT: RubricInput = {
  id: "sample-rubric",
  version: 1,
  title: t("示例评分表", "Sample rubric"),
  article: "art12.2",
  total: 20,
  sections: [
    {
      id: "org",
      title: t("组织领导", "Leadership"),
      items: [
        { id: "org.agreement", kind: "points", points: 6, canExclude: false, title: t("签订责任书", "Agreement") },
        { id: "org.liaison", kind: "points", points: 4, title: t("配备保密员", "Liaison") },
      ],
    },
    {
      id: "carriers",
      title: t("涉密载体", "Carriers"),
      items: [
        { id: "carriers.register", kind: "points", points: 10, step: 1, title: t("载体台账", "Register") },
        { id: "deduct.overdue", kind: "deduction", points: 6, step: 2, title: t("未按期整改", "Overdue") },
        { id: "veto.leak", kind: "veto", title: t("发生泄密事件", "Leak") },
      ],
    },
  ],
};
const SAMPLE: Rubric = RubricSchema.parse(SAMPLE_INPUT);

/** Full marks, no deduction, no veto. */
const FULL: RubricAnswers = {
  "org.agreement": { score: 6 },
  "org.liaison": { score: 4 },
  "carriers.register": { score: 10 },
  "deduct.overdue": { score: 0 },
  "veto.leak": { vetoed: false },
};

function refusalOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

function issuesOf(error: AppError): { field: string; message: string }[] {
  return (error.details as { issues: { field: string; message: string }[] }).issues;
}

function schemaIssues(input: unknown): { path: string; message: string }[] {
  const result = RubricSchema.safeParse(input);
  if (result.success) throw new Error("expected the rubric to be refused");
  return result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

/** A single-item rubric of `points` in steps of `step`. */
function oneItem(points: number, step: number): Rubric {
  return RubricSchema.parse({
    id: "one-item",
    version: 1,
    title: t("单项"),
    article: "art12.2",
    sections: [{ id: "s", title: t("节"), items: [{ id: "s.a", kind: "points", points, step, title: t("条目") }] }],
  });
}

describe("RubricSchema", () => {
  it("fills the defaults: the 符合/基本符合/不符合 bands, step 0.5, excludable points items only", () => {
    expect(SAMPLE.bands).toEqual(DEFAULT_BANDS);
    const byId = new Map(rubricItems(SAMPLE).map(({ item }) => [item.id, item]));
    expect(byId.get("org.liaison")).toMatchObject({ step: 0.5, canExclude: true, articles: [], law: [] });
    expect(byId.get("org.agreement")?.canExclude).toBe(false);
    expect(byId.get("deduct.overdue")?.canExclude).toBe(false);
    expect(byId.get("veto.leak")).toMatchObject({ points: 0, canExclude: false });
    expect(totalPoints(SAMPLE)).toBe(20);
  });

  it("does not share the default bands between rubrics", () => {
    const a = RubricSchema.parse(SAMPLE_INPUT);
    a.bands[0]!.min = 95;
    expect(RubricSchema.parse(SAMPLE_INPUT).bands[0]?.min).toBe(90);
  });

  it("refuses an id used twice anywhere in the rubric, naming the path", () => {
    const input = structuredClone(SAMPLE_INPUT);
    input.sections[1]!.items[0]!.id = "org.liaison";
    input.sections[1]!.id = "org";
    expect(schemaIssues(input)).toEqual([
      { path: "sections.1.id", message: "编号“org”重复" },
      { path: "sections.1.items.0.id", message: "编号“org.liaison”重复" },
    ]);
  });

  it("refuses a points item or deduction worth nothing, and a veto worth something", () => {
    const input = structuredClone(SAMPLE_INPUT);
    input.total = undefined;
    delete input.sections[0]!.items[1]!.points;
    input.sections[1]!.items[1]!.points = 0;
    input.sections[1]!.items[2]!.points = 5;
    expect(schemaIssues(input)).toEqual([
      { path: "sections.0.items.1.points", message: "计分项的分值须大于 0" },
      { path: "sections.1.items.1.points", message: "扣分项的最高扣分须大于 0" },
      { path: "sections.1.items.2.points", message: "一票否决项不计分，分值须为 0" },
    ]);
  });

  it("refuses points that are not a whole number of steps", () => {
    const input = structuredClone(SAMPLE_INPUT);
    input.sections[1]!.items[1]!.step = 4;
    expect(schemaIssues(input)).toEqual([{ path: "sections.1.items.1.step", message: "分值 6 不是步长 4 的整数倍" }]);
  });

  it("refuses bands that do not run from high to low or do not end at 0", () => {
    const input = {
      ...SAMPLE_INPUT,
      bands: [
        { min: 80, key: "basic", zh: "基本符合", en: "Basically" },
        { min: 90, key: "conform", zh: "符合", en: "Conforms" },
        { min: 10, key: "conform", zh: "不符合", en: "No" },
      ],
    };
    expect(schemaIssues(input)).toEqual([
      { path: "bands.1.min", message: "分档下限须从高到低排列：90 不低于上一档的 80" },
      { path: "bands.2.key", message: "分档“conform”重复" },
      { path: "bands.2.min", message: "最后一档的下限须为 0" },
    ]);
  });

  it("refuses a declared total the points items do not add up to", () => {
    expect(schemaIssues({ ...SAMPLE_INPUT, total: 100 })).toEqual([
      { path: "total", message: "计分项合计 20 分，与总分 100 分不符" },
    ]);
  });

  it("refuses a rubric without any points item", () => {
    const input = structuredClone(SAMPLE_INPUT);
    input.total = undefined;
    input.sections = [input.sections[1]!];
    input.sections[0]!.items = input.sections[0]!.items.filter((item) => item.kind !== "points");
    expect(schemaIssues(input)).toEqual([{ path: "sections", message: "评分表至少须有一个计分项" }]);
  });

  it("refuses an unknown kind and an unknown key", () => {
    const input = structuredClone(SAMPLE_INPUT) as unknown as {
      sections: { items: Record<string, unknown>[] }[];
    };
    input.sections[0]!.items[0]!.kind = "bonus";
    input.sections[0]!.items[1]!.weight = 2;
    const paths = schemaIssues(input).map((issue) => issue.path);
    expect(paths).toEqual(["sections.0.items.0.kind", "sections.0.items.1"]);
  });
});

describe("scoreRubric", () => {
  it("scores full marks as 100% 符合", () => {
    expect(scoreRubric(SAMPLE, FULL)).toEqual({
      earned: 20,
      gross: 20,
      possible: 20,
      deducted: 0,
      percent: 100,
      band: { key: "conform", zh: "符合", en: "Conforms" },
      vetoedBy: [],
      excluded: [],
      unanswered: [],
      perSection: [
        { id: "org", earned: 10, possible: 10, deducted: 0 },
        { id: "carriers", earned: 10, possible: 10, deducted: 0 },
      ],
    });
  });

  it("drops an excluded item from both earned and possible", () => {
    const result = scoreRubric(SAMPLE, {
      ...FULL,
      "org.liaison": { excluded: true },
      "carriers.register": { score: 7 },
    });
    expect(result).toMatchObject({ earned: 13, possible: 16, percent: 81.3, excluded: ["org.liaison"] });
    expect(result.band?.key).toBe("basic");
  });

  it("takes deductions off the total, never below 0", () => {
    const some = scoreRubric(SAMPLE, { ...FULL, "deduct.overdue": { score: 4 } });
    expect(some).toMatchObject({ gross: 20, deducted: 4, earned: 16, percent: 80 });
    expect(some.band?.zh).toBe("基本符合");
    expect(some.perSection[1]).toEqual({ id: "carriers", earned: 10, possible: 10, deducted: 4 });

    const low = scoreRubric(SAMPLE, {
      ...FULL,
      "org.agreement": { score: 1 },
      "org.liaison": { score: 0 },
      "carriers.register": { score: 2 },
      "deduct.overdue": { score: 6 },
    });
    expect(low).toMatchObject({ gross: 3, deducted: 6, earned: 0, percent: 0 });
  });

  it("puts a vetoed unit in 不符合 whatever its percentage, naming the veto", () => {
    const result = scoreRubric(SAMPLE, { ...FULL, "veto.leak": { vetoed: true, note: "3 月发生泄密事件" } });
    expect(result).toMatchObject({ percent: 100, vetoedBy: ["veto.leak"] });
    expect(result.band).toEqual({ key: "nonconform", zh: "不符合", en: "Does not conform" });
  });

  it("gives no percentage and no band when nothing applies", () => {
    const rubric = oneItem(10, 1);
    expect(scoreRubric(rubric, { "s.a": { excluded: true } })).toMatchObject({
      possible: 0,
      percent: null,
      band: null,
    });
  });

  it("bands exactly at the boundaries: 90 符合, 89.9 基本符合, 80 基本符合, 79.9 不符合", () => {
    const rubric = oneItem(100, 0.1);
    const bandAt = (score: number): string | undefined => scoreRubric(rubric, { "s.a": { score } }).band?.key;
    expect(bandAt(90)).toBe("conform");
    expect(bandAt(89.9)).toBe("basic");
    expect(bandAt(80)).toBe("basic");
    expect(bandAt(79.9)).toBe("nonconform");
    expect(bandAt(0)).toBe("nonconform");
    expect(scoreRubric(rubric, { "s.a": { score: 89.9 } }).percent).toBe(89.9);
  });

  it("bands on the percentage as shown (one decimal), so the two never disagree", () => {
    // 17.99 of 20 is 89.95%, shown as 90.0.
    const rubric = oneItem(20, 0.01);
    const result = scoreRubric(rubric, { "s.a": { score: 17.99 } });
    expect(result.percent).toBe(90);
    expect(result.band?.key).toBe("conform");
  });

  it("accepts a draft with items unanswered and lists them", () => {
    const result = scoreRubric(SAMPLE, { "org.agreement": { score: 6 } }, { partial: true });
    expect(result.unanswered).toEqual(["org.liaison", "carriers.register", "deduct.overdue", "veto.leak"]);
    expect(result).toMatchObject({ earned: 6, possible: 20, percent: 30 });
  });

  describe("refuses", () => {
    it("a score above the item's points, naming the item", () => {
      const error = refusalOf(() => scoreRubric(SAMPLE, { ...FULL, "org.liaison": { score: 5 } }));
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.status).toBe(400);
      expect(issuesOf(error)).toEqual([
        { field: "answers.org.liaison.score", message: "“配备保密员”的得分须在 0 至 4 分之间" },
      ]);
      expect(error.localized).toEqual({
        zh: "“配备保密员”的得分须在 0 至 4 分之间",
        en: 'the score of "Liaison" must be between 0 and 4',
      });
    });

    it.each([[-0.5], [Number.NaN], [Number.POSITIVE_INFINITY]])("a score of %s", (score) => {
      const error = refusalOf(() => scoreRubric(SAMPLE, { ...FULL, "org.agreement": { score } }));
      expect(issuesOf(error)).toEqual([
        { field: "answers.org.agreement.score", message: "“签订责任书”的得分须在 0 至 6 分之间" },
      ]);
    });

    it("a score off the step", () => {
      const error = refusalOf(() => scoreRubric(SAMPLE, { ...FULL, "org.liaison": { score: 3.25 } }));
      expect(issuesOf(error)).toEqual([
        { field: "answers.org.liaison.score", message: "“配备保密员”的得分须为 0.5 分的整数倍" },
      ]);
    });

    it("a deduction off its step or above its maximum", () => {
      expect(issuesOf(refusalOf(() => scoreRubric(SAMPLE, { ...FULL, "deduct.overdue": { score: 3 } })))).toEqual([
        { field: "answers.deduct.overdue.score", message: "“未按期整改”的扣分须为 2 分的整数倍" },
      ]);
      expect(issuesOf(refusalOf(() => scoreRubric(SAMPLE, { ...FULL, "deduct.overdue": { score: 8 } })))).toEqual([
        { field: "answers.deduct.overdue.score", message: "“未按期整改”的扣分须在 0 至 6 分之间" },
      ]);
    });

    it("an answer for an item the rubric does not have, naming the id", () => {
      const error = refusalOf(() => scoreRubric(SAMPLE, { ...FULL, "org.budget": { score: 1 } }));
      expect(issuesOf(error)).toEqual([
        { field: "answers.org.budget", message: "评分表中没有编号为“org.budget”的条目" },
      ]);
    });

    it("an answer keyed by an inherited property name", () => {
      const answers = JSON.parse('{"__proto__": {"score": 1}}') as RubricAnswers;
      const error = refusalOf(() => scoreRubric(SAMPLE, { ...FULL, ...answers }));
      expect(issuesOf(error)[0]?.field).toBe("answers.__proto__");
    });

    it("unanswered items, naming the first in the message and each in the issues", () => {
      const { "org.liaison": _liaison, "veto.leak": _veto, ...rest } = FULL;
      const error = refusalOf(() => scoreRubric(SAMPLE, rest));
      expect(error.localized.zh).toBe("“配备保密员”尚未评分（另有 1 处问题）");
      expect(error.localized.en).toBe('"Liaison" has not been scored (and 1 more)');
      expect(issuesOf(error)).toEqual([
        { field: "answers.org.liaison", message: "“配备保密员”尚未评分" },
        { field: "answers.veto.leak", message: "一票否决项“发生泄密事件”尚未回答是否触发" },
      ]);
    });

    it("an answer that only carries a note", () => {
      const error = refusalOf(() => scoreRubric(SAMPLE, { ...FULL, "carriers.register": { note: "待核实" } }));
      expect(issuesOf(error)).toEqual([{ field: "answers.carriers.register", message: "“载体台账”尚未评分" }]);
    });

    it("excluding an item that must be scored", () => {
      const error = refusalOf(() => scoreRubric(SAMPLE, { ...FULL, "org.agreement": { excluded: true } }));
      expect(issuesOf(error)).toEqual([
        { field: "answers.org.agreement.excluded", message: "“签订责任书”不能标记为不适用" },
      ]);
    });

    it("a score on an item marked as not applying", () => {
      const error = refusalOf(() => scoreRubric(SAMPLE, { ...FULL, "org.liaison": { excluded: true, score: 2 } }));
      expect(issuesOf(error)).toEqual([
        { field: "answers.org.liaison.score", message: "“配备保密员”已标记为不适用，不能同时评分" },
      ]);
    });

    it("a score on a veto item, and a veto on a points item", () => {
      const error = refusalOf(() =>
        scoreRubric(SAMPLE, { ...FULL, "veto.leak": { score: 0 }, "org.liaison": { score: 4, vetoed: true } }),
      );
      expect(issuesOf(error)).toEqual([
        { field: "answers.org.liaison.vetoed", message: "“配备保密员”不是一票否决项" },
        { field: "answers.veto.leak.score", message: "一票否决项“发生泄密事件”不评分，只回答是否触发" },
      ]);
    });

    it("unknown ids even in a draft", () => {
      const error = refusalOf(() => scoreRubric(SAMPLE, { nope: { score: 1 } }, { partial: true }));
      expect(issuesOf(error)).toEqual([{ field: "answers.nope", message: "评分表中没有编号为“nope”的条目" }]);
    });
  });
});

// ---- properties ---------------------------------------------------------------------------------------------

const STEPS = [0.1, 0.25, 0.5, 1, 2] as const;

/** A random valid rubric: 1–4 sections, each with points items, and some deductions and vetoes. */
const rubricArb: fc.Arbitrary<Rubric> = fc
  .array(
    fc.record({
      points: fc.array(
        fc.record({
          step: fc.constantFrom(...STEPS),
          steps: fc.integer({ min: 1, max: 40 }),
          canExclude: fc.boolean(),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      deductions: fc.array(fc.record({ step: fc.constantFrom(...STEPS), steps: fc.integer({ min: 1, max: 10 }) }), {
        maxLength: 2,
      }),
      vetoes: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((sections) =>
    RubricSchema.parse({
      id: "random-rubric",
      version: 1,
      title: t("随机"),
      article: "art12.2",
      sections: sections.map((section, s) => ({
        id: `s${s}`,
        title: t(`第${s}节`),
        items: [
          ...section.points.map((p, i) => ({
            id: `s${s}.p${i}`,
            kind: "points" as const,
            step: p.step,
            points: p.step * p.steps,
            canExclude: p.canExclude,
            title: t(`计分${s}-${i}`),
          })),
          ...section.deductions.map((d, i) => ({
            id: `s${s}.d${i}`,
            kind: "deduction" as const,
            step: d.step,
            points: d.step * d.steps,
            title: t(`扣分${s}-${i}`),
          })),
          ...Array.from({ length: section.vetoes }, (_, i) => ({
            id: `s${s}.v${i}`,
            kind: "veto" as const,
            title: t(`否决${s}-${i}`),
          })),
        ],
      })),
    }),
  );

/** Valid answers for a rubric: scores on the step, exclusions where allowed, vetoes as given (or none). */
function answersArb(
  rubric: Rubric,
  options: { vetoes?: boolean; exclusions?: boolean } = {},
): fc.Arbitrary<RubricAnswers> {
  const entries = rubricItems(rubric).map(({ item }) => {
    if (item.kind === "veto") {
      const vetoed = options.vetoes === false ? fc.constant(false) : fc.boolean();
      return vetoed.map((v) => [item.id, { vetoed: v }] as const);
    }
    const steps = Math.round(item.points / item.step);
    const score = fc.integer({ min: 0, max: steps }).map((n) => ({ score: n * item.step }));
    const answer =
      item.canExclude && options.exclusions !== false ? fc.oneof(score, fc.constant({ excluded: true })) : score;
    return answer.map((a) => [item.id, a] as const);
  });
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs) as RubricAnswers);
}

const rubricWithAnswers = (options?: { vetoes?: boolean; exclusions?: boolean }) =>
  rubricArb.chain((rubric) => answersArb(rubric, options).map((answers) => ({ rubric, answers })));

describe("scoreRubric properties", () => {
  it("keeps the percentage within 0–100 at one decimal, and earned within 0..possible", () => {
    fc.assert(
      fc.property(rubricWithAnswers(), ({ rubric, answers }) => {
        const result = scoreRubric(rubric, answers);
        expect(result.earned).toBeGreaterThanOrEqual(0);
        expect(result.earned).toBeLessThanOrEqual(result.possible + 1e-9);
        if (result.possible === 0) {
          expect(result.percent).toBeNull();
        } else {
          const percent = result.percent ?? Number.NaN;
          expect(percent).toBeGreaterThanOrEqual(0);
          expect(percent).toBeLessThanOrEqual(100);
          expect(Math.abs(percent * 10 - Math.round(percent * 10))).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it("excluding an item changes the result only by taking that item out of earned and possible", () => {
    const withExcludable = rubricWithAnswers({ vetoes: false, exclusions: false }).filter(({ rubric }) =>
      rubricItems(rubric).some(({ item }) => item.kind === "points" && item.canExclude),
    );
    fc.assert(
      fc.property(withExcludable, fc.nat(), ({ rubric, answers }, pick) => {
        const excludable = rubricItems(rubric).filter(({ item }) => item.kind === "points" && item.canExclude);
        const target = excludable[pick % excludable.length]!;
        const before = scoreRubric(rubric, answers);
        const after = scoreRubric(rubric, { ...answers, [target.item.id]: { excluded: true } });
        const score = answers[target.item.id]?.score ?? 0;

        expect(after.gross).toBeCloseTo(before.gross - score, 6);
        expect(after.possible).toBeCloseTo(before.possible - target.item.points, 6);
        expect(after.deducted).toBe(before.deducted);
        const earned = Math.max(0, before.gross - score - before.deducted);
        expect(after.earned).toBeCloseTo(earned, 6);
        const possible = before.possible - target.item.points;
        if (possible < 1e-9) expect(after.percent).toBeNull();
        // Recomputed from the remaining items, up to the rounding to one decimal.
        else
          expect(Math.abs((after.percent ?? Number.NaN) - (earned / possible) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
        // The other sections are untouched.
        after.perSection.forEach((section, i) => {
          if (section.id !== target.sectionId) expect(section).toEqual(before.perSection[i]);
        });
      }),
    );
  });

  it("always gives 不符合 when a veto is triggered, naming each veto", () => {
    const withVeto = rubricWithAnswers().filter(({ answers }) =>
      Object.values(answers).some((answer) => answer.vetoed === true),
    );
    fc.assert(
      fc.property(withVeto, ({ rubric, answers }) => {
        const result = scoreRubric(rubric, answers);
        expect(result.band?.key).toBe("nonconform");
        const vetoed = Object.entries(answers)
          .filter(([, answer]) => answer.vetoed === true)
          .map(([id]) => id);
        expect([...result.vetoedBy].sort()).toEqual(vetoed.sort());
      }),
    );
  });

  it("bands by the thresholds 90 and 80 when no veto is triggered", () => {
    fc.assert(
      fc.property(rubricWithAnswers({ vetoes: false }), ({ rubric, answers }) => {
        const result = scoreRubric(rubric, answers);
        if (result.percent === null) return;
        const expected = result.percent >= 90 ? "conform" : result.percent >= 80 ? "basic" : "nonconform";
        expect(result.band?.key).toBe(expected);
      }),
    );
  });
});

describe("rankUnits", () => {
  it("ranks by percentage with shared ranks (1, 2, 2, 4), vetoed units last", () => {
    const ranked = rankUnits([
      { unitId: "d", percent: 85, vetoed: false },
      { unitId: "v", percent: 99, vetoed: true },
      { unitId: "a", percent: 95, vetoed: false },
      { unitId: "n", percent: null, vetoed: false },
      { unitId: "c", percent: 88.5, vetoed: false },
      { unitId: "b", percent: 88.5, vetoed: false },
    ]);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
      ["n", 5],
      ["v", 6],
    ]);
  });

  it("keeps the caller's own fields", () => {
    const [first] = rankUnits([{ unitId: "u1", percent: 90, vetoed: false, name: "计算机学院" }]);
    expect(first).toEqual({ unitId: "u1", percent: 90, vetoed: false, name: "计算机学院", rank: 1 });
  });

  const resultsArb = fc.uniqueArray(
    fc.record({
      unitId: fc.string({ minLength: 1, maxLength: 6 }),
      percent: fc.option(fc.integer({ min: 0, max: 20 }).map((n) => 80 + n / 2)),
      vetoed: fc.boolean(),
    }),
    { selector: (r) => r.unitId, maxLength: 30 },
  );

  it("gives each unit 1 + the number of units strictly ahead of it, and never puts a vetoed unit ahead", () => {
    const ahead = (a: RankInput, b: RankInput): boolean => {
      if (a.vetoed !== b.vetoed) return !a.vetoed;
      if ((a.percent === null) !== (b.percent === null)) return a.percent !== null;
      return (a.percent ?? 0) > (b.percent ?? 0);
    };
    fc.assert(
      fc.property(resultsArb, (results) => {
        const ranked = rankUnits(results);
        expect(ranked).toHaveLength(results.length);
        expect(new Set(ranked.map((r) => r.unitId))).toEqual(new Set(results.map((r) => r.unitId)));
        for (const unit of ranked) {
          expect(unit.rank).toBe(1 + ranked.filter((other) => ahead(other, unit)).length);
        }
        const firstVetoed = ranked.findIndex((r) => r.vetoed);
        if (firstVetoed >= 0) expect(ranked.slice(firstVetoed).every((r) => r.vetoed)).toBe(true);
        ranked.forEach((unit, i) => {
          if (i > 0) expect(unit.rank).toBeGreaterThanOrEqual(ranked[i - 1]!.rank);
        });
      }),
    );
  });
});

describe("diffRubrics", () => {
  it("finds nothing between a rubric and itself", () => {
    expect(diffRubrics(SAMPLE, SAMPLE)).toEqual({
      added: [],
      removed: [],
      changed: [],
      sections: { added: [], removed: [], retitled: [] },
      bandsChanged: false,
      total: { from: 20, to: 20 },
    });
  });

  it("lists items added, removed and changed, for rolling a year forward", () => {
    const next = structuredClone(SAMPLE_INPUT);
    next.version = 2;
    next.total = undefined;
    const org = next.sections[0]!;
    const carriers = next.sections[1]!;
    org.items[1] = { ...org.items[1]!, points: 5, title: t("配备专（兼）职保密员", "Liaison named") };
    carriers.items = carriers.items.filter((item) => item.id !== "deduct.overdue");
    carriers.items.push({ id: "veto.internet", kind: "veto", title: t("涉密计算机违规连接互联网", "Internet") });
    const moved = carriers.items.shift()!;
    next.sections.push({ id: "network", title: t("网络与计算机", "Networks"), items: [moved] });
    next.bands = [
      { min: 85, key: "conform", zh: "符合", en: "Conforms" },
      { min: 0, key: "nonconform", zh: "不符合", en: "Does not conform" },
    ];
    const b = RubricSchema.parse(next);

    const diff = diffRubrics(SAMPLE, b);
    expect(diff.added.map((entry) => [entry.sectionId, entry.item.id])).toEqual([["carriers", "veto.internet"]]);
    expect(diff.removed.map((entry) => [entry.sectionId, entry.item.id])).toEqual([["carriers", "deduct.overdue"]]);
    expect(diff.changed).toEqual([
      {
        id: "org.liaison",
        title: t("配备专（兼）职保密员", "Liaison named"),
        changes: [
          { field: "title", from: t("配备保密员", "Liaison"), to: t("配备专（兼）职保密员", "Liaison named") },
          { field: "points", from: 4, to: 5 },
        ],
      },
      {
        id: "carriers.register",
        title: t("载体台账", "Register"),
        changes: [{ field: "section", from: "carriers", to: "network" }],
      },
    ]);
    expect(diff.sections).toEqual({ added: ["network"], removed: [], retitled: [] });
    expect(diff.bandsChanged).toBe(true);
    expect(diff.total).toEqual({ from: 20, to: 21 });
  });

  it("notices a change of kind", () => {
    const next = structuredClone(SAMPLE_INPUT);
    next.total = undefined;
    next.sections[1]!.items[1] = { ...next.sections[1]!.items[1]!, kind: "points" };
    const diff = diffRubrics(SAMPLE, RubricSchema.parse(next));
    expect(diff.changed).toEqual([
      {
        id: "deduct.overdue",
        title: t("未按期整改", "Overdue"),
        changes: [
          { field: "kind", from: "deduction", to: "points" },
          { field: "canExclude", from: false, to: true },
        ],
      },
    ]);
  });
});

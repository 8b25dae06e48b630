/**
 * The implementing rules as data (DESIGN.md §4): the full text, article by article and item by item with stable ids
 * and Chinese citations, and what the platform enforces from it — who fills which responsibility role, each duty
 * with its bearer, cadence, due rule and the record that discharges it, approval routing, and the templates of the
 * documents people sign. Another institution writes its own file in this shape and the platform follows it.
 */
import { z } from "zod";
import { BUSINESS_ROLES } from "../roles.js";

const Localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** `art12` or `art12.1`: an article, or an item of one. */
export const ArticleRefSchema = z.string().regex(/^art\d{1,3}(\.\d{1,2})?$/, "须为 artN 或 artN.M 形式的条款编号");

/** A provision of a law the rules rely on; the 2024 law wins where the 2012 rules cite the 2010 one. */
const LawRefSchema = z.strictObject({
  law: z.enum([
    "baomifa-2024",
    "baomifa-shishi-tiaoli-2024",
    "baomifa-2010",
    "wangluo-anquan-fa-2016",
    "zhengfu-xinxi-gongkai-tiaoli-2019",
  ]),
  article: z.number().int().min(1).max(200),
  citation: z.string().min(1),
  note: z.string().optional(),
});

const ItemSchema = z.strictObject({
  id: z.string().regex(/^art\d{1,3}\.\d{1,2}$/),
  citation: z.string().min(1),
  text: z.string().min(1),
  law: z.array(LawRefSchema).default([]),
});

const ArticleSchema = z.strictObject({
  id: z.string().regex(/^art\d{1,3}$/),
  number: z.number().int().min(1),
  citation: z.string().min(1),
  /** The article's own words: all of it, or the lead-in before its items. */
  text: z.string().min(1),
  items: z.array(ItemSchema).default([]),
  law: z.array(LawRefSchema).default([]),
});

/** Positions people hold in units; the roles below are filled from them. */
const PositionSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, "须为大写字母、数字和下划线"),
  name: Localized,
  /** Held at the institution (the Party secretary) or in a unit (its head). */
  scope: z.enum(["institution", "unit"]),
  /** One holder at a time (a head), or several (vice-presidents, liaisons): overlapping appointments are refused for "one". */
  holders: z.enum(["one", "many"]).default("one"),
});

/** How a responsibility role is filled. */
const FilledBySchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("position"), positions: z.array(z.string()).min(1) }),
  z.strictObject({ kind: z.literal("portfolio"), area: z.string().min(1) }),
  z.strictObject({ kind: z.literal("committee"), seat: z.enum(["director", "deputyDirector", "member"]) }),
  z.strictObject({ kind: z.literal("clearance") }),
]);

const RoleSchema = z.strictObject({
  id: z.enum(BUSINESS_ROLES),
  name: Localized,
  articles: z.array(ArticleRefSchema).min(1),
  filledBy: FilledBySchema,
});

const CommitteeSchema = z.strictObject({
  article: ArticleRefSchema,
  director: z.strictObject({ position: z.string() }),
  /** Deputies by position; `area` narrows a many-holder position to the holder with that portfolio (the vice-president in charge of security). */
  deputyDirectors: z.array(z.strictObject({ position: z.string(), area: z.string().optional() })).min(1),
  /** Members: the heads of these units (by unit code), and of every unit marked as a classified unit. */
  members: z.strictObject({ headsOfUnits: z.array(z.string()).min(1), classifiedUnits: z.boolean() }),
});

/** When a duty falls due, in the calendars of DESIGN.md §4. */
export const CadenceSchema = z.discriminatedUnion("every", [
  /** Once in each semester of the academic calendar. */
  z.strictObject({ every: z.literal("semester") }),
  /** Once a calendar year, in its start-of-year, mid-year or year-end window, or any time in it. */
  z.strictObject({ every: z.literal("year"), window: z.enum(["start", "mid", "end", "whole"]) }),
  /** Once in each half (H1, H2). */
  z.strictObject({ every: z.literal("half") }),
  /** Per person, at an interval in months (by clearance tier where it differs). */
  z.strictObject({
    every: z.literal("person"),
    months: z.strictObject({
      CORE: z.number().int().min(1).max(60),
      IMPORTANT: z.number().int().min(1).max(60),
      GENERAL: z.number().int().min(1).max(60),
    }),
  }),
  /** When an event occurs, within a deadline (hours), or "when needed" without one. */
  z.strictObject({
    every: z.literal("event"),
    event: z.string().min(1),
    withinHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 366)
      .optional(),
  }),
  /** Continuous duties with no discrete occurrence; shown, never materialized as obligations. */
  z.strictObject({ every: z.literal("continuous") }),
]);
export type Cadence = z.infer<typeof CadenceSchema>;

const BearerSchema = z.union([z.enum(BUSINESS_ROLES), z.enum(["committee", "secrecyOfficeUnit"])]);

const DutySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,80}$/, "须为小写字母、数字、点和连字符"),
  article: ArticleRefSchema,
  title: Localized,
  bearer: BearerSchema,
  cadence: CadenceSchema,
  /** Discharged by a record of this kind (its capability checks the condition), or by approved uploaded evidence. */
  discharge: z.discriminatedUnion("by", [
    z.strictObject({ by: z.literal("record"), record: z.string().min(1), condition: Localized }),
    z.strictObject({ by: z.literal("evidence"), approver: z.enum(["superior", "secrecyOffice", "director"]) }),
  ]),
  /** Also reported to these (Art. 12(4)): the Party committee, the higher committee. */
  reportTo: z.array(z.enum(["partyCommittee", "higherCommittee", "committee"])).default([]),
});
export type Duty = z.infer<typeof DutySchema>;

const RoutingSchema = z.strictObject({
  id: z.string().min(3),
  article: ArticleRefSchema,
  action: z.string().min(1),
  approver: z.strictObject({ role: z.enum(BUSINESS_ROLES), via: z.enum(["portfolio", "unit", "institution"]) }),
});

const DocumentTemplateSchema = z.strictObject({
  id: z.string().min(3),
  kind: z.enum(["responsibilityAgreement", "pledge"]),
  role: z.enum(BUSINESS_ROLES),
  title: z.string().min(1),
  /** Paragraphs; {{institution}}, {{unit}}, {{person}}, {{year}} are filled in when issued. */
  paragraphs: z.array(z.string().min(1)).min(1),
  articles: z.array(ArticleRefSchema).min(1),
});

export const PolicySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,60}$/),
    version: z.number().int().min(1),
    title: z.string().min(1),
    docNo: z.string().min(1),
    issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    preamble: z.string().min(1),
    articles: z.array(ArticleSchema).min(1),
    positions: z.array(PositionSchema).min(1),
    roles: z.array(RoleSchema).min(1),
    committee: CommitteeSchema,
    duties: z.array(DutySchema),
    routing: z.array(RoutingSchema).default([]),
    documents: z.array(DocumentTemplateSchema).default([]),
  })
  .superRefine((policy, ctx) => {
    const articleIds = new Set(policy.articles.flatMap((a) => [a.id, ...a.items.map((i) => i.id)]));
    const positions = new Set(policy.positions.map((p) => p.code));
    const roles = new Set(policy.roles.map((r) => r.id));
    const refer = (path: (string | number)[], ref: string, what: string, known: Set<string>): void => {
      if (!known.has(ref)) ctx.addIssue({ code: "custom", path, message: `${what}“${ref}”未定义` });
    };
    const unique = (path: string, ids: string[]): void => {
      ids.forEach((id, index) => {
        if (ids.indexOf(id) !== index)
          ctx.addIssue({ code: "custom", path: [path, index, "id"], message: `编号“${id}”重复` });
      });
    };
    unique(
      "articles",
      policy.articles.map((a) => a.id),
    );
    unique(
      "duties",
      policy.duties.map((d) => d.id),
    );
    unique(
      "roles",
      policy.roles.map((r) => r.id),
    );
    unique(
      "routing",
      policy.routing.map((r) => r.id),
    );
    unique(
      "documents",
      policy.documents.map((d) => d.id),
    );
    policy.articles.forEach((article, a) =>
      article.items.forEach((item, i) => {
        if (!item.id.startsWith(`${article.id}.`))
          ctx.addIssue({
            code: "custom",
            path: ["articles", a, "items", i, "id"],
            message: `条款编号“${item.id}”不属于 ${article.id}`,
          });
      }),
    );
    policy.roles.forEach((role, r) => {
      role.articles.forEach((ref, i) => refer(["roles", r, "articles", i], ref, "条款", articleIds));
      if (role.filledBy.kind === "position")
        role.filledBy.positions.forEach((p, i) =>
          refer(["roles", r, "filledBy", "positions", i], p, "职务", positions),
        );
    });
    refer(["committee", "article"], policy.committee.article, "条款", articleIds);
    refer(["committee", "director", "position"], policy.committee.director.position, "职务", positions);
    policy.committee.deputyDirectors.forEach((d, i) =>
      refer(["committee", "deputyDirectors", i, "position"], d.position, "职务", positions),
    );
    policy.duties.forEach((duty, d) => {
      refer(["duties", d, "article"], duty.article, "条款", articleIds);
      if (duty.bearer !== "committee" && duty.bearer !== "secrecyOfficeUnit")
        refer(["duties", d, "bearer"], duty.bearer, "角色", roles);
    });
    policy.routing.forEach((route, r) => {
      refer(["routing", r, "article"], route.article, "条款", articleIds);
      refer(["routing", r, "approver", "role"], route.approver.role, "角色", roles);
    });
    policy.documents.forEach((doc, i) => {
      doc.articles.forEach((ref, j) => refer(["documents", i, "articles", j], ref, "条款", articleIds));
      refer(["documents", i, "role"], doc.role, "角色", roles);
    });
  });

export type Policy = z.infer<typeof PolicySchema>;

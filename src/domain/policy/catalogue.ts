/**
 * The duty catalogue of a policy: its duties grouped by article, each with the citation people quote and its
 * bearer, cadence and discharge in words (Chinese first). Pure: the CLI, the web and generated documents all read
 * the same descriptions from here.
 */
import { type Localized } from "../errors.js";
import { ROLE_NAMES, TIER_NAMES, TIERS, type BusinessRole } from "../roles.js";
import type { Cadence, Duty, Policy } from "./schema.js";

export type Article = Policy["articles"][number];
export type Bearer = Duty["bearer"];
export type Discharge = Duty["discharge"];
export type ReportTarget = Duty["reportTo"][number];

/** The bodies that bear duties collectively (the committee answers through its director, the office its head). */
export const COLLECTIVE_BEARER_NAMES: Record<"committee" | "secrecyOfficeUnit", Localized> = {
  committee: { zh: "保密委员会", en: "Secrecy committee" },
  secrecyOfficeUnit: { zh: "保密办公室", en: "Secrecy office" },
};

export const REPORT_TARGET_NAMES: Record<ReportTarget, Localized> = {
  partyCommittee: { zh: "党委", en: "the Party committee" },
  higherCommittee: { zh: "上级保密委员会", en: "the higher committee" },
  committee: { zh: "保密委员会", en: "the secrecy committee" },
};

const EVIDENCE_APPROVER_NAMES: Record<Extract<Discharge, { by: "evidence" }>["approver"], Localized> = {
  superior: { zh: "上级负责人", en: "the bearer's superior" },
  secrecyOffice: { zh: "保密办公室", en: "the secrecy office" },
  director: { zh: "保密委员会主任", en: "the committee director" },
};

/**
 * The events the platform's capabilities raise, phrased to follow “……时” / "when …". An event missing here is
 * still accepted and shown by its code.
 */
export const EVENT_NAMES: Record<string, Localized> = {
  "higherDocument.received": {
    zh: "收到上级保密工作文件和指示",
    en: "higher secrecy documents or instructions arrive",
  },
  "higherRegulation.issued": {
    zh: "上级制定或修订保密法律法规、下发文件",
    en: "higher authorities issue or revise secrecy rules",
  },
  "majorMatter.arisen": { zh: "保密工作出现重大问题或重要事项", en: "a major problem or important matter arises" },
  "extraordinaryMeeting.called": { zh: "主任决定召开临时会议", en: "the director calls an extraordinary meeting" },
  "conference.called": { zh: "决定召开全院保密工作会议", en: "an institution-wide secrecy conference is called" },
  "investigation.concluded": {
    zh: "违规行为或泄密事件查处结束",
    en: "the investigation of a violation or leak concludes",
  },
  "commendation.launched": { zh: "启动先进集体和个人评选", en: "a commendation round opens" },
  "assignedTask.received": { zh: "上级保密工作机构交办任务", en: "a higher secrecy body assigns a task" },
  "committeeDecision.assigned": {
    zh: "保密委员会会议决定交由本单位办理督办事项",
    en: "a committee meeting's decision gives the unit a tracked task",
  },
  "finding.raised": {
    zh: "保密检查、单位自查自评或个人自查发现问题，限期整改",
    en: "an inspection, self-assessment or self-check finds a problem to rectify by a deadline",
  },
  "officeTask.assigned": {
    zh: "委员会、学院领导或上级部门交办任务",
    en: "the committee, a leader or a higher department assigns a task",
  },
  "approval.requested": { zh: "提交审批事项", en: "an approval is requested" },
  "classifiedPost.nominated": { zh: "拟任用人员到涉密岗位", en: "someone is nominated to a classified post" },
  "clearedPerson.appointed": { zh: "涉密人员上岗", en: "a cleared person takes up the post" },
  "violation.found": { zh: "发现违反保密法律法规的行为或泄密事件", en: "a violation or leak is found" },
  "leak.discovered": {
    zh: "发现国家秘密已经泄露或者可能泄露",
    en: "a state secret is found leaked or possibly leaked",
  },
};

/** An event's name as people say it, or its code when the catalogue does not know it. */
export function eventName(event: string): Localized {
  return EVENT_NAMES[event] ?? { zh: event, en: event };
}

/** `art12.1` → `art12`; an article id stays as it is. */
export function articleIdOf(ref: string): string {
  return ref.split(".")[0] ?? ref;
}

/** The article with this number, or this id (`12` or `art12`). */
export function findArticle(policy: Policy, article: number | string): Article | undefined {
  const id = typeof article === "number" ? `art${article}` : articleIdOf(article);
  return policy.articles.find((a) => a.id === id);
}

/** The Chinese citation of an article or item reference, e.g. `art12.1` → 第十二条第（一）项. */
export function citationOf(policy: Policy, ref: string): string | undefined {
  const article = findArticle(policy, ref);
  if (!article) return undefined;
  if (ref === article.id) return article.citation;
  return article.items.find((item) => item.id === ref)?.citation;
}

/** Every article in order with the duties that cite it or one of its items, in the policy's order. */
export function dutiesByArticle(policy: Policy): { article: Article; duties: Duty[] }[] {
  return [...policy.articles]
    .sort((a, b) => a.number - b.number)
    .map((article) => ({ article, duties: policy.duties.filter((duty) => articleIdOf(duty.article) === article.id) }));
}

/** The name of a duty's bearer: the policy's own role name, else the platform's. */
export function bearerName(policy: Policy, bearer: Bearer): Localized {
  if (bearer === "committee" || bearer === "secrecyOfficeUnit") return COLLECTIVE_BEARER_NAMES[bearer];
  const role = policy.roles.find((r) => r.id === bearer);
  return role?.name ?? roleName(bearer);
}

function roleName(role: BusinessRole): Localized {
  const { zh, en } = ROLE_NAMES[role];
  return { zh, en };
}

/** When a duty falls due, in words: 每学期一次 / once a semester, 每 3/6/12 个月（核心/重要/一般）, 持续 … */
export function describeCadence(cadence: Cadence): Localized {
  switch (cadence.every) {
    case "semester":
      return { zh: "每学期一次", en: "once a semester" };
    case "year":
      return {
        start: { zh: "每年年初", en: "at the start of each year" },
        mid: { zh: "每年年中", en: "in the middle of each year" },
        end: { zh: "每年年底", en: "at the end of each year" },
        whole: { zh: "每年一次", en: "once a year" },
      }[cadence.window];
    case "half":
      return { zh: "每半年一次", en: "once every half year" };
    case "person":
      return describePersonCadence(cadence.months);
    case "event":
      return describeEventCadence(cadence.event, cadence.withinHours);
    case "continuous":
      return { zh: "持续", en: "continuous" };
  }
}

function describePersonCadence(months: Record<(typeof TIERS)[number], number>): Localized {
  const values = TIERS.map((tier) => months[tier]);
  if (values.every((m) => m === values[0]))
    return { zh: `每人每 ${values[0]} 个月一次`, en: `every ${values[0]} months per person` };
  return {
    zh: `每 ${values.join("/")} 个月（${TIERS.map((t) => TIER_NAMES[t].zh).join("/")}）`,
    en: `every ${values.join("/")} months (${TIERS.map((t) => TIER_NAMES[t].en.toLowerCase()).join("/")})`,
  };
}

function describeEventCadence(event: string, withinHours: number | undefined): Localized {
  const name = EVENT_NAMES[event] ?? { zh: `事件“${event}”发生`, en: `event "${event}" occurs` };
  if (withinHours === undefined) return { zh: `${name.zh}时`, en: `when ${name.en}` };
  // Whole days read better than 168 hours; a single day stays in hours, as the regulation says “24 小时”.
  const span =
    withinHours > 24 && withinHours % 24 === 0
      ? { zh: `${withinHours / 24} 日`, en: `${withinHours / 24} days` }
      : { zh: `${withinHours} 小时`, en: `${withinHours} hours` };
  return { zh: `${name.zh}后 ${span.zh}内`, en: `within ${span.en} after ${name.en}` };
}

/** What discharges a duty, in words, naming the record kind that does. */
export function describeDischarge(discharge: Discharge): Localized {
  if (discharge.by === "record") {
    return {
      zh: `${discharge.condition.zh}（${discharge.record}）`,
      en: `${discharge.condition.en} (${discharge.record})`,
    };
  }
  const approver = EVIDENCE_APPROVER_NAMES[discharge.approver];
  return { zh: `佐证材料，经${approver.zh}审核`, en: `evidence approved by ${approver.en}` };
}

/** Where a duty's result must also be reported (第十二条第（四）项), e.g. 党委、上级保密委员会. */
export function describeReportTo(targets: readonly ReportTarget[]): Localized {
  return {
    zh: targets.map((t) => REPORT_TARGET_NAMES[t].zh).join("、"),
    en: targets.map((t) => REPORT_TARGET_NAMES[t].en).join(", "),
  };
}

/** One duty as the catalogue shows it: the policy's data plus every description, ready for a table or JSON. */
export interface CatalogueDuty {
  id: string;
  article: string;
  citation: string;
  title: Localized;
  bearer: { id: Bearer; name: Localized };
  cadence: Cadence & { description: Localized };
  discharge: Discharge & { description: Localized };
  reportTo: { id: ReportTarget; name: Localized }[];
}

export interface CatalogueArticle {
  id: string;
  number: number;
  citation: string;
  text: string;
  duties: CatalogueDuty[];
}

/** The duty catalogue, every article in order (or only `article`), each with its described duties. */
export function dutyCatalogue(policy: Policy, options: { article?: number } = {}): CatalogueArticle[] {
  return dutiesByArticle(policy)
    .filter(({ article }) => options.article === undefined || article.number === options.article)
    .map(({ article, duties }) => ({
      id: article.id,
      number: article.number,
      citation: article.citation,
      text: article.text,
      duties: duties.map((duty) => ({
        id: duty.id,
        article: duty.article,
        citation: citationOf(policy, duty.article) ?? duty.article,
        title: duty.title,
        bearer: { id: duty.bearer, name: bearerName(policy, duty.bearer) },
        cadence: { ...duty.cadence, description: describeCadence(duty.cadence) },
        discharge: { ...duty.discharge, description: describeDischarge(duty.discharge) },
        reportTo: duty.reportTo.map((id) => ({ id, name: REPORT_TARGET_NAMES[id] })),
      })),
    }));
}

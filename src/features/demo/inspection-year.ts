/**
 * The demo's inspections and rectification (保密检查与整改, 实施细则第十一条第（四）项、第十三条第（六）项; 第六条第（二）项),
 * written inside the demo's transaction for the previous calendar year in full and the current one as far as the load
 * date has come — nothing dated after it:
 * - each committee member who bears the half-yearly inspection (the roster of the day the obligations engine reads its
 *   bearers on) leads a `member` plan per half over the unit of their seat (a school's departments included), on the
 *   shipped `unit-inspection` checklist frozen on the plan, closed with every item recorded — except two members who
 *   left last year's second half undone, so the dashboard has an overdue inspection to show;
 * - the head of 计算机科学学院 (the demo's unit-head account) inspects the school and its departments each spring, before the
 *   member comes (实施细则第六条第（三）项: a `unit` plan they lead, on the same checklist), and finds last year that the
 *   register of rectifications was not kept up — a finding the head owns and the office verifies;
 * - the secrecy office inspects the classified units (the demo keeps no list of key departments) on the
 *   `key-department-inspection` checklist once a year, before the winter break;
 * - each failed item is a finding raised through the inspections feature's own rule (`raise-finding.ts`): its owner the
 *   unit head the resolver names that day, a repeat flagged by the rule itself, and its `finding.raised` event with the
 *   owner's duty to rectify it by the deadline (`art6.2.rectify-finding`). Its rectification (plan, submission, the
 *   office's verification and 销号) is then written as far as the load date has come: most are closed, a few stall
 *   past their deadline.
 * Obligations are not marked here: the engine run after the load fulfils them from these records.
 */
import { type Insertable, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { dateIn } from "../../domain/calendar.js";
import {
  type FindingCategory,
  type InspectionTemplate,
  type ItemResult,
  type Severity,
  templateItems,
} from "../../domain/inspection.js";
import { hasSecrecyMarking } from "../../domain/marking-guard.js";
import { type Policy } from "../../domain/policy/schema.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { shippedTemplate } from "../../platform/policy/template-loader.js";
import { prepareFinding } from "../inspections/raise-finding.js";
import { committeeRoster } from "../responsibility/committee.js";
import { type Inserted } from "./insert.js";
import { addDays, type DemoPlan, ROOT } from "./plan.js";
import { type Random, seededRandom } from "./random.js";
import { at, day } from "./beijing.js";
import { DEMO_OFFICE_USERNAME } from "./accounts.js";

type Trx = Transaction<Database>;

/** How many inspection records the demo wrote, for the audit entry and the CLI. */
export interface InspectionCounts {
  inspectionPlans: number;
  /** Closed inspections (one per unit of a plan). */
  inspections: number;
  findings: number;
  findingsClosed: number;
}

// Its own seed, offset by the year, so that the inspections never shift the committee's or the agreements' draws.
const SEED = 20121028;
/** The unit head's own inspection draws from a seed of its own, so the members' draws never shift. */
const UNIT_HEAD_SEED_OFFSET = 500;

/** The member with a demo account inspects last in each half, so a load late in a half leaves theirs to do. */
const MEMBER_ACCOUNT = "demo.weiyuan";
/** The unit head with a demo account inspects their own unit each spring. */
const UNIT_HEAD_ACCOUNT = "demo.zhuren";

const MEMBER_TEMPLATE = "unit-inspection";
const OFFICE_TEMPLATE = "key-department-inspection";

/** What an inspector writes about a failed item, and what the unit then does about it. */
interface FailureText {
  description: string;
  plan: string;
  evidence: string;
  /** Written while the rectification stalls. */
  progress?: string;
}

/** The failures the inspectors may find, per checklist item, with the finding's category. */
const FAILURES: Record<string, { category: FindingCategory; texts: FailureText[] }> = {
  "org.agenda": {
    category: "organization",
    texts: [
      {
        description: "本年度单位会议未专题研究保密工作，保密工作部署缺少会议记录。",
        plan: "在下次党政联席会议上安排保密工作专题，研究部署本单位保密工作并做好记录。",
        evidence: "已召开党政联席会议专题研究保密工作，会议记录已归档，并报保密办公室备案。",
      },
      {
        description: "保密工作会议记录不完整，部分会议未记录议定事项和责任人。",
        plan: "规范保密工作会议记录，指定专人记录议定事项、责任人和完成时限。",
        evidence: "已补充完善会议记录并指定专人记录，近期会议记录完整规范。",
      },
    ],
  },
  "org.rules": {
    category: "organization",
    texts: [
      {
        description: "本单位保密管理制度多年未修订，部分岗位的保密职责不明确。",
        plan: "对照学院实施细则修订本单位保密管理制度，将保密职责落实到岗位。",
        evidence: "已修订本单位保密管理办法并经单位会议通过，已组织全体人员学习。",
      },
      {
        description: "本单位保密管理制度未在办公场所公布，部分工作人员不了解制度内容。",
        plan: "将保密管理制度在办公场所公布，组织全体人员集中学习。",
        evidence: "制度已在办公场所公布，已组织集中学习并留存签到表。",
      },
    ],
  },
  // Never drawn at random (not in RANDOM_ITEMS): the stories name it.
  "org.problems": {
    category: "organization",
    texts: [
      {
        description: "上学期检查发现问题的整改台账未及时更新，两项已整改的问题未注明完成时间和佐证材料。",
        plan: "由学院保密员每月更新整改台账，逐项注明整改完成时间和佐证材料，单位负责人每学期审核一次。",
        evidence: "整改台账已补齐并逐项注明完成时间和佐证材料，已建立每月更新、每学期审核的制度。",
      },
    ],
  },
  "daily.personnel": {
    category: "personnel",
    texts: [
      {
        description: "个别涉密人员未按期完成个人保密自查。",
        plan: "督促相关人员完成本周期个人保密自查，由单位负责人审核确认。",
        evidence: "相关人员已完成自查并经单位负责人确认，单位已建立自查提醒机制。",
      },
      {
        description: "涉密人员名册未及时更新，一名已调离人员仍在名册中。",
        plan: "核对涉密人员名册，办理调离人员脱密期管理手续并更新名册。",
        evidence: "名册已更新并报保密办公室备案，调离人员已签订离岗保密承诺书。",
      },
    ],
  },
  "daily.carriers": {
    category: "carrier",
    texts: [
      {
        description: "涉密载体台账登记不及时，个别载体的收发记录缺少签收人。",
        plan: "逐件清查涉密载体，补齐收发登记，由保密员每月核对台账。",
        evidence: "已完成清查，台账与实物一致，收发记录已补登完整。",
      },
      {
        description: "个别涉密载体超过保存期限，未按规定清退销毁。",
        plan: "对超期载体造册登记，按规定送保密办公室统一销毁。",
        evidence: "超期载体已造册送交统一销毁，销毁清单已存档。",
      },
    ],
  },
  "daily.exchange": {
    category: "other",
    texts: [
      {
        description: "接待境外来访人员前未履行保密审查手续，未提醒参访人员遵守保密规定。",
        plan: "建立外事接待保密审查流程，对外交流活动一律事先审查并做好保密提醒。",
        evidence: "已制定外事接待保密审查流程并报保密办公室备案，近期接待均已按流程审查。",
      },
      {
        description: "教师参加境外学术交流前未进行保密提醒，未留存记录。",
        plan: "出访前由单位进行保密提醒谈话，填写提醒记录表。",
        evidence: "已建立出访前保密提醒制度，相关记录表已存档。",
      },
    ],
  },
  "site.access": {
    category: "keyDepartment",
    texts: [
      {
        description: "要害部位出入登记不完整，部分时段的监控录像保存不足规定期限。",
        plan: "规范出入登记，对监控存储设备扩容，确保录像保存期限符合要求。",
        evidence: "已更换监控存储设备，出入登记已规范填写，经保密办公室现场查看。",
      },
    ],
  },
  "staff.cleared": {
    category: "personnel",
    texts: [
      {
        description: "一名要害部门新进工作人员未参加年度保密教育培训。",
        plan: "安排相关人员参加保密办公室组织的补训并参加考试。",
        evidence: "相关人员已参加补训，考试合格，培训记录已归档。",
      },
    ],
  },
  "staff.carriers": {
    category: "carrier",
    texts: [
      {
        description: "密码柜清查记录不完整，第三季度未开展清查。",
        plan: "恢复每季度对密码柜内载体的清查，清查人和监督人签字记录。",
        evidence: "已完成补充清查，清查记录完整，已指定监督人。",
      },
    ],
  },
};

/** The items a member's inspection may find wanting at random (a failed veto item would be a serious case). */
const RANDOM_ITEMS = ["org.agenda", "org.rules", "daily.personnel", "daily.carriers", "daily.exchange"];

/** A remark on an item that passed with a point or two off. */
const PASS_NOTES: Record<string, string> = {
  "org.agenda": "会议记录较简略，建议规范记录格式。",
  "org.rules": "制度内容需结合新规及时更新。",
  "daily.personnel": "个别人员自查表填写不够认真。",
  "daily.carriers": "台账格式不统一，建议使用学院统一格式。",
  "site.access": "出入登记个别项目填写不全。",
  "staff.cleared": "培训记录归档不够及时。",
};

const VERIFICATION_NOTES = [
  "经现场核查，整改措施已落实，佐证材料齐全，同意销号。",
  "已查看整改后的台账和相关记录，问题已整改到位，同意销号。",
  "整改情况属实，已建立相应制度防止问题反复，同意销号。",
];

/** A failure the story needs: where and when it is found, and whether its rectification stalls. */
interface StoryFinding {
  /** 1 or 2: a member's inspection of that half; 0: the office's key-department inspection; unit: the head's own. */
  half: 0 | 1 | 2 | "unit";
  unit: string;
  item: string;
  text: FailureText;
  severity: Severity;
  /** A stalled rectification: planned, never submitted — overdue once its deadline passes. */
  stalls?: boolean;
}

interface YearStory {
  /** Member seats (by unit key) whose second-half inspection was never done. */
  skipH2: string[];
  findings: StoryFinding[];
}

const text = (item: string, index = 0): FailureText => {
  const found = FAILURES[item]?.texts[index];
  if (!found) throw new Error(`demo failure text ${item}#${index} missing`);
  return found;
};

/**
 * Last year: 学生处 fails the carriers' register twice (the second a repeat), 继续教育学院 never finishes revising its
 * rules (overdue since the summer, and found again in the autumn), 计算机网络中心 leaves two new staff without pledges;
 * 外事处 and 纪委办公室 never did their second-half inspection.
 */
const previousYearStory: YearStory = {
  skipH2: ["foreignAffairs", "disciplineOffice"],
  findings: [
    {
      half: "unit",
      unit: "computerScience",
      item: "org.problems",
      severity: "minor",
      text: text("org.problems"),
    },
    { half: 0, unit: "electronics", item: "staff.carriers", text: text("staff.carriers"), severity: "minor" },
    { half: 1, unit: "studentAffairs", item: "daily.carriers", text: text("daily.carriers"), severity: "minor" },
    {
      half: 2,
      unit: "studentAffairs",
      item: "daily.carriers",
      severity: "major",
      text: {
        description: "涉密载体台账仍存在登记不及时的问题，与上半年检查发现的问题相同，整改未形成长效机制。",
        plan: "由单位负责人牵头，建立涉密载体台账每月核对制度，保密员每月底与实物逐件核对并签字。",
        evidence: "已建立台账每月核对制度，近两个月核对记录完整，台账与实物一致。",
      },
    },
    {
      half: 1,
      unit: "continuingEducation",
      item: "org.rules",
      severity: "minor",
      stalls: true,
      text: {
        description:
          "本单位保密管理制度制定后多年未修订，与学院现行实施细则不一致，考务、函授站管理等岗位的保密职责不明确。",
        plan: "对照学院实施细则修订本单位保密管理办法，明确考务、函授站管理等岗位的保密职责。",
        evidence: "",
        progress: "修订稿已形成，尚待单位会议审议。",
      },
    },
    {
      half: 2,
      unit: "continuingEducation",
      item: "org.problems",
      severity: "major",
      stalls: true,
      text: {
        description: "上半年检查发现的保密管理制度修订问题逾期未整改，整改台账未及时更新。",
        plan: "单位负责人督办，限期完成制度修订并更新整改台账。",
        evidence: "",
        progress: "已明确整改责任人，正在推进，尚未完成。",
      },
    },
    {
      half: 2,
      unit: "networkCenter",
      item: "daily.personnel",
      severity: "minor",
      stalls: true,
      text: {
        description: "两名新调入涉密岗位的工作人员未签订保密承诺书，未参加岗前保密教育。",
        plan: "组织相关人员补签保密承诺书并参加岗前保密教育，更新涉密人员名册。",
        evidence: "",
        progress: "一人已补签承诺书，另一人外出培训，尚未完成。",
      },
    },
  ],
};

/** This year so far: the office's winter inspection finds two things; the members' findings are drawn. */
const currentYearStory: YearStory = {
  skipH2: [],
  findings: [
    { half: 0, unit: "mechatronics", item: "site.access", text: text("site.access"), severity: "major" },
    { half: 0, unit: "networkEngineering", item: "staff.cleared", text: text("staff.cleared"), severity: "minor" },
  ],
};

/** One unit's inspection as drawn, before deciding what of it had happened by the load date. */
interface DrawnInspection {
  unitKey: string;
  day: string;
  results: Record<string, ItemResult>;
  failures: { item: string; text: FailureText; severity: Severity; stalls: boolean; category: FindingCategory }[];
}

/** A finding to raise once its inspection is written. */
interface QueuedFinding {
  template: InspectionTemplate;
  year: number;
  inspectionId: string;
  drawn: DrawnInspection;
  failure: DrawnInspection["failures"][number];
  timeline: Timeline | undefined;
  recordedBy: string;
}

/** When a finding's rectification steps fall, and the office's words when it verifies. */
interface Timeline {
  deadline: string;
  planned: Date;
  submitted: Date;
  verified: Date;
  note: string;
}

class InspectionWriter {
  readonly counts: InspectionCounts = { inspectionPlans: 0, inspections: 0, findings: 0, findingsClosed: 0 };
  private pending: {
    plans: Insertable<Database["inspection_plan"]>[];
    team: Insertable<Database["inspection_team"]>[];
    inspections: Insertable<Database["inspection"]>[];
    findings: QueuedFinding[];
  } = { plans: [], team: [], inspections: [], findings: [] };
  private readonly office: string;
  private readonly unitKeys: Map<string, string>;
  private readonly failed = new Set<string>();
  private readonly accounts = new Map<string, string>();

  constructor(
    private readonly trx: Trx,
    private readonly policy: Policy,
    private readonly plan: DemoPlan,
    private readonly inserted: Inserted,
    private readonly options: { institutionId: string; policyVersion: string; now: Date },
  ) {
    const office = inserted.accountIds.get(DEMO_OFFICE_USERNAME);
    if (!office) throw new Error(`demo account ${DEMO_OFFICE_USERNAME} missing`);
    this.office = office;
    this.unitKeys = new Map([...inserted.unitIds].map(([key, id]) => [id, key]));
  }

  /** Every person's account (the demo accounts and the signers' made by agreements.ts), by person id. */
  async readAccounts(): Promise<void> {
    const rows = await this.trx
      .selectFrom("account")
      .select(["id", "person_id"])
      .where("person_id", "is not", null)
      .orderBy("created_at")
      .execute();
    for (const row of rows)
      if (row.person_id && !this.accounts.has(row.person_id)) this.accounts.set(row.person_id, row.id);
  }

  /** Reserves the story's failures, so the random ones never repeat them by chance. */
  reserve(story: YearStory): void {
    for (const f of story.findings) this.failed.add(`${f.unit}|${f.item}`);
  }

  private happened(moment: Date): boolean {
    return moment.getTime() <= this.options.now.getTime();
  }

  private unit(key: string): string {
    const id = this.inserted.unitIds.get(key);
    if (!id) throw new Error(`demo unit ${key} missing`);
    return id;
  }

  private unitName(key: string): string {
    return this.plan.units.find((u) => u.key === key)?.name ?? key;
  }

  private person(key: string | undefined): string {
    const id = key ? this.inserted.personIds.get(key) : undefined;
    if (!id) throw new Error(`demo person ${key} missing`);
    return id;
  }

  /** Text that goes into the database: never with a secrecy marking (the marking guard would refuse it). */
  private text(value: string): string {
    if (hasSecrecyMarking(value)) throw new Error(`demo text carries a secrecy marking: ${value.slice(0, 40)}`);
    return value;
  }

  /** The secrecy office's director and its two officers (the member plans' second inspector, alternately). */
  private officePeople(): { director: string; officers: string[] } {
    const holders = (position: string) =>
      this.plan.appointments
        .filter((a) => a.unitKey === "secrecyOffice" && a.position === position && a.endsOn === null)
        .map((a) => this.person(a.personKey));
    const director = holders("SECRECY_OFFICE_DIRECTOR")[0];
    if (!director) throw new Error("demo secrecy office has no director");
    return { director, officers: holders("SECRECY_OFFICER") };
  }

  /** The units a member's plan covers: their seat's unit and the departments below it. */
  private seatUnits(seatKey: string): string[] {
    return [seatKey, ...this.plan.units.filter((u) => u.parentKey === seatKey).map((u) => u.key)];
  }

  /** One unit's results on the checklist: the story's failures, perhaps one drawn, the rest passed. */
  private draw(
    template: InspectionTemplate,
    unitKey: string,
    day: string,
    story: StoryFinding[],
    random: Random,
    randomFailure: boolean,
  ): DrawnInspection {
    const department = this.plan.units.find((u) => u.key === unitKey)?.parentKey !== ROOT;
    const items = templateItems(template);
    // 对外交流: a department has none of its own, and some offices none to speak of.
    const exchangeNa =
      items.some((i) => i.id === "daily.exchange") &&
      unitKey !== "foreignAffairs" &&
      (department || random.next() < 0.25);
    const failures: DrawnInspection["failures"] = story.map((f) => ({
      item: f.item,
      text: f.text,
      severity: f.severity,
      stalls: f.stalls ?? false,
      category: FAILURES[f.item]?.category ?? "other",
    }));
    const roll = random.next();
    const order = RANDOM_ITEMS.map((item) => ({ item, key: random.next() })).sort((a, b) => a.key - b.key);
    const variant = random.int(0, 1);
    const major = random.next() < 0.3;
    if (randomFailure && story.length === 0 && roll < 0.33) {
      const found = order.find(
        ({ item }) => !this.failed.has(`${unitKey}|${item}`) && !(item === "daily.exchange" && exchangeNa),
      );
      const entry = found ? FAILURES[found.item] : undefined;
      if (found && entry) {
        this.failed.add(`${unitKey}|${found.item}`);
        failures.push({
          item: found.item,
          text: entry.texts[variant % entry.texts.length] ?? text(found.item),
          severity: found.item === "daily.carriers" && major ? "major" : "minor",
          stalls: false,
          category: entry.category,
        });
      }
    }
    const results: Record<string, ItemResult> = {};
    for (const item of items) {
      const failure = failures.find((f) => f.item === item.id);
      const slight = random.next() < 0.2 && PASS_NOTES[item.id] !== undefined;
      if (failure)
        results[item.id] = {
          outcome: "fail",
          score: item.kind === "points" ? Math.round(item.points * (0.3 + random.int(0, 3) / 10)) : null,
          note: this.text(failure.text.description),
        };
      else if (item.id === "daily.exchange" && exchangeNa)
        results[item.id] = { outcome: "na", score: null, note: null };
      else if (item.kind === "points")
        results[item.id] = {
          outcome: "pass",
          score: slight ? item.points - random.int(1, 2) : item.points,
          note: slight ? (PASS_NOTES[item.id] ?? null) : null,
        };
      else results[item.id] = { outcome: "pass", score: null, note: null };
    }
    return { unitKey, day, results, failures };
  }

  /** The inspection's summary, from its results. */
  private summary(template: InspectionTemplate, drawn: DrawnInspection): string {
    const outcomes = Object.values(drawn.results);
    const count = (o: string) => outcomes.filter((r) => r.outcome === o).length;
    const name = this.unitName(drawn.unitKey);
    const opening =
      template.subject === "keyDepartment"
        ? `检查组实地查看了${name}要害部位的门禁、监控和密码柜，查阅了出入登记和涉密载体清查记录，抽查了工作人员保密承诺书。`
        : `检查组听取了${name}保密工作情况汇报，查阅了会议记录、保密制度和涉密人员、涉密载体台账，抽查了办公计算机使用情况。`;
    const na = count("na");
    const fails = count("fail");
    return this.text(
      `${opening}共检查${outcomes.length}项，符合${count("pass")}项${na ? `，不适用${na}项` : ""}${
        fails ? `，发现问题${fails}项，已当场反馈，明确整改要求和期限。` : "，未发现问题。"
      }`,
    );
  }

  /**
   * A plan with its team and one inspection per unit, as far as the load date has come: nothing before the plan is
   * made, draft inspections while it runs, each closed on its day with its findings to raise. Queued, so that a year's
   * rows go in a few statements (flush) rather than one round trip each.
   */
  private queuePlan(spec: {
    kind: "member" | "office" | "unit";
    year: number;
    half: 1 | 2 | null;
    title: string;
    lead: string;
    team: string[];
    template: InspectionTemplate;
    createdBy: string;
    createdAt: Date;
    inspections: DrawnInspection[];
    random: Random;
  }): void {
    // The rectification's dates, drawn before deciding what happened so a load date never shifts later draws.
    const timelines = spec.inspections.map((i) => i.failures.map(() => this.timeline(i.day, spec.random)));
    if (!this.happened(spec.createdAt)) return;
    const first = spec.inspections[0]?.day ?? dateIn(spec.createdAt);
    const last = spec.inspections.at(-1)?.day ?? first;
    const id = uuidv7();
    this.pending.plans.push({
      id,
      institution_id: this.options.institutionId,
      kind: spec.kind,
      title: this.text(spec.title),
      year: spec.year,
      half: spec.half,
      lead_person_id: spec.lead,
      starts_on: first,
      ends_on: addDays(last, 7),
      template_id: spec.template.id,
      template_version: spec.template.version,
      template: JSON.stringify(spec.template),
      created_by: spec.createdBy,
      created_at: toInstant(spec.createdAt),
      updated_at: toInstant(spec.createdAt),
    });
    for (const person_id of new Set([spec.lead, ...spec.team])) this.pending.team.push({ plan_id: id, person_id });
    this.counts.inspectionPlans++;
    const closer = this.accounts.get(spec.lead) ?? spec.createdBy;
    for (const [index, drawn] of spec.inspections.entries()) {
      const closedAt = at(drawn.day, "17:00");
      const closed = this.happened(closedAt);
      const inspectionId = uuidv7();
      this.pending.inspections.push({
        id: inspectionId,
        plan_id: id,
        institution_id: this.options.institutionId,
        unit_id: this.unit(drawn.unitKey),
        status: closed ? "closed" : "draft",
        results: closed ? JSON.stringify(drawn.results) : "{}",
        summary: closed ? this.summary(spec.template, drawn) : null,
        closed_on: closed ? drawn.day : null,
        closed_at: closed ? toInstant(closedAt) : null,
        closed_by: closed ? closer : null,
        created_at: toInstant(spec.createdAt),
        updated_at: toInstant(closed ? closedAt : spec.createdAt),
      });
      if (!closed) continue;
      this.counts.inspections++;
      for (const [n, failure] of drawn.failures.entries())
        this.pending.findings.push({
          template: spec.template,
          year: spec.year,
          inspectionId,
          drawn,
          failure,
          timeline: timelines[index]?.[n],
          recordedBy: closer,
        });
    }
  }

  /**
   * Writes what the year queued: plans, teams and inspections in a few statements, then the findings one by one in
   * the order they were found — a repeat is known by the earlier finding already being there.
   */
  private async flush(): Promise<void> {
    const { plans, team, inspections, findings } = this.pending;
    // In slices: a statement's bound parameters are limited (SQLite 32766, PostgreSQL 65535).
    for (let i = 0; i < plans.length; i += 100)
      await this.trx
        .insertInto("inspection_plan")
        .values(plans.slice(i, i + 100))
        .execute();
    for (let i = 0; i < team.length; i += 100)
      await this.trx
        .insertInto("inspection_team")
        .values(team.slice(i, i + 100))
        .execute();
    for (let i = 0; i < inspections.length; i += 100)
      await this.trx
        .insertInto("inspection")
        .values(inspections.slice(i, i + 100))
        .execute();
    findings.sort((a, b) => a.drawn.day.localeCompare(b.drawn.day));
    for (const f of findings) await this.finding(f);
    this.pending = { plans: [], team: [], inspections: [], findings: [] };
  }

  /** When a finding's rectification steps fall: planned, submitted with evidence, verified by the office. */
  private timeline(found: string, random: Random): Timeline {
    const deadline = addDays(found, random.int(30, 60));
    const planned = addDays(found, random.int(3, 10));
    const submitted = addDays(deadline, -random.int(0, 12));
    const submittedOn = submitted > addDays(planned, 2) ? submitted : addDays(planned, 2);
    return {
      deadline,
      planned: at(planned, "15:00"),
      submitted: at(submittedOn, "10:00"),
      verified: at(addDays(submittedOn, random.int(1, 6)), "16:00"),
      note: random.pick(VERIFICATION_NOTES),
    };
  }

  /**
   * A failed item raised as a finding through the feature's rule (owner, repeat, the rectification duty), then its
   * rectification as far as the load date: planned, submitted, verified and closed (销号) last — a closed finding is
   * final by trigger — or stalled after the plan.
   */
  private async finding({ template, year, inspectionId, drawn, failure, timeline, recordedBy }: QueuedFinding) {
    if (!timeline) throw new Error("demo finding without a timeline");
    const item = templateItems(template).find((i) => i.id === failure.item);
    if (!item) throw new Error(`demo checklist ${template.id} has no item ${failure.item}`);
    const unitId = this.unit(drawn.unitKey);
    const prepared = await prepareFinding(
      this.trx,
      this.policy,
      this.options.policyVersion,
      {
        source: "inspection",
        sourceId: inspectionId,
        institutionId: this.options.institutionId,
        unit: { id: unitId, kind: "unit" },
        year,
        itemId: item.id,
        itemText: item.text,
        category: failure.category,
        severity: failure.severity,
        description: this.text(failure.text.description),
        deadline: timeline.deadline,
      },
      at(drawn.day, "16:30"),
    );
    await prepared.insert(this.trx, recordedBy);
    this.counts.findings++;

    const planned = this.happened(timeline.planned);
    const submitted = !failure.stalls && this.happened(timeline.submitted);
    const verified = submitted && this.happened(timeline.verified);
    if (!planned) return;
    const owner = await this.trx
      .selectFrom("inspection_finding")
      .select("owner_person_id")
      .where("id", "=", prepared.id)
      .executeTakeFirstOrThrow();
    const submitter = (owner.owner_person_id && this.accounts.get(owner.owner_person_id)) || null;
    await this.trx
      .updateTable("inspection_finding")
      .set({
        status: verified ? "closed" : submitted ? "submitted" : "open",
        plan_text: this.text(failure.text.plan),
        progress: this.text(submitted ? "整改已全部完成。" : (failure.text.progress ?? "正在按整改措施推进。")),
        evidence: submitted ? this.text(failure.text.evidence) : null,
        submitted_by: submitted ? submitter : null,
        submitted_at: submitted ? toInstant(timeline.submitted) : null,
        verified_by: verified ? this.office : null,
        verified_at: verified ? toInstant(timeline.verified) : null,
        verification_note: verified ? this.text(timeline.note) : null,
        updated_at: toInstant(verified ? timeline.verified : submitted ? timeline.submitted : timeline.planned),
      })
      .where("id", "=", prepared.id)
      .execute();
    if (verified) this.counts.findingsClosed++;
  }

  /** Writes one year: the office's winter inspection, then each half's member inspections, oldest first. */
  async year(year: number, story: YearStory, random: Random): Promise<void> {
    const today = dateIn(this.options.now);
    const { director, officers } = this.officePeople();

    // 寒假前 the secrecy office inspects the classified units on the key-department checklist.
    const officeTemplate = shippedTemplate(OFFICE_TEMPLATE);
    const classified = this.plan.units.filter((u) => u.classified).map((u) => u.key);
    const officeStart = random.int(8, 12);
    this.queuePlan({
      kind: "office",
      year,
      half: null,
      title: `${year}年寒假前保密要害部门部位检查`,
      lead: director,
      team: officers,
      template: officeTemplate,
      createdBy: this.office,
      createdAt: at(day(year, 1, officeStart - 5), "10:00"),
      inspections: classified.map((unitKey, index) =>
        this.draw(
          officeTemplate,
          unitKey,
          day(year, 1, officeStart + index),
          story.findings.filter((f) => f.half === 0 && f.unit === unitKey),
          random,
          false,
        ),
      ),
      random,
    });

    // Each member's half-yearly inspection of their seat's unit (实施细则第十一条第（四）项).
    const memberTemplate = shippedTemplate(MEMBER_TEMPLATE);
    const weiyuan = this.plan.accounts.find((a) => a.username === MEMBER_ACCOUNT)?.personKey;
    const weiyuanId = weiyuan ? this.inserted.personIds.get(weiyuan) : undefined;
    for (const half of [1, 2] as const) {
      const startsOn = day(year, half === 1 ? 1 : 7, 1);
      const endsOn = day(year, half === 1 ? 6 : 12, half === 1 ? 30 : 31);
      if (startsOn > today) break;
      // The members on the day the engine reads the half's bearers (obligations/plan.ts): its last day, or today.
      const roster = await committeeRoster(
        this.trx,
        this.policy,
        this.options.institutionId,
        today <= endsOn ? today : endsOn,
      );
      const seats = roster.seats
        .filter((s) => s.seat === "member" && s.unit && s.holders[0])
        .map((s) => ({ unitKey: this.unitKeys.get(s.unit?.id ?? "") ?? "", lead: s.holders[0]?.personId ?? "" }))
        .filter((s) => s.unitKey !== "");
      const planned = seats.map((seat, index) => {
        const late = seat.lead === weiyuanId;
        // 上半年 in May and June, before the summer exams; 下半年 from mid-November to the winter break.
        const firstDay =
          half === 1
            ? late
              ? day(year, 6, random.int(20, 24))
              : addDays(day(year, 5, 11), random.int(0, 42))
            : late
              ? day(year, 12, random.int(16, 19))
              : addDays(day(year, 11, 9), random.int(0, 36));
        const units = this.seatUnits(seat.unitKey);
        const inspections = units.map((unitKey, n) =>
          this.draw(
            memberTemplate,
            unitKey,
            addDays(firstDay, n),
            story.findings.filter((f) => f.half === half && f.unit === unitKey),
            random,
            true,
          ),
        );
        const createdAt = at(addDays(firstDay, -random.int(7, 15)), "10:30");
        return { seat, index, firstDay, inspections, createdAt };
      });
      planned.sort((a, b) => a.firstDay.localeCompare(b.firstDay) || a.index - b.index);
      for (const { seat, index, inspections, createdAt } of planned) {
        if (half === 2 && story.skipH2.includes(seat.unitKey)) continue;
        const lead = seat.lead;
        this.queuePlan({
          kind: "member",
          year,
          half,
          title: `${this.unitName(seat.unitKey)}${year}年${half === 1 ? "上" : "下"}半年保密检查`,
          lead,
          team: officers.length ? [officers[index % officers.length] ?? lead] : [],
          template: memberTemplate,
          createdBy: this.accounts.get(lead) ?? this.office,
          createdAt,
          inspections,
          random,
        });
      }
    }
    this.unitHeadInspection(year, story, seededRandom(SEED + year + UNIT_HEAD_SEED_OFFSET));
    await this.flush();
  }

  /**
   * 计算机科学学院's head inspects the school and its departments in April (实施细则第六条第（三）项), with the school's
   * liaison. Its own draws, and no random failure: the members' draws stay as they were before heads inspected.
   */
  private unitHeadInspection(year: number, story: YearStory, random: Random): void {
    const account = this.plan.accounts.find((a) => a.username === UNIT_HEAD_ACCOUNT);
    const post = this.plan.appointments.find(
      (a) => a.personKey === account?.personKey && a.position === "UNIT_HEAD" && a.endsOn === null,
    );
    if (!account || !post) throw new Error(`demo account ${UNIT_HEAD_ACCOUNT} heads no unit`);
    const lead = this.person(account.personKey);
    const liaison = this.plan.appointments.find(
      (a) => a.unitKey === post.unitKey && a.position === "LIAISON" && a.endsOn === null,
    );
    const template = shippedTemplate(MEMBER_TEMPLATE);
    const firstDay = addDays(day(year, 4, 7), random.int(0, 10));
    this.queuePlan({
      kind: "unit",
      year,
      half: null,
      title: `${this.unitName(post.unitKey)}${year}年春季本单位保密检查`,
      lead,
      team: liaison ? [this.person(liaison.personKey)] : [],
      template,
      createdBy: this.accounts.get(lead) ?? this.office,
      createdAt: at(addDays(firstDay, -random.int(5, 10)), "09:30"),
      inspections: this.seatUnits(post.unitKey).map((unitKey, n) =>
        this.draw(
          template,
          unitKey,
          addDays(firstDay, n),
          story.findings.filter((f) => f.half === "unit" && f.unit === unitKey),
          random,
          false,
        ),
      ),
      random,
    });
  }
}

/**
 * Writes the inspections of the previous calendar year (relative to `now`, in Asia/Shanghai) in full and of the
 * current year up to `now`, in the caller's transaction, after the agreements (whose signers' accounts the members
 * and unit heads act through); returns how many records it wrote.
 */
export async function insertInspectionYears(
  trx: Trx,
  policy: Policy,
  plan: DemoPlan,
  inserted: Inserted,
  options: { institutionId: string; policyVersion: string; now: Date },
): Promise<InspectionCounts> {
  const writer = new InspectionWriter(trx, policy, plan, inserted, options);
  await writer.readAccounts();
  writer.reserve(previousYearStory);
  writer.reserve(currentYearStory);
  const current = Number(dateIn(options.now).slice(0, 4));
  for (const [year, story] of [
    [current - 1, previousYearStory],
    [current, currentYearStory],
  ] as const)
    await writer.year(year, story, seededRandom(SEED + year));
  return writer.counts;
}

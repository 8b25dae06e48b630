/**
 * The demo's personal self-checks (个人保密自查, 实施细则第七条第（二）项), written inside the demo's transaction for the
 * previous calendar year in full and the current one as far as the load date has come — nothing dated after it:
 * - the slots are the obligations engine's own: its planner (`obligations/plan.ts`) run over the self-check duties
 *   alone, so each cleared person's slots (every 3/6/12 months by tier, `2026-06-P6`) and unit are those it
 *   materializes;
 * - each person fills in the frozen `personal-self-check` form towards the end of the slot and submits it; their
 *   superior of the day (the self-checks feature's `confirmersOf`: the unit head, above a head the portfolio leader…)
 *   confirms it a few days later, inside the slot, through their account. Confirmed rows go in confirmed — final by
 *   trigger (migration 0020). Last year a few slots were missed; this year a few more, and some stay a draft or
 *   await confirmation. The cleared person with a demo account (`demo.shemi`) has the running slot still to do, and
 *   one of `demo.weiyuan`'s staff has submitted theirs for him to confirm;
 * - a few answers are 不符合 with a note: on confirmation each is raised as a finding through the inspections feature's
 *   rule (`raise-finding.ts`, source `selfCheck`) exactly as the service's confirmation does — the person's unit, owner
 *   its head, category and severity from the item, deadline 30 days on — with its `art6.2.rectify-finding` duty; its
 *   rectification is then written as far as the load date has come (planned, submitted, verified by the office).
 * Obligations are not marked here: the engine run after the load fulfils them from the confirmed self-checks.
 */
import { type Insertable, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { dateIn } from "../../domain/calendar.js";
import { type ItemResult, templateItems } from "../../domain/inspection.js";
import { hasSecrecyMarking } from "../../domain/marking-guard.js";
import { DEFAULT_YEAR_WINDOWS } from "../../domain/periods.js";
import { type Policy } from "../../domain/policy/schema.js";
import {
  checkAnswer,
  failedAnswers,
  findingKindOf,
  SELF_CHECK_FINDING_DAYS,
  SELF_CHECK_RECORD_KIND,
  SELF_CHECK_TEMPLATE,
  type SelfCheckAnswer,
} from "../../domain/self-check.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { shippedTemplate } from "../../platform/policy/template-loader.js";
import { prepareFinding } from "../inspections/raise-finding.js";
import { BearerDirectory } from "../obligations/bearers.js";
import { planYear } from "../obligations/plan.js";
import { type ResponsibleHolder } from "../obligations/responsible.js";
import { confirmersOf } from "../self-checks/access.js";
import { type Inserted } from "./insert.js";
import { addDays, type DemoPlan, ROOT } from "./plan.js";
import { type Random, seededRandom } from "./random.js";
import { at } from "./beijing.js";
import { DEMO_OFFICE_USERNAME } from "./accounts.js";

type Trx = Transaction<Database>;

/** How many self-checks the demo wrote, for the audit entry and the CLI. */
export interface SelfCheckCounts {
  /** Started, whatever their status. */
  selfChecks: number;
  selfChecksConfirmed: number;
  selfCheckFindings: number;
  selfCheckFindingsClosed: number;
}

// Its own seed, offset by the year, so that the self-checks never shift the other records' draws.
const SEED = 20121107;

/** The cleared person with a demo account: the slot running on the load date is left for them to fill in. */
const CLEARED_ACCOUNT = "demo.shemi";
/** A superior with a demo account: one of their staff's running slot awaits their confirmation. */
const CONFIRMER_ACCOUNT = "demo.weiyuan";

const clock = (random: Random, fromHour: number, toHour: number) =>
  `${String(random.int(fromHour, toHour)).padStart(2, "0")}:${String(random.int(0, 11) * 5).padStart(2, "0")}`;

/** What a person writes about an item they fail, and how the unit then rectifies it. */
interface FailureText {
  note: string;
  plan: string;
  evidence: string;
}

/** The items a person may find themselves wanting in (never the veto item: that would be a serious case). */
const FAILURES: Record<string, FailureText[]> = {
  "self.duties": [
    {
      note: "对学院新修订的保密工作实施细则学习不够，本岗位部分保密要求掌握不准确。",
      plan: "组织本人重新学习实施细则和岗位保密职责，由单位保密员讲解并抽查。",
      evidence: "已完成学习并通过单位组织的保密知识测试，学习记录已存档。",
    },
    {
      note: "岗位调整后未及时熟悉新岗位的保密职责和工作规范。",
      plan: "由单位负责人进行岗位保密谈话，本人学习新岗位的保密工作规范。",
      evidence: "已进行岗位保密谈话并签订岗位保密承诺，学习记录已存档。",
    },
  ],
  "self.carriers": [
    {
      note: "本人借阅的两份涉密文件使用完毕后未及时归还，台账未登记归还情况。",
      plan: "立即归还借阅的涉密文件，由保密员核对台账并补登归还记录。",
      evidence: "文件已全部归还，台账已补登归还记录，经保密员核对一致。",
    },
    {
      note: "本人保管的一份涉密载体收到后未在单位台账中登记。",
      plan: "将该载体补登入单位涉密载体台账，今后收到载体当日登记。",
      evidence: "已补登台账并经保密员核对签字，台账与实物一致。",
    },
  ],
  "self.travel": [
    {
      note: "因私出境证件办理后未按规定交由单位统一保管。",
      plan: "将因私出境证件交人事部门统一保管，并办理登记手续。",
      evidence: "证件已交人事处统一保管，登记手续已办理。",
    },
    {
      note: "寒假因私出境探亲，出行前未按规定履行报批手续。",
      plan: "补办因私出境报备手续，学习因私出国（境）管理规定。",
      evidence: "已补办报备手续，学习记录已存档。",
    },
  ],
};
const FAILING_ITEMS = Object.keys(FAILURES);

const VERIFICATION_NOTES = [
  "经核查，整改措施已落实，佐证材料齐全，同意销号。",
  "已查看相关台账和记录，问题已整改到位，同意销号。",
];

/** What becomes of a slot: done in time, missed, started but never submitted, submitted but never confirmed. */
type Course = "done" | "missed" | "draft" | "submitted";

/** One slot of one person, as the engine plans it. */
interface Slot {
  personId: string;
  name: string;
  unitId: string;
  tier: string;
  year: number;
  period: { id: string; startsOn: string; endsOn: string };
  /** The person's place in the demo plan, so draws follow the plan, not the ids. */
  order: number;
}

/** A slot's self-check as drawn, before deciding what of it had happened by the load date. */
interface Drawn {
  course: Course;
  created: Date;
  submitted: Date;
  confirmed: Date;
  answers: Record<string, ItemResult>;
  /** Answered in a draft that was never submitted. */
  partial: number;
  rectification: { planned: number; early: number; verifiedAfter: number; note: string };
}

/** A finding to raise once its self-check is written. */
interface QueuedFinding {
  selfCheckId: string;
  slot: Slot;
  drawn: Drawn;
  confirmerAccount: string;
}

class SelfCheckWriter {
  readonly counts: SelfCheckCounts = {
    selfChecks: 0,
    selfChecksConfirmed: 0,
    selfCheckFindings: 0,
    selfCheckFindingsClosed: 0,
  };
  private readonly template = shippedTemplate(SELF_CHECK_TEMPLATE);
  private readonly today: string;
  private readonly office: string;
  private readonly accounts = new Map<string, string>();
  private readonly unitKinds = new Map<string, string>();
  /** Unit and item of every failure so far: a second would be a repeat, which the story keeps for the inspections. */
  private readonly failed = new Set<string>();
  private readonly order: Map<string, number>;
  private readonly clearedPerson: string | undefined;
  private readonly confirmer: string | undefined;
  private readonly confirmerUnit: string | undefined;
  /** Per unit, the days its chain may change: an appointment above it or a portfolio begins or ends. */
  private readonly changes = new Map<string, string[]>();
  private readonly superiorsByEpoch = new Map<string, Promise<ResponsibleHolder[]>>();
  /** People holding an appointment or a portfolio, at any time. */
  private readonly posted: Set<string>;

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
    this.today = dateIn(options.now);
    this.order = new Map(plan.people.map((p, index) => [inserted.personIds.get(p.key) ?? p.key, index]));
    const holder = (username: string) => plan.accounts.find((a) => a.username === username)?.personKey;
    const confirmer = holder(CONFIRMER_ACCOUNT);
    this.clearedPerson = inserted.personIds.get(holder(CLEARED_ACCOUNT) ?? "");
    this.confirmer = inserted.personIds.get(confirmer ?? "");
    this.confirmerUnit = inserted.unitIds.get(plan.people.find((p) => p.key === confirmer)?.unitKey ?? "");
    this.posted = new Set(
      [...plan.appointments, ...plan.portfolios].map((a) => inserted.personIds.get(a.personKey) ?? a.personKey),
    );
  }

  /**
   * The days the chain above a unit may change: an appointment begins or ends (the day after its last) in the unit, a
   * unit above it, the institution or the secrecy office (the last resort of a vacant chain), or a portfolio begins.
   */
  private changesOf(unitId: string): string[] {
    let found = this.changes.get(unitId);
    if (!found) {
      const keys = new Map([...this.inserted.unitIds].map(([key, id]) => [id, key]));
      const parents = new Map(this.plan.units.map((u) => [u.key, u.parentKey]));
      const above = new Set([ROOT, "secrecyOffice"]);
      for (let key = keys.get(unitId); key !== undefined && key !== ROOT; key = parents.get(key)) above.add(key);
      found = [
        ...new Set([
          ...this.plan.appointments
            .filter((a) => above.has(a.unitKey))
            .flatMap((a) => [a.startsOn, ...(a.endsOn ? [addDays(a.endsOn, 1)] : [])]),
          ...this.plan.portfolios.map((p) => p.startsOn),
        ]),
      ];
      this.changes.set(unitId, found);
    }
    return found;
  }

  /** Every person's account (the demo accounts and the signers' made by agreements.ts), and every unit's kind. */
  async read(): Promise<void> {
    const rows = await this.trx
      .selectFrom("account")
      .select(["id", "person_id"])
      .where("person_id", "is not", null)
      .orderBy("created_at")
      .execute();
    for (const row of rows)
      if (row.person_id && !this.accounts.has(row.person_id)) this.accounts.set(row.person_id, row.id);
    for (const unit of await this.trx.selectFrom("unit").select(["id", "kind"]).execute())
      this.unitKinds.set(unit.id, unit.kind);
  }

  private happened(moment: Date): boolean {
    return moment.getTime() <= this.options.now.getTime();
  }

  /** Text that goes into the database: never with a secrecy marking (the marking guard would refuse it). */
  private text(value: string): string {
    if (hasSecrecyMarking(value)) throw new Error(`demo text carries a secrecy marking: ${value.slice(0, 40)}`);
    return value;
  }

  /** The year's slots as the engine plans them: its planner over the duties a self-check discharges, and nothing else. */
  private async slots(year: number): Promise<Slot[]> {
    const duties = this.policy.duties.filter(
      (d) => d.discharge.by === "record" && d.discharge.record === SELF_CHECK_RECORD_KIND,
    );
    const root = await this.trx
      .selectFrom("unit")
      .select(["id", "name", "path"])
      .where("id", "=", this.options.institutionId)
      .executeTakeFirstOrThrow();
    const policy = { ...this.policy, duties };
    const planned = await planYear(policy, new BearerDirectory(this.trx, policy, root), {
      year,
      today: this.today,
      semesters: [],
      windows: DEFAULT_YEAR_WINDOWS,
    });
    const slots: Slot[] = planned.flatMap(({ bearer, period }) =>
      bearer.personId
        ? [
            {
              personId: bearer.personId,
              name: bearer.name,
              unitId: bearer.unitId,
              tier: bearer.tier ?? "GENERAL",
              year,
              period: { id: period.id, startsOn: period.startsOn, endsOn: period.endsOn },
              order: this.order.get(bearer.personId) ?? Number.MAX_SAFE_INTEGER,
            },
          ]
        : [],
    );
    return slots.sort((a, b) => a.order - b.order || a.period.startsOn.localeCompare(b.period.startsOn));
  }

  /**
   * One slot's self-check, drawn in full whatever the load date (so a load date never shifts later draws): started a
   * few days before it is submitted, three to forty days before the slot ends, confirmed one to three days later;
   * mostly every item met, sometimes one not, with what is wrong.
   */
  private draw(slot: Slot, random: Random, lastYear: boolean): Drawn {
    const roll = random.next();
    const course: Course = lastYear
      ? roll < 0.04
        ? "missed"
        : "done"
      : roll < 0.05
        ? "missed"
        : roll < 0.08
          ? "draft"
          : roll < 0.11
            ? "submitted"
            : "done";
    const submittedOn = addDays(slot.period.endsOn, -random.int(3, 40));
    const createdOn = addDays(submittedOn, -random.int(0, 5));
    const confirmedOn = addDays(submittedOn, random.int(1, 3));
    const created = at(createdOn, clock(random, 8, 11));
    const submitted = at(submittedOn, clock(random, 14, 17));
    const confirmed = at(confirmedOn, clock(random, 9, 17));
    const carriersNa = slot.tier === "GENERAL" && random.next() < 0.5;
    const travelNa = random.next() < 0.15;
    const fails = random.next() < 0.06;
    const failing = random.pick(FAILING_ITEMS);
    const variant = random.int(0, 1);
    const partial = random.int(1, 3);
    const rectification = {
      planned: random.int(3, 10),
      early: random.int(0, 12),
      verifiedAfter: random.int(1, 6),
      note: random.pick(VERIFICATION_NOTES),
    };
    const key = `${slot.unitId}|${failing}`;
    // Never at the institution itself (the leaders): a finding there would have no unit head to own its rectification.
    const failure =
      fails &&
      slot.unitId !== this.options.institutionId &&
      !this.failed.has(key) &&
      !(failing === "self.carriers" && carriersNa) &&
      !(failing === "self.travel" && travelNa)
        ? FAILURES[failing]?.[variant]
        : undefined;
    if (failure && course !== "missed") this.failed.add(key);
    const answers: Record<string, ItemResult> = {};
    for (const item of templateItems(this.template)) {
      const notApplicable = (item.id === "self.carriers" && carriersNa) || (item.id === "self.travel" && travelNa);
      const answer: SelfCheckAnswer =
        failure && item.id === failing
          ? { itemId: item.id, outcome: "fail", note: this.text(failure.note) }
          : { itemId: item.id, outcome: notApplicable ? "na" : "pass" };
      // Checked and stored as the service stores an answer (不适用 only where the form allows, 不符合 with a note).
      checkAnswer(this.template, `answers.${item.id}`, answer);
      answers[item.id] = { outcome: answer.outcome, score: answer.score ?? null, note: answer.note || null };
    }
    return { course, created, submitted, confirmed, answers, partial, rectification };
  }

  /**
   * The person's superiors on a day (the self-checks feature's `confirmersOf`, which the service asks). Asking it once
   * per self-check was most of what writing them cost, so an answer is remembered until the next day the chain above the
   * person's unit may change (`changesOf`) — the resolver's answer cannot change in between — and shared by the people
   * of a unit who hold no post: none of them is in the chain, so theirs is the unit's first filled level, the same for all.
   */
  private superiors(slot: Slot, day: string): Promise<ResponsibleHolder[]> {
    const epoch = this.changesOf(slot.unitId).filter((d) => d <= day).length;
    const key = `${this.posted.has(slot.personId) ? slot.personId : slot.unitId}|${epoch}`;
    let found = this.superiorsByEpoch.get(key);
    if (!found) {
      found = confirmersOf(
        this.trx,
        this.policy,
        {
          institution_id: this.options.institutionId,
          unit_id: slot.unitId,
          person_id: slot.personId,
          person_name: slot.name,
        },
        day,
      );
      this.superiorsByEpoch.set(key, found);
    }
    return found;
  }

  /** The first of the person's superiors on the day with an account: who the service would let confirm. */
  private async confirmerOn(slot: Slot, day: string): Promise<{ personId: string; accountId: string }> {
    for (const holder of await this.superiors(slot, day)) {
      const accountId = this.accounts.get(holder.personId);
      if (accountId) return { personId: holder.personId, accountId };
    }
    throw new Error(`demo: no account for the superior of ${slot.name} on ${day}`);
  }

  /**
   * Writes one year's self-checks as far as the load date has come, in a few statements, then raises the confirmed
   * ones' findings in the order they were confirmed.
   */
  async year(year: number, random: Random, lastYear: boolean): Promise<void> {
    const rows: Insertable<Database["self_check"]>[] = [];
    const findings: QueuedFinding[] = [];
    let awaiting = false;
    for (const slot of await this.slots(year)) {
      const drawn = this.draw(slot, random, lastYear);
      if (slot.period.startsOn > this.today) continue;
      const running = slot.period.endsOn >= this.today;
      let { course, created, submitted } = drawn;
      if (running && slot.personId === this.clearedPerson) continue;
      if (running && !awaiting && (await this.confirms(slot))) {
        // Submitted in the last days, for the superior with a demo account to confirm on screen.
        const submittedOn =
          submitted.getTime() < this.options.now.getTime() - 2 * 86_400_000
            ? dateIn(submitted)
            : addDays(this.today, -2);
        if (submittedOn < slot.period.startsOn) continue;
        course = "submitted";
        awaiting = true;
        submitted = at(submittedOn, "15:20");
        if (created.getTime() > submitted.getTime()) created = at(submittedOn, "09:40");
      }
      if (course === "missed" || !this.happened(created)) continue;
      const isSubmitted = course !== "draft" && this.happened(submitted);
      const isConfirmed = course === "done" && isSubmitted && this.happened(drawn.confirmed);
      const confirmer = isConfirmed ? await this.confirmerOn(slot, dateIn(drawn.confirmed)) : null;
      const answers = isSubmitted
        ? drawn.answers
        : Object.fromEntries(Object.entries(drawn.answers).slice(0, drawn.partial));
      const id = uuidv7();
      const updated = confirmer ? drawn.confirmed : isSubmitted ? submitted : created;
      rows.push({
        id,
        institution_id: this.options.institutionId,
        person_id: slot.personId,
        unit_id: slot.unitId,
        period_id: slot.period.id,
        period_starts_on: slot.period.startsOn,
        period_due_on: slot.period.endsOn,
        year,
        template_id: this.template.id,
        template_version: this.template.version,
        template: JSON.stringify(this.template),
        answers: JSON.stringify(answers),
        status: confirmer ? "confirmed" : isSubmitted ? "submitted" : "draft",
        submitted_at: isSubmitted ? toInstant(submitted) : null,
        confirmed_by: confirmer?.accountId ?? null,
        confirmer_person_id: confirmer?.personId ?? null,
        confirmed_at: confirmer ? toInstant(drawn.confirmed) : null,
        return_reason: null,
        created_at: toInstant(created),
        updated_at: toInstant(updated),
      });
      this.counts.selfChecks++;
      if (!confirmer) continue;
      this.counts.selfChecksConfirmed++;
      if (failedAnswers(this.template, drawn.answers).length > 0)
        findings.push({ selfCheckId: id, slot, drawn, confirmerAccount: confirmer.accountId });
    }
    // In slices: a statement's bound parameters are limited (SQLite 32766, PostgreSQL 65535).
    for (let i = 0; i < rows.length; i += 100)
      await this.trx
        .insertInto("self_check")
        .values(rows.slice(i, i + 100))
        .execute();
    findings.sort((a, b) => a.drawn.confirmed.getTime() - b.drawn.confirmed.getTime());
    for (const finding of findings) await this.findings(finding);
  }

  /** Whether the slot's person (one of their staff) is confirmed today by the superior with a demo account. */
  private async confirms(slot: Slot): Promise<boolean> {
    if (!this.confirmer || slot.unitId !== this.confirmerUnit || slot.personId === this.confirmer) return false;
    return (await this.superiors(slot, this.today)).some((h) => h.personId === this.confirmer);
  }

  /**
   * The confirmation's findings, as the service raises them (`confirmSelfCheck`): each failed answer a finding of the
   * person's unit, its kind from the item, the note as description, due 30 days after the confirmation; then its
   * rectification as far as the load date: planned, submitted by the owner, verified and closed (销号) by the office.
   */
  private async findings({ selfCheckId, slot, drawn, confirmerAccount }: QueuedFinding): Promise<void> {
    const deadline = addDays(dateIn(drawn.confirmed), SELF_CHECK_FINDING_DAYS);
    const kind = this.unitKinds.get(slot.unitId);
    if (!kind) throw new Error(`demo unit ${slot.unitId} missing`);
    for (const { section, item, answer } of failedAnswers(this.template, drawn.answers)) {
      const prepared = await prepareFinding(
        this.trx,
        this.policy,
        this.options.policyVersion,
        {
          source: "selfCheck",
          sourceId: selfCheckId,
          institutionId: this.options.institutionId,
          unit: { id: slot.unitId, kind },
          year: slot.year,
          itemId: item.id,
          itemText: item.text,
          ...findingKindOf(section.id, item),
          description: answer.note ?? item.text.zh,
          deadline,
        },
        drawn.confirmed,
      );
      await prepared.insert(this.trx, confirmerAccount);
      this.counts.selfCheckFindings++;

      const text = FAILURES[item.id]?.find((f) => f.note === answer.note);
      if (!text) continue;
      const { planned: plannedAfter, early, verifiedAfter, note } = drawn.rectification;
      const plannedOn = addDays(dateIn(drawn.confirmed), plannedAfter);
      const submittedOn =
        addDays(deadline, -early) > addDays(plannedOn, 2) ? addDays(deadline, -early) : addDays(plannedOn, 2);
      const planned = at(plannedOn, "15:00");
      const submitted = at(submittedOn, "10:00");
      const verifiedAt = at(addDays(submittedOn, verifiedAfter), "16:00");
      if (!this.happened(planned)) continue;
      const isSubmitted = this.happened(submitted);
      const verified = isSubmitted && this.happened(verifiedAt);
      const owner = await this.trx
        .selectFrom("inspection_finding")
        .select("owner_person_id")
        .where("id", "=", prepared.id)
        .executeTakeFirstOrThrow();
      const submitter = (owner.owner_person_id && this.accounts.get(owner.owner_person_id)) || null;
      await this.trx
        .updateTable("inspection_finding")
        .set({
          status: verified ? "closed" : isSubmitted ? "submitted" : "open",
          plan_text: this.text(text.plan),
          progress: this.text(isSubmitted ? "整改已全部完成。" : "正在按整改措施推进。"),
          evidence: isSubmitted ? this.text(text.evidence) : null,
          submitted_by: isSubmitted ? submitter : null,
          submitted_at: isSubmitted ? toInstant(submitted) : null,
          verified_by: verified ? this.office : null,
          verified_at: verified ? toInstant(verifiedAt) : null,
          verification_note: verified ? this.text(note) : null,
          updated_at: toInstant(verified ? verifiedAt : isSubmitted ? submitted : planned),
        })
        .where("id", "=", prepared.id)
        .execute();
      if (verified) this.counts.selfCheckFindingsClosed++;
    }
  }
}

/**
 * Writes the cleared persons' self-checks of the previous calendar year (relative to `now`, in Asia/Shanghai) in full
 * and of the current year up to `now`, in the caller's transaction, after the agreements (whose signers' accounts the
 * superiors confirm through); returns how many records it wrote.
 */
export async function insertSelfCheckYears(
  trx: Trx,
  policy: Policy,
  plan: DemoPlan,
  inserted: Inserted,
  options: { institutionId: string; policyVersion: string; now: Date },
): Promise<SelfCheckCounts> {
  const writer = new SelfCheckWriter(trx, policy, plan, inserted, options);
  await writer.read();
  const current = Number(dateIn(options.now).slice(0, 4));
  for (const year of [current - 1, current]) await writer.year(year, seededRandom(SEED + year), year < current);
  return writer.counts;
}

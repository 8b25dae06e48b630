/**
 * The demo committee's records (committee-script.ts) written into the database inside the demo's transaction: the
 * previous calendar year complete, the current one as far as the load date has come — nothing dated after it. Rows
 * go in directly in their final state (signed minutes, approved plan, submitted reports…), as the services would have
 * left them: the triggers of migrations 0011–0013 refuse any later UPDATE of a signed or approved row, so nothing is
 * inserted as a draft and signed afterwards. Signatures are computed as the services compute them, and every signer
 * is whoever held the director's seat on the signing day, asked of the meetings feature's own rule (`signer.ts`).
 * Obligations are not touched here: the engine materializes them afterwards and the records discharge them.
 */
import { createHash } from "node:crypto";
import { type Insertable, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { dateIn } from "../../domain/calendar.js";
import { hasSecrecyMarking } from "../../domain/marking-guard.js";
import { minutesNumber } from "../../domain/meeting.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type Rubric, type RubricAnswers, scoreRubric } from "../../domain/rubric.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { shippedRubric } from "../../platform/policy/rubric-loader.js";
import { MINUTES_PREFIX } from "../meetings/presenter.js";
import { committeeSignature, signingRight } from "../meetings/signer.js";
import { compilePlanReport } from "../reports/compile.js";
import { REPORT_NUMBER_PREFIX, type ReportRecipient } from "../reports/kinds.js";
import { committeeRoster } from "../responsibility/committee.js";
import { DEFAULT_RUBRIC } from "../supervision/service.js";
import {
  CLASSIFIED_WORK_ITEMS,
  currentYearScript,
  DEDUCTION_REASONS,
  longDate,
  previousYearScript,
  type ScriptMeeting,
  type ScriptTask,
  type YearScript,
} from "./committee-script.js";
import { type Inserted } from "./insert.js";
import { addDays, type DemoPlan, ROOT } from "./plan.js";
import { type Random, seededRandom } from "./random.js";
import { at } from "./beijing.js";
import { DEMO_OFFICE_USERNAME } from "./accounts.js";

type Trx = Transaction<Database>;

/** How many committee records the demo wrote, for the audit entry and the CLI. */
export interface CommitteeCounts {
  meetings: number;
  trackedTasks: number;
  annualPlans: number;
  supervisions: number;
  assessments: number;
  annualSummaries: number;
  reports: number;
}

// Another fixed seed than the institution's (plan.ts), offset by the year, so that the committee year never shifts
// the generated names and a given year comes out the same on every machine.
const SEED = 20121026;

interface Signer {
  personId: string;
  name: string;
  accountId: string | null;
}

/** A committee approval (审定) as the services store it: by the director, signed over the record's id and the day. */
function approvalColumns(table: string, id: string, signer: Signer | null, approvedAt: Date) {
  return {
    approved_by_account: signer?.accountId ?? null,
    approved_by_person: signer?.personId ?? null,
    approved_as: signer ? ("director" as const) : null,
    delegation_id: null,
    approved_at: signer ? toInstant(approvedAt) : null,
    signature: signer
      ? committeeSignature(table, [id, signer.personId, signer.accountId, toInstant(approvedAt)])
      : null,
  };
}

/** What a year's writing produced, for the summary's figures. */
interface YearFacts {
  meetings: { title: string; number: string }[];
  tasks: { fromMeeting: boolean; createdAt: Date; closedAt: Date | null; dueOn: string }[];
  notes: string[];
  bands: string[];
}

class Writer {
  readonly counts: CommitteeCounts = {
    meetings: 0,
    trackedTasks: 0,
    annualPlans: 0,
    supervisions: 0,
    assessments: 0,
    annualSummaries: 0,
    reports: 0,
  };
  private readonly office: string;
  private readonly rubric: Rubric = shippedRubric(DEFAULT_RUBRIC);

  constructor(
    private readonly trx: Trx,
    private readonly policy: Policy,
    private readonly plan: DemoPlan,
    private readonly inserted: Inserted,
    private readonly institutionId: string,
    private readonly now: Date,
  ) {
    const office = inserted.accountIds.get(DEMO_OFFICE_USERNAME);
    if (!office) throw new Error(`demo account ${DEMO_OFFICE_USERNAME} missing`);
    this.office = office;
  }

  private happened(moment: Date): boolean {
    return moment.getTime() <= this.now.getTime();
  }

  private unit(key: string): string {
    const id = this.inserted.unitIds.get(key);
    if (!id) throw new Error(`demo unit ${key} missing`);
    return id;
  }

  private unitName(key: string): string {
    return this.plan.units.find((u) => u.key === key)?.name ?? key;
  }

  /** Text that goes into the database: never with a secrecy marking (the marking guard would refuse it). */
  private text(value: string): string {
    if (hasSecrecyMarking(value)) throw new Error(`demo text carries a secrecy marking: ${value.slice(0, 40)}`);
    return value;
  }

  /** The demo account of a person holding a post of the unit on the day (its head or liaison), who files updates. */
  private unitAccount(unitKey: string, on: string): string | null {
    for (const account of this.plan.accounts) {
      const holds = this.plan.appointments.some(
        (a) =>
          a.personKey === account.personKey &&
          a.unitKey === unitKey &&
          (a.position === "UNIT_HEAD" || a.position === "LIAISON") &&
          a.startsOn <= on &&
          (a.endsOn === null || a.endsOn >= on),
      );
      if (holds) return this.inserted.accountIds.get(account.username) ?? null;
    }
    return null;
  }

  /** The person in the director's seat on the day, confirmed by the meetings feature's signing rule. */
  private async director(day: string): Promise<Signer> {
    const roster = await committeeRoster(this.trx, this.policy, this.institutionId, day);
    const holder = roster.seats.find((s) => s.seat === "director")?.holders[0];
    const right = holder ? await signingRight(this.trx, this.policy, this.institutionId, holder.personId, day) : null;
    if (!holder || right?.signedAs !== "director") throw new Error(`no committee director on ${day}`);
    const account = await this.trx
      .selectFrom("account")
      .select("id")
      .where("person_id", "=", holder.personId)
      .executeTakeFirst();
    return { personId: holder.personId, name: holder.personName, accountId: account?.id ?? null };
  }

  /** Writes one year of the script, keeping only what happened by the load date. */
  async year(script: YearScript, random: Random): Promise<void> {
    const facts: YearFacts = { meetings: [], tasks: [], notes: [], bands: [] };
    let minutesSequence = 0;
    const planApproved = await this.annualPlan(script, random, facts);
    for (const meeting of script.meetings)
      if (await this.meeting(script.year, meeting, random, facts, minutesSequence + 1)) minutesSequence++;
    await this.supervision(script);
    for (const note of script.supervision.notes)
      if (this.happened(at(note.on, "16:00"))) facts.notes.push(this.unitName(note.unit));
    const assessed = await this.assessment(script, random, facts);
    const summary = await this.summary(script, facts, assessed);
    let reportSequence = 0;
    const next = () => ++reportSequence;
    if (planApproved) {
      const draft = await compilePlanReport(this.trx, this.institutionId, script.year);
      await this.reports(script.year, "planReport", script.reports.plan, draft, next);
    }
    if (summary)
      await this.reports(
        script.year,
        "summaryReport",
        script.reports.summary,
        {
          title: `关于${script.year}年度保密工作情况的报告`,
          body: [
            `根据《实施细则》第十二条第（四）项关于年终报告年度保密工作总结的规定，现将我校${script.year}年度保密工作情况报告如下。`,
            ...summary.split("\n"),
            "特此报告。",
          ].join("\n"),
          attachments: [`${script.year}年度保密工作总结`],
        },
        next,
      );
  }

  // ── Tracked tasks ──────────────────────────────────────────────────────────────────────────────────────────

  /** A tracked task from its origin, with the history its unit and the office would have written by now. */
  private async task(
    task: ScriptTask,
    origin: { meetingId: string; decisionId: string } | { planItemId: string },
    createdAt: Date,
    random: Random,
    facts: YearFacts,
  ): Promise<void> {
    const created = dateIn(createdAt);
    const history: { kind: "progress" | "report" | "close"; on: Date; note: string; percent: number | null }[] = [];
    if (task.stalled) {
      for (const step of task.stalled)
        history.push({ kind: "progress", on: at(step.on, "16:20"), note: step.note, percent: step.percent });
    } else {
      const span = Math.round((Date.parse(task.dueOn) - Date.parse(created)) / 86_400_000);
      const reportOn = addDays(task.dueOn, -random.int(1, Math.max(1, Math.min(6, span - 3))));
      const closeOn = addDays(reportOn, random.int(1, 3));
      if (span >= 14)
        history.push({
          kind: "progress",
          on: at(addDays(created, Math.round(span * 0.45)), "16:20"),
          note: "已制定工作方案，明确责任人和时间安排，正在按计划推进。",
          percent: 50,
        });
      history.push({ kind: "report", on: at(reportOn, "10:30"), note: task.done, percent: null });
      history.push({
        kind: "close",
        on: at(closeOn, "15:10"),
        note: "经核查，办理情况属实，材料齐全，同意办结。",
        percent: null,
      });
    }
    const done = history.filter((h) => this.happened(h.on));
    const report = done.find((h) => h.kind === "report");
    const close = done.find((h) => h.kind === "close");
    const progress = done.filter((h) => h.kind === "progress").at(-1);
    const reportedBy = report ? this.unitAccount(task.unit, dateIn(report.on)) : null;
    const id = uuidv7();
    await this.trx
      .insertInto("tracked_task")
      .values({
        id,
        institution_id: this.institutionId,
        meeting_id: "meetingId" in origin ? origin.meetingId : null,
        decision_id: "decisionId" in origin ? origin.decisionId : null,
        plan_item_id: "planItemId" in origin ? origin.planItemId : null,
        title: this.text(task.title),
        owner_unit_id: this.unit(task.unit),
        due_on: task.dueOn,
        status: close ? "closed" : report ? "reported" : "open",
        percent: report ? 100 : (progress?.percent ?? 0),
        report_summary: report ? this.text(report.note) : null,
        reported_by: reportedBy,
        reported_at: report ? toInstant(report.on) : null,
        closed_by: close ? this.office : null,
        closed_at: close ? toInstant(close.on) : null,
        created_at: toInstant(createdAt),
        updated_at: toInstant(done.at(-1)?.on ?? createdAt),
        assigned_by: null,
        document_no: null,
        event_id: null,
      })
      .execute();
    if (done.length > 0)
      await this.trx
        .insertInto("tracked_task_progress")
        .values(
          done.map((h) => ({
            id: uuidv7(),
            task_id: id,
            kind: h.kind,
            note: this.text(h.note),
            percent: h.percent,
            by_account: h.kind === "close" ? this.office : this.unitAccount(task.unit, dateIn(h.on)),
            at: toInstant(h.on),
          })),
        )
        .execute();
    this.counts.trackedTasks++;
    facts.tasks.push({ fromMeeting: "meetingId" in origin, createdAt, closedAt: close?.on ?? null, dueOn: task.dueOn });
  }

  // ── The annual plan ────────────────────────────────────────────────────────────────────────────────────────

  /** The plan (a draft until the approval day has come); its items become tracked tasks once approved. */
  private async annualPlan(script: YearScript, random: Random, facts: YearFacts): Promise<boolean> {
    const drafted = at(script.plan.draftedOn, "10:00");
    const approvedAt = at(script.plan.approvedOn, "11:00");
    if (!this.happened(drafted)) return false;
    const approved = this.happened(approvedAt);
    const signer = approved ? await this.director(script.plan.approvedOn) : null;
    const id = uuidv7();
    await this.trx
      .insertInto("annual_plan")
      .values({
        id,
        institution_id: this.institutionId,
        year: script.year,
        status: approved ? "approved" : "draft",
        title: this.text(script.plan.title),
        body: this.text(script.plan.body),
        ...approvalColumns("annual_plan", id, signer, approvedAt),
        created_by: this.office,
        created_at: toInstant(drafted),
        updated_at: toInstant(signer ? approvedAt : drafted),
      })
      .execute();
    this.counts.annualPlans++;
    const items = script.plan.items.map((item, index) => ({ item, id: uuidv7(), position: index + 1 }));
    await this.trx
      .insertInto("plan_item")
      .values(
        items.map(({ item, id: itemId, position }) => ({
          id: itemId,
          plan_id: id,
          position,
          title: this.text(item.title),
          owner_unit_id: this.unit(item.unit),
          due_on: item.dueOn,
        })),
      )
      .execute();
    if (approved)
      for (const { item, id: planItemId } of items) await this.task(item, { planItemId }, approvedAt, random, facts);
    return approved;
  }

  // ── Meetings ───────────────────────────────────────────────────────────────────────────────────────────────

  /** A regular meeting once held: agenda, attendance, minutes, and — once signed — its number and tasks. */
  private async meeting(
    year: number,
    script: ScriptMeeting,
    random: Random,
    facts: YearFacts,
    sequence: number,
  ): Promise<boolean> {
    const held = script.heldOn;
    const heldAt = at(held, "14:30");
    const draftedAt = at(addDays(held, 2), "16:00");
    const signedAt = at(addDays(held, 5), "11:00");
    const agendaSetAt = at(addDays(held, -7), "10:00");
    // Dates drawn before deciding what happened, so a meeting's facts do not depend on the load date.
    const proposedOn = script.agenda.map(() => addDays(held, -random.int(12, 19)));
    const roster = await committeeRoster(this.trx, this.policy, this.institutionId, held);
    const seated = new Map<string, string>();
    for (const seat of roster.seats)
      for (const holder of seat.holders) if (!seated.has(holder.personId)) seated.set(holder.personId, seat.seat);
    const members = [...seated.entries()].filter(([, seat]) => seat !== "director").map(([personId]) => personId);
    const away = new Set<string>();
    while (away.size < Math.min(2, members.length)) away.add(random.pick(members));
    const leaveNotes = ["因公出差", "参加上级会议", "病假"];
    if (!this.happened(heldAt)) return false;

    const signed = this.happened(signedAt);
    const drafted = this.happened(draftedAt);
    const director = await this.director(held);
    const signer = signed ? await this.director(addDays(held, 5)) : null;
    const id = uuidv7();
    const present = [...seated.keys()].filter((p) => !away.has(p)).length;
    const minutesText = drafted
      ? this.text(script.minutes({ director: director.name, present, onLeave: away.size }))
      : null;
    const decisions = script.decisions.map((d, index) => ({
      id: uuidv7(),
      position: index + 1,
      text: this.text(d.title),
      owner_unit_id: this.unit(d.unit),
      due_on: d.dueOn,
      task: d,
    }));
    const signature = signer
      ? committeeSignature("minutes", [
          id,
          script.title,
          minutesText,
          JSON.stringify(decisions.map((d) => [d.text, d.owner_unit_id, d.due_on])),
          signer.personId,
          signer.accountId,
          toInstant(signedAt),
        ])
      : null;
    await this.trx
      .insertInto("meeting")
      .values({
        id,
        institution_id: this.institutionId,
        kind: "regular",
        title: this.text(script.title),
        status: signed ? "signed" : drafted ? "minutesDrafted" : "held",
        year: Number(held.slice(0, 4)),
        planned_at: toInstant(heldAt),
        place: this.text(script.place),
        agenda_call_deadline: toInstant(at(addDays(held, -10), "17:00")),
        agenda_call_note: `请各委员和各单位围绕本学期保密工作提出议题，于${longDate(addDays(held, -10))}前报保密办公室。`,
        held_at: toInstant(heldAt),
        minutes_text: minutesText,
        minutes_drafted_by: drafted ? this.office : null,
        minutes_drafted_at: drafted ? toInstant(draftedAt) : null,
        minutes_sequence: signed ? sequence : null,
        signed_by_account: signer?.accountId ?? null,
        signed_by_person: signer?.personId ?? null,
        signed_as: signer ? "director" : null,
        delegation_id: null,
        signed_at: signer ? toInstant(signedAt) : null,
        signature,
        cancel_reason: null,
        event_id: null,
        created_by: this.office,
        created_at: toInstant(at(addDays(held, -28), "09:00")),
        updated_at: toInstant(signed ? signedAt : drafted ? draftedAt : heldAt),
      })
      .execute();
    this.counts.meetings++;

    let position = 0;
    await this.trx
      .insertInto("agenda_proposal")
      .values(
        script.agenda.map((item, index) => ({
          id: uuidv7(),
          meeting_id: id,
          unit_id: this.unit(item.unit),
          title: this.text(item.title),
          summary: this.text(item.summary),
          proposed_by: item.by ? (this.inserted.accountIds.get(item.by) ?? null) : this.office,
          proposed_at: toInstant(item.by ? at(proposedOn[index] ?? held, "15:00") : agendaSetAt),
          status: item.declined ? ("declined" as const) : ("accepted" as const),
          position: item.declined ? null : ++position,
          decline_reason: item.declined ? this.text(item.declined) : null,
        })),
      )
      .execute();
    const agenda = Buffer.from(
      this.text(
        [
          `${script.title}议程`,
          `时间：${longDate(held)}14:30`,
          `地点：${script.place}`,
          ...script.agenda.filter((a) => !a.declined).map((a, i) => `${i + 1}. ${a.title}（${this.unitName(a.unit)}）`),
        ].join("\n"),
      ),
      "utf8",
    );
    await this.trx
      .insertInto("meeting_material")
      .values({
        id: uuidv7(),
        meeting_id: id,
        name: "会议议程.txt",
        type: "text/plain; charset=utf-8",
        size: agenda.length,
        sha256: createHash("sha256").update(agenda).digest("hex"),
        content: agenda,
        uploaded_by: this.office,
        uploaded_at: toInstant(at(addDays(held, -3), "17:30")),
      })
      .execute();

    // 出席 the seated members, 请假 those away; the secrecy office's director and an officer 列席 (the latter records).
    const attendance: Insertable<Database["meeting_attendance"]>[] = [...seated.keys()].map((personId) => ({
      meeting_id: id,
      person_id: personId,
      kind: away.has(personId) ? "onLeave" : "present",
      note: away.has(personId) ? random.pick(leaveNotes) : null,
    }));
    for (const [position, note] of [
      ["SECRECY_OFFICE_DIRECTOR", "保密办公室主任"],
      ["SECRECY_OFFICER", "记录"],
    ] as const) {
      const personId = this.holderOn(position, held);
      if (personId && !seated.has(personId))
        attendance.push({ meeting_id: id, person_id: personId, kind: "nonVoting", note });
    }
    await this.trx.insertInto("meeting_attendance").values(attendance).execute();

    if (drafted && decisions.length > 0)
      await this.trx
        .insertInto("minutes_decision")
        .values(
          decisions.map((d) => ({
            id: d.id,
            meeting_id: id,
            position: d.position,
            text: d.text,
            owner_unit_id: d.owner_unit_id,
            due_on: d.due_on,
          })),
        )
        .execute();
    if (signed) {
      facts.meetings.push({ title: script.title, number: minutesNumber(MINUTES_PREFIX, year, sequence) });
      for (const d of decisions) await this.task(d.task, { meetingId: id, decisionId: d.id }, signedAt, random, facts);
    }
    return signed;
  }

  /** The first person holding a secrecy-office position on the day (the plan's order). */
  private holderOn(position: string, on: string): string | null {
    const appointment = this.plan.appointments.find(
      (a) =>
        a.unitKey === "secrecyOffice" &&
        a.position === position &&
        a.startsOn <= on &&
        (a.endsOn === null || a.endsOn >= on),
    );
    return appointment ? (this.inserted.personIds.get(appointment.personKey) ?? null) : null;
  }

  // ── Supervision, assessment, summary ───────────────────────────────────────────────────────────────────────

  /** The mid-year supervision: its notes to units as they were written, completed with the report once done. */
  private async supervision(script: YearScript): Promise<void> {
    const notes = script.supervision.notes
      .map((n) => ({ ...n, at: at(n.on, "16:00") }))
      .filter((n) => this.happened(n.at));
    const first = notes[0];
    if (!first) return;
    const completedAt = at(script.supervision.completedOn, "17:00");
    const completed = this.happened(completedAt);
    const id = uuidv7();
    await this.trx
      .insertInto("supervision")
      .values({
        id,
        institution_id: this.institutionId,
        year: script.year,
        status: completed ? "completed" : "open",
        report: completed ? this.text(script.supervision.report) : null,
        completed_by: completed ? this.office : null,
        completed_at: completed ? toInstant(completedAt) : null,
        created_at: toInstant(first.at),
      })
      .execute();
    await this.trx
      .insertInto("supervision_note")
      .values(
        notes.map((n) => ({
          id: uuidv7(),
          supervision_id: id,
          unit_id: this.unit(n.unit),
          text: this.text(n.text),
          created_by: this.office,
          created_at: toInstant(n.at),
        })),
      )
      .execute();
    this.counts.supervisions++;
  }

  /** Units with classified work: classified themselves or below, or with a cleared person in them or below. */
  private classifiedWork(): Set<string> {
    const parent = new Map(this.plan.units.map((u) => [u.key, u.parentKey]));
    const top = (key: string): string => {
      let current = key;
      while ((parent.get(current) ?? ROOT) !== ROOT) current = parent.get(current) ?? ROOT;
      return current;
    };
    const unitOf = new Map(this.plan.people.map((p) => [p.key, p.unitKey]));
    const found = new Set<string>();
    for (const u of this.plan.units) if (u.classified) found.add(top(u.key));
    for (const c of this.plan.clearances) {
      const unitKey = unitOf.get(c.personKey);
      if (unitKey && unitKey !== ROOT) found.add(top(unitKey));
    }
    return found;
  }

  /** One unit's answers on the rubric, losing points for plausible reasons until the score falls in its band. */
  private answers(band: "conform" | "basic" | "nonconform", classified: boolean, overdue: boolean, random: Random) {
    const answers: RubricAnswers = {};
    for (const section of this.rubric.sections)
      for (const item of section.items) {
        if (item.kind === "veto") answers[item.id] = { vetoed: false };
        else if (item.kind === "deduction") answers[item.id] = { score: 0 };
        else if (!classified && CLASSIFIED_WORK_ITEMS.has(item.id)) answers[item.id] = { excluded: true };
        else answers[item.id] = { score: item.points };
      }
    if (overdue)
      answers["deduct.overdue-rectification"] = { score: 2, note: "年中督查和例会议定的整改事项逾期未完成。" };
    const reasons = DEDUCTION_REASONS.filter((r) => classified || !r.cleared)
      .map((r) => ({ r, order: random.next() }))
      .sort((a, b) => a.order - b.order)
      .map(({ r }) => r);
    const percent = () => scoreRubric(this.rubric, answers).percent ?? 100;
    const lose = (r: (typeof reasons)[number]) => {
      const current = answers[r.item]?.score ?? 0;
      answers[r.item] = { score: Math.max(0, current - r.points), note: r.note };
    };
    if (band === "conform") {
      for (const r of reasons.slice(0, random.int(0, 2))) {
        const before = { ...answers[r.item] };
        lose(r);
        if (percent() < 90) answers[r.item] = before;
      }
    } else {
      const ceiling = band === "basic" ? 90 : 80;
      for (const r of reasons) {
        if (percent() < ceiling) break;
        lose(r);
      }
    }
    return answers;
  }

  /** The year-end assessment on the shipped rubric: every unit below the institution scored, then approved. */
  private async assessment(script: YearScript, random: Random, facts: YearFacts): Promise<boolean> {
    const units = this.plan.units.filter((u) => u.parentKey === ROOT);
    const classified = this.classifiedWork();
    const scored = units.map((u, index) => {
      const band = script.assessment.nonconform.includes(u.key)
        ? ("nonconform" as const)
        : script.assessment.basic.includes(u.key)
          ? ("basic" as const)
          : ("conform" as const);
      const answers = this.answers(
        band,
        classified.has(u.key),
        script.assessment.overdueRectification.includes(u.key),
        random,
      );
      const score = scoreRubric(this.rubric, answers);
      if (score.band?.key !== band) throw new Error(`demo assessment of ${u.key}: ${score.band?.key} is not ${band}`);
      return { unit: u, answers, score, at: at(addDays(script.assessment.scoredFrom, Math.floor(index / 3)), "15:00") };
    });
    const done = scored.filter((s) => this.happened(s.at));
    const first = done[0];
    if (!first) return false;
    const approvedAt = at(script.assessment.approvedOn, "10:00");
    const approved = done.length === scored.length && this.happened(approvedAt);
    const signer = approved ? await this.director(script.assessment.approvedOn) : null;
    const id = uuidv7();
    await this.trx
      .insertInto("assessment")
      .values({
        id,
        institution_id: this.institutionId,
        year: script.year,
        status: signer ? "approved" : "draft",
        rubric: JSON.stringify(this.rubric),
        ...approvalColumns("assessment", id, signer, approvedAt),
        created_at: toInstant(first.at),
        updated_at: toInstant(signer ? approvedAt : (done.at(-1)?.at ?? first.at)),
      })
      .execute();
    await this.trx
      .insertInto("assessment_score")
      .values(
        done.map((s) => {
          for (const answer of Object.values(s.answers)) if (answer.note) this.text(answer.note);
          return {
            assessment_id: id,
            unit_id: this.unit(s.unit.key),
            answers: JSON.stringify(s.answers),
            earned: s.score.earned,
            possible: s.score.possible,
            percent: s.score.percent,
            band: s.score.band?.key ?? "none",
            vetoed: 0 as const,
            scored_by: this.office,
            scored_at: toInstant(s.at),
          };
        }),
      )
      .execute();
    this.counts.assessments++;
    facts.bands = done.map((s) => s.score.band?.key ?? "none");
    return approved;
  }

  /** The annual summary, drafted then approved; its text is made from what the year's records say. */
  private async summary(script: YearScript, facts: YearFacts, assessed: boolean): Promise<string | null> {
    const draftedAt = at(script.summary.draftedOn, "16:00");
    if (!this.happened(draftedAt)) return null;
    const approvedAt = at(script.summary.approvedOn, "10:30");
    const approved = assessed && this.happened(approvedAt);
    const signer = approved ? await this.director(script.summary.approvedOn) : null;
    const asOf = approvedAt;
    const by = (moment: Date | null) => moment !== null && moment.getTime() <= asOf.getTime();
    const meetingTasks = facts.tasks.filter((t) => t.fromMeeting && by(t.createdAt));
    const closed = meetingTasks.filter((t) => by(t.closedAt)).length;
    const late = meetingTasks.filter((t) => !by(t.closedAt) && t.dueOn < dateIn(asOf));
    const planTasks = facts.tasks.filter((t) => !t.fromMeeting);
    const held = script.meetings.filter((m) => at(m.heldOn, "14:30").getTime() <= asOf.getTime());
    const planDone = planTasks.filter((t) => by(t.closedAt)).length;
    const count = (band: string) => facts.bands.filter((b) => b === band).length;
    const y = script.year;
    const text = this.text(
      [
        `${y}年，在学院党委的领导下，保密委员会认真贯彻《保密法》及其实施条例，按照《实施细则》的要求全面落实保密工作责任制，全年未发生泄密事件。`,
        "一、责任体系进一步健全。年初完成各单位负责人年度保密工作责任书签订，涉密人员保密承诺书做到应签尽签。",
        `二、委员会工作制度有效运行。全年召开保密委员会例会${held.length}次，研究议题${held.reduce((n, m) => n + m.agenda.filter((a) => !a.declined).length, 0)}项；例会议定督办事项${meetingTasks.length}项，已办结${closed}项${
          late.length > 0 ? `，${late.length}项逾期未办结，已列为重点督办事项` : ""
        }。年度工作计划确定的${planTasks.length}项任务已完成${planDone}项，其余按计划推进。`,
        `三、督查考核发挥实效。年中督查向${facts.notes.join("、") || "有关单位"}发出督查意见，限期整改；年底按评分表对${facts.bands.length}个单位进行考核，符合${count("conform")}个，基本符合${count("basic")}个，不符合${count("nonconform")}个。`,
        `四、存在的不足。个别单位对信息发布保密审查重视不够，整改进度滞后；部分单位保密工作档案管理仍不规范。${y + 1}年将以问题整改为重点，进一步压实各级保密责任。`,
      ].join("\n"),
    );
    const id = uuidv7();
    await this.trx
      .insertInto("annual_summary")
      .values({
        id,
        institution_id: this.institutionId,
        year: y,
        status: signer ? "approved" : "draft",
        text,
        ...approvalColumns("annual_summary", id, signer, approvedAt),
        created_at: toInstant(draftedAt),
        updated_at: toInstant(signer ? approvedAt : draftedAt),
      })
      .execute();
    this.counts.annualSummaries++;
    return approved ? text : null;
  }

  // ── Reports upward ─────────────────────────────────────────────────────────────────────────────────────────

  /** One report of the kind to each body: drafted, signed (numbered 保委〔年〕N号) and submitted as the dates allow. */
  private async reports(
    year: number,
    kind: "planReport" | "summaryReport",
    dates: { draftedOn: string; signedOn: string; submittedOn: [string, string] },
    draft: { title: string; body: string; attachments: string[] },
    nextSequence: () => number,
  ): Promise<void> {
    const recipients: [ReportRecipient, string, string][] = [
      ["partyCommittee", dates.submittedOn[0], "已报送院党委，由党委办公室签收。"],
      ["higherCommittee", dates.submittedOn[1], "已通过电子公文系统报送上级保密委员会办公室。"],
    ];
    const draftedAt = at(dates.draftedOn, "09:30");
    if (!this.happened(draftedAt)) return;
    const signedAt = at(dates.signedOn, "16:00");
    const signer = this.happened(signedAt) ? await this.director(dates.signedOn) : null;
    for (const [recipient, submittedOn, note] of recipients) {
      const submittedAt = at(submittedOn, "10:00");
      const submitted = signer !== null && this.happened(submittedAt);
      const id = uuidv7();
      const title = this.text(draft.title);
      const body = this.text(draft.body);
      const attachments = JSON.stringify(draft.attachments.map((a) => this.text(a)));
      await this.trx
        .insertInto("report")
        .values({
          id,
          institution_id: this.institutionId,
          year,
          kind,
          recipient,
          status: submitted ? "submitted" : signer ? "signed" : "draft",
          title,
          body,
          attachments,
          contact: null,
          number_prefix: REPORT_NUMBER_PREFIX,
          number_sequence: signer ? nextSequence() : null,
          event_id: null,
          signed_by_account: signer?.accountId ?? null,
          signed_by_person: signer?.personId ?? null,
          signed_as: signer ? "director" : null,
          delegation_id: null,
          signed_at: signer ? toInstant(signedAt) : null,
          signature: signer
            ? committeeSignature("report", [
                id,
                title,
                body,
                attachments,
                signer.personId,
                signer.accountId,
                toInstant(signedAt),
              ])
            : null,
          submitted_by: submitted ? this.office : null,
          submitted_at: submitted ? toInstant(submittedAt) : null,
          submitted_note: submitted ? note : null,
          created_by: this.office,
          created_at: toInstant(draftedAt),
          updated_at: toInstant(submitted ? submittedAt : signer ? signedAt : draftedAt),
        })
        .execute();
      this.counts.reports++;
    }
  }
}

/**
 * Writes the committee's previous calendar year (relative to `now`, in Asia/Shanghai) in full and the current year up
 * to `now`, in the caller's transaction; returns how many records of each kind it wrote.
 */
export async function insertCommitteeYears(
  trx: Trx,
  policy: Policy,
  plan: DemoPlan,
  inserted: Inserted,
  options: { institutionId: string; now: Date },
): Promise<CommitteeCounts> {
  const writer = new Writer(trx, policy, plan, inserted, options.institutionId, options.now);
  const current = Number(dateIn(options.now).slice(0, 4));
  for (const [year, script] of [
    [current - 1, previousYearScript],
    [current, currentYearScript],
  ] as const) {
    const random = seededRandom(SEED + year);
    await writer.year(script(year, random), random);
  }
  return writer.counts;
}

/**
 * Reminders and escalation (DESIGN.md §4): an obligation due soon reminds the people responsible for it; an overdue
 * one tells them, then climbs the responsibility chain one level every `escalationDays` (unit head → portfolio
 * leader → secrecy leader → principal leaders). Every notice has a dedupe key, so it is sent once and only once
 * however often (or however late) the engine runs. Each new notice lands in the inbox (待办) and is queued for
 * e-mail (to a person's address) and for the configured webhooks.
 */
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { escalationLevel, statusBounds, statusOf } from "../../domain/obligation.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { dutyTitle } from "./presenter.js";
import { escalationOf, type ResponsibleHolder } from "./responsible.js";
import { type ObligationSettings } from "./settings.js";

type Db = Kysely<Database>;

export interface ReminderCounts {
  dueSoon: number;
  overdue: number;
  escalated: number;
}

interface Notice {
  kind: "dueSoon" | "overdue" | "escalated";
  level: number;
  holder: ResponsibleHolder;
  title: string;
  body: string;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Sends what is owed today for every open obligation that is due soon or overdue. */
export async function sendReminders(
  db: Db,
  policy: Policy,
  today: string,
  now: Date,
  settings: ObligationSettings,
  mailEnabled: boolean,
  /** Only obligations with an hour deadline (the hourly pass between daily runs). */
  hourDeadlinesOnly = false,
): Promise<ReminderCounts> {
  const timings = settings.timings;
  const { soonFrom } = statusBounds(today, timings);
  const rows = await db
    .selectFrom("obligation")
    .select([
      "id",
      "institution_id",
      "duty_id",
      "article",
      "bearer_role",
      "bearer_unit_id",
      "bearer_person_id",
      "bearer_name",
      "due_on",
      "due_at",
      "state",
      "escalation_level",
    ])
    .where("state", "=", "open")
    .where("due_on", "is not", null)
    .where("due_on", "<=", soonFrom)
    .$if(hourDeadlinesOnly, (qb) => qb.where("due_at", "is not", null))
    .orderBy("due_on")
    .execute();
  const counts: ReminderCounts = { dueSoon: 0, overdue: 0, escalated: 0 };
  for (const row of rows) {
    const due = row.due_on ?? today;
    const status = statusOf(row.state, due, today, timings, { dueAt: row.due_at, now: toInstant(now) });
    const duty = dutyTitle(policy, row.duty_id, "zh-CN");
    const citation = citationOf(policy, row.article) ?? row.article;
    const steps = await escalationOf(db, policy, row, today);
    const notices: Notice[] = [];
    if (status === "dueSoon") {
      for (const holder of steps[0]?.holders ?? [])
        notices.push({
          kind: "dueSoon",
          level: 0,
          holder,
          title: `【即将到期】${duty}`,
          body: `${row.bearer_name}：${duty}（${citation}）将于 ${due} 到期，请及时落实并提交落实材料。`,
        });
    } else if (status === "overdue") {
      // An hour deadline passed today is overdue already: its responsible people hear at once.
      const level = Math.max(Math.min(1, steps.length), escalationLevel(due, today, steps.length, timings));
      const late = daysBetween(due, today);
      steps.slice(0, level).forEach((step, index) => {
        for (const holder of step.holders)
          notices.push(
            index === 0
              ? {
                  kind: "overdue",
                  level: 1,
                  holder,
                  title: `【已逾期】${duty}`,
                  body: `${row.bearer_name}：${duty}（${citation}）已于 ${due} 到期，逾期 ${late} 天，请尽快落实。`,
                }
              : {
                  kind: "escalated",
                  level: index + 1,
                  holder,
                  title: `【逾期督办】${row.bearer_name}：${duty}`,
                  body: `${row.bearer_name}的“${duty}”（${citation}）已逾期 ${late} 天，按保密工作责任制逐级提请您督促落实。`,
                },
          );
      });
      if (level !== Number(row.escalation_level))
        await db
          .updateTable("obligation")
          .set({ escalation_level: level, updated_at: toInstant(now) })
          .where("id", "=", row.id)
          .where("state", "=", "open")
          .execute();
    }
    for (const notice of notices)
      if (await deliverNotice(db, row.id, notice, now, settings, mailEnabled)) counts[notice.kind]++;
  }
  return counts;
}

/** Puts one notice in each account of the person, once; queues its e-mail and webhooks. True when anything was new. */
async function deliverNotice(
  db: Db,
  obligationId: string,
  notice: Notice,
  now: Date,
  settings: ObligationSettings,
  mailEnabled: boolean,
): Promise<boolean> {
  const accounts = await db
    .selectFrom("account")
    .leftJoin("person", "person.id", "account.person_id")
    .select(["account.id", "person.email"])
    .where("account.person_id", "=", notice.holder.personId)
    .where("account.status", "=", "active")
    .execute();
  let sent = false;
  const at = toInstant(now);
  for (const account of accounts) {
    const id = uuidv7();
    const inserted = await db
      .insertInto("notification")
      .values({
        id,
        account_id: account.id,
        obligation_id: obligationId,
        kind: notice.kind,
        level: notice.level,
        // Once per kind, obligation and account: a chain that shifts mid-escalation never tells anyone twice.
        dedupe_key: `${notice.kind}:${obligationId}:${account.id}`,
        title: notice.title,
        body: notice.body,
        created_at: at,
        read_at: null,
      })
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) continue;
    sent = true;
    const queue = [
      ...(mailEnabled && account.email ? [{ channel: "email" as const, target: account.email }] : []),
      ...settings.webhooks.map((w) => ({ channel: "webhook" as const, target: JSON.stringify(w) })),
    ];
    if (queue.length)
      await db
        .insertInto("delivery")
        .values(
          queue.map((q) => ({
            id: uuidv7(),
            notification_id: id,
            channel: q.channel,
            target: q.target,
            subject: notice.title,
            body: notice.body,
            status: "pending" as const,
            last_error: null,
            created_at: at,
            sent_at: null,
          })),
        )
        .execute();
  }
  return sent;
}

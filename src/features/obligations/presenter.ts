/** How an obligation reads in a list, an export and the dashboard: citation, duty, bearer, period, status. */
import { type Locale, inLocale } from "../../domain/locale.js";
import { OBLIGATION_STATUS_NAMES, statusOf, type ObligationTimings } from "../../domain/obligation.js";
import { bearerName, citationOf, eventName, REPORT_TARGET_NAMES } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { periodLabelOf } from "../../domain/periods.js";
import { type ObligationSummary } from "./contract.js";
import { type ObligationRow } from "./queries.js";

/** The duty's title, or its id when the policy in force no longer has it (history outlives rule changes). */
export function dutyTitle(policy: Policy, dutyId: string, locale: Locale): string {
  const duty = policy.duties.find((d) => d.id === dutyId);
  return duty ? inLocale(duty.title, locale) : dutyId;
}

/** The period as people name it: "2027年上半年", "2027-03-02 发生泄密事件时", "2027年年初（报院党委）". */
export function periodName(
  policy: Policy,
  row: Pick<ObligationRow, "duty_id" | "period_kind" | "period_id" | "starts_on" | "due_on">,
  locale: Locale,
): string {
  if (row.period_kind === "event") {
    const duty = policy.duties.find((d) => d.id === row.duty_id);
    const name = duty?.cadence.every === "event" ? inLocale(eventName(duty.cadence.event), locale) : "";
    return locale === "en-US" ? `When ${name} (${row.starts_on})` : `${row.starts_on} ${name}时`;
  }
  const label = inLocale(periodLabelOf(row.period_kind, row.period_id, row.starts_on, row.due_on), locale);
  const target = row.period_id.split("@")[1] as keyof typeof REPORT_TARGET_NAMES | undefined;
  if (!target || !(target in REPORT_TARGET_NAMES)) return label;
  const to = inLocale(REPORT_TARGET_NAMES[target], locale);
  return locale === "en-US" ? `${label}, to ${to}` : `${label}（报${to}）`;
}

/** The list view of a row. */
export function presentSummary(
  policy: Policy,
  row: ObligationRow,
  locale: Locale,
  today: string,
  timings: ObligationTimings,
  now: string,
): ObligationSummary {
  const status = statusOf(row.state, row.due_on, today, timings, { dueAt: row.due_at, now });
  const role = row.bearer_role as Parameters<typeof bearerName>[1];
  return {
    id: row.id,
    dutyId: row.duty_id,
    duty: dutyTitle(policy, row.duty_id, locale),
    article: row.article,
    citation: citationOf(policy, row.article) ?? row.article,
    bearerRole: row.bearer_role,
    bearerRoleName: inLocale(bearerName(policy, role), locale),
    bearer: row.bearer_name,
    unit: { id: row.bearer_unit_id, name: row.unit_name },
    personId: row.bearer_person_id,
    periodId: row.period_id,
    period: periodName(policy, row, locale),
    year: Number(row.year),
    startsOn: row.starts_on,
    dueOn: row.due_on,
    dueAt: row.due_at,
    status,
    statusName: inLocale(OBLIGATION_STATUS_NAMES[status], locale),
    escalationLevel: Number(row.escalation_level),
    closedAt: row.closed_at,
  };
}

/**
 * The workflows of the committee's records (a meeting, a tracked task, a research topic, a finding…) are small state
 * machines: each action may start from some statuses and leads to one (or leaves it). One rule for all of them: an
 * action from any other status is a 409 that names the status the record is in (DESIGN.md §6), so the user learns
 * why, and the details carry the status for the screen.
 */
import { AppError, type Localized } from "./errors.js";

export interface StateMachine<S extends string, A extends string> {
  /** How the refusal names the record: { zh: "该会议", en: "The meeting" }. */
  subject: Localized;
  statusNames: Record<S, Localized>;
  actionNames: Record<A, Localized>;
  /** The statuses an action may start from, and where it leads (null: the status does not change). */
  rules: Record<A, { from: readonly S[]; to: S | null }>;
  /** What the refusal adds, in Chinese, after the status ("；会议已取消"): why, or what to do first. */
  hint?: (current: S, action: A) => string;
}

/** Whether the action is allowed in the status (for the `abilities` of a response). */
export function allows<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  current: S,
  action: A,
): boolean {
  return machine.rules[action].from.includes(current);
}

/** The status after the action, or a 409 naming the status the record is in. */
export function nextStatus<S extends string, A extends string>(machine: StateMachine<S, A>, current: S, action: A): S {
  const rule = machine.rules[action];
  if (rule.from.includes(current)) return rule.to ?? current;
  const state = machine.statusNames[current];
  const act = machine.actionNames[action];
  throw new AppError(
    "CONFLICT",
    {
      zh: `${machine.subject.zh}当前状态为“${state.zh}”，不能${act.zh}${machine.hint?.(current, action) ?? ""}`,
      en: `${machine.subject.en} is at “${state.en}”; it cannot ${act.en}`,
    },
    { state: current },
  );
}

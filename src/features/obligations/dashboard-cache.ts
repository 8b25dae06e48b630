/**
 * The dashboard's answers, kept for a short while per (what the actor may see, the filters, the day): a provincial
 * office's dashboard counts hundreds of thousands of obligations, and several people opening it — or one refreshing
 * it — should not each pay for that. A change made in this process (evidence decided, a waiver, an event, a
 * materialization) starts a new generation, so its own users see it at once; another process's change shows within
 * `TTL_MS`. Concurrent identical requests share one computation.
 */
import { scopesFor, type Actor } from "../../domain/access.js";
import { type DashboardView } from "./contract.js";
import { OBLIGATION_READ } from "./queries.js";

export const TTL_MS = 60_000;
const MAX_ENTRIES = 200;

let generation = 0;
const entries = new Map<string, { at: number; value: Promise<DashboardView> }>();

/** Marks every cached answer out of date: called by whatever changes obligations. */
export function touchObligations(): void {
  generation++;
  entries.clear();
}

/** The cached answer for these inputs, or a fresh one from `compute`. */
export function cachedDashboard(
  actor: Actor,
  inputs: Record<string, unknown>,
  now: number,
  compute: () => Promise<DashboardView>,
): Promise<DashboardView> {
  // What the actor sees is decided by their read scopes and their person (their own obligations), nothing else.
  const key = JSON.stringify([generation, scopesFor(actor, OBLIGATION_READ), actor.personId, actor.today, inputs]);
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = compute();
  entries.set(key, { at: now, value });
  // A failed computation is not kept: the next request tries again.
  value.catch(() => entries.delete(key));
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return value;
}

/**
 * The findings list's pages and the findings statistics, kept as the JSON text sent, per (what the actor reaches, the
 * route's inputs, the day), under the findings' data version (platform/db/data-versions.ts). The office pages through
 * and refreshes lists and figures that change far less often than they are read; an answer from here costs one
 * version read instead of the page's query (or a year's counts), its visibility and its serialization
 * (bench/inspections.ts).
 * Never stale: every committed change to a finding, or to what decides who sees one or what it shows (inspections,
 * teams, plans, self-checks, units, people), bumps the version by trigger — whichever process made it — and the version
 * is read before the answer is. What the actor reaches is taken from the actor (read scopes, rectification scopes,
 * person), which the session rebuilds on every request; the day is in the key because overdue flags depend on it.
 */
import { scopesFor, type Actor } from "../../domain/access.js";
import { dataVersionReader } from "../../platform/db/data-versions.js";
import { type Db } from "../../platform/db/database.js";
import { FINDING_UPDATE, INSPECTION_READ } from "./service.js";

/** Enough for every page and figure a busy office has open; a page is at most 200 summaries. */
const MAX_ENTRIES = 500;
const MAX_CHARS = 32 * 1024 * 1024;

export interface FindingsAnswerCache {
  /**
   * The answer's JSON text: cached for these inputs at the current version, or `compute`d (and kept). `inputs` names
   * the route and everything else its answer depends on (query, locale).
   */
  answer(actor: Actor, inputs: object, today: string, compute: () => Promise<string>): Promise<string>;
}

const caches = new WeakMap<Db, FindingsAnswerCache>();

/** The cache of the app's database: one for the list's and the statistics' routes. */
export function findingsAnswerCache(app: { db: Db }): FindingsAnswerCache {
  let cache = caches.get(app.db);
  if (!cache) caches.set(app.db, (cache = createCache(app.db)));
  return cache;
}

function createCache(db: Db): FindingsAnswerCache {
  const currentVersion = dataVersionReader(db, "findings");
  // Insertion order is recency order (a hit moves its entry to the end), so the first key is the one to evict.
  const entries = new Map<string, Promise<string>>();
  const sizes = new Map<string, number>();
  let chars = 0;
  let version = "";

  const forget = (key: string): void => {
    chars -= sizes.get(key) ?? 0;
    sizes.delete(key);
    entries.delete(key);
  };

  return {
    async answer(actor, inputs, today, compute) {
      const now = await currentVersion();
      if (now !== version) {
        // A request that read the version before another read a newer one: answered, nothing kept or dropped.
        if (Number(now) < Number(version)) return compute();
        // Everything kept was read at an older version.
        entries.clear();
        sizes.clear();
        chars = 0;
        version = now;
      }
      const key = JSON.stringify([
        scopesFor(actor, INSPECTION_READ),
        scopesFor(actor, FINDING_UPDATE),
        actor.personId,
        today,
        inputs,
      ]);
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      // Concurrent identical requests share one computation; a failed one is not kept.
      const text = compute();
      entries.set(key, text);
      text.then(
        (value) => {
          if (entries.get(key) !== text) return;
          sizes.set(key, value.length);
          chars += value.length;
          while (entries.size > MAX_ENTRIES || chars > MAX_CHARS) forget(entries.keys().next().value ?? "");
        },
        () => {
          if (entries.get(key) === text) forget(key);
        },
      );
      return text;
    },
  };
}

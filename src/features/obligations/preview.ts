/**
 * A year's obligations without writing anything: the stored ones as they are (history included), and those the plan
 * calls for that are not stored yet, as they would be materialized. The CLI prints this; a year ahead can be
 * checked before the engine reaches it.
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";
import { activePolicy } from "../policy/active-policy.js";
import { termsAround } from "./academic-calendar.js";
import { BearerDirectory, institutions } from "./bearers.js";
import { obligationRow } from "./materialize.js";
import { obligationKey, planYear } from "./plan.js";
import { obligationColumns, type ObligationRow } from "./queries.js";
import { type ObligationSettings } from "./settings.js";

export type PreviewRow = ObligationRow & { stored: boolean };

/** Every obligation of the year (in a unit's subtree when asked), soonest due first. */
export async function planObligationsOfYear(
  db: Kysely<Database>,
  options: { year: number; unitId?: string | undefined; today: string; settings: ObligationSettings },
): Promise<PreviewRow[]> {
  const { policy, sha256 } = await activePolicy(db);
  const root = options.unitId
    ? await db.selectFrom("unit").select("path").where("id", "=", options.unitId).executeTakeFirst()
    : undefined;
  const within = (path: string) => root === undefined || path.startsWith(root.path);
  const stored = (await obligationColumns(db).where("o.year", "=", options.year).execute()).filter((r) =>
    within(r.unit_path),
  );
  const rows: PreviewRow[] = stored.map((r) => ({ ...r, stored: true }));
  const have = new Set(stored.map((r) => obligationKey(r.duty_id, r.bearer_key, r.period_id)));
  const units = new Map(
    (await db.selectFrom("unit").select(["id", "name", "path"]).execute()).map((u) => [u.id, u] as const),
  );
  const now = new Date();
  for (const institution of await institutions(db)) {
    const semesters = await termsAround(db, institution.id, options.year);
    const plan = await planYear(policy, new BearerDirectory(db, policy, institution), {
      year: options.year,
      today: options.today,
      semesters,
      windows: options.settings.windows,
    });
    for (const p of plan) {
      if (have.has(obligationKey(p.duty.id, p.bearer.key, p.period.id))) continue;
      const unit = units.get(p.bearer.unitId);
      if (!unit || !within(unit.path)) continue;
      const row = obligationRow(p, institution.id, sha256, now);
      rows.push({
        ...row,
        escalation_level: 0,
        unit_name: unit.name,
        unit_path: unit.path,
        stored: false,
      } as PreviewRow);
    }
  }
  return rows.sort(
    (a, b) =>
      (a.due_on ?? "9999").localeCompare(b.due_on ?? "9999") ||
      a.article.localeCompare(b.article, "en", { numeric: true }) ||
      a.bearer_name.localeCompare(b.bearer_name, "zh-CN"),
  );
}

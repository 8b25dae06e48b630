/**
 * 责任落实总览: completion by unit, by leader and by article, the statuses, the trend across years and the overdue
 * items — each figure a count of obligations the actor may read, so every one drills down to the list behind it.
 * Counting is done by the database in a few GROUP BY queries; only the roll-up of units to the level below the
 * chosen root happens here, over one row per unit.
 */
import { type Kysely, sql } from "kysely";
import { type Actor } from "../../domain/access.js";
import { type Locale, inLocale } from "../../domain/locale.js";
import { OBLIGATION_STATUS_NAMES, statusBounds, type ObligationTimings } from "../../domain/obligation.js";
import { findArticle } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { pathIds } from "../../domain/responsibility.js";
import { type Database } from "../../platform/db/schema.js";
import { type DashboardView, type Tally } from "./contract.js";
import { presentSummary } from "./presenter.js";
import { filtered, obligationColumns, type ResolvedFilters } from "./queries.js";

type Db = Kysely<Database>;

/** The leaders' roles: their own obligations make up "completion by leader". */
const LEADER_ROLES = [
  "partySecretary",
  "president",
  "secrecyLeader",
  "portfolioLeader",
  "director",
  "deputyDirector",
  "member",
];

interface Counts {
  total: number;
  fulfilled: number;
  waived: number;
  overdue: number;
  dueSoon: number;
}

/** The counts of a group, with the statuses as statusOf derives them (hour deadlines by the instant). */
function countColumns(today: string, soonFrom: string, now: string) {
  return [
    sql<number>`count(*)`.as("total"),
    sql<number>`sum(case when o.state = 'fulfilled' then 1 else 0 end)`.as("fulfilled"),
    sql<number>`sum(case when o.state = 'waived' then 1 else 0 end)`.as("waived"),
    sql<number>`sum(case when o.state = 'open' and ((o.due_at is null and o.due_on < ${today})
      or o.due_at < ${now}) then 1 else 0 end)`.as("overdue"),
    sql<number>`sum(case when o.state = 'open' and ((o.due_at is null and o.due_on >= ${today}
      and o.due_on <= ${soonFrom}) or o.due_at >= ${now}) then 1 else 0 end)`.as("dueSoon"),
  ] as const;
}

function tally(key: string, name: string, c: Counts): Tally {
  const total = Number(c.total);
  const fulfilled = Number(c.fulfilled ?? 0);
  const waived = Number(c.waived ?? 0);
  return {
    key,
    name,
    total,
    fulfilled,
    waived,
    overdue: Number(c.overdue ?? 0),
    dueSoon: Number(c.dueSoon ?? 0),
    rate: total ? Math.round(((fulfilled + waived) / total) * 1000) / 1000 : 1,
  };
}

function add(into: Counts, c: Counts): void {
  into.total += Number(c.total);
  into.fulfilled += Number(c.fulfilled ?? 0);
  into.waived += Number(c.waived ?? 0);
  into.overdue += Number(c.overdue ?? 0);
  into.dueSoon += Number(c.dueSoon ?? 0);
}

const zero = (): Counts => ({ total: 0, fulfilled: 0, waived: 0, overdue: 0, dueSoon: 0 });

/** The dashboard for a year (and a unit's subtree, when asked). */
export async function dashboard(
  db: Db,
  policy: Policy,
  actor: Actor,
  filters: ResolvedFilters & { year: number },
  locale: Locale,
  timings: ObligationTimings,
): Promise<DashboardView> {
  const today = actor.today;
  const { soonFrom } = statusBounds(today, timings);
  const counts = countColumns(today, soonFrom, filters.now);
  // No join: visibility and the unit filter are conditions on o.bearer_unit_id, so counts can run on an index alone.
  const base = () => db.selectFrom("obligation as o");

  const [units, leaders, articles, trend, overdue] = await Promise.all([
    // Counted per unit first, then joined to the unit for its path: one join per unit, not per obligation.
    db
      .selectFrom(
        base()
          .select(["o.bearer_unit_id as id", ...counts])
          .where((eb) => filtered(eb, actor, filters, today, timings))
          .groupBy("o.bearer_unit_id")
          .as("c"),
      )
      .innerJoin("unit as u", "u.id", "c.id")
      .select(["c.id", "u.path", "c.total", "c.fulfilled", "c.waived", "c.overdue", "c.dueSoon"])
      .execute(),
    base()
      .select(["o.bearer_person_id", "o.bearer_name", ...counts])
      .where((eb) => filtered(eb, actor, filters, today, timings))
      .where("o.bearer_role", "in", LEADER_ROLES)
      .groupBy(["o.bearer_person_id", "o.bearer_name"])
      .execute(),
    base()
      .select(["o.article", ...counts])
      .where((eb) => filtered(eb, actor, filters, today, timings))
      .groupBy("o.article")
      .execute(),
    base()
      .select(["o.year", ...counts])
      .where((eb) => filtered(eb, actor, { ...filters, year: undefined }, today, timings))
      .groupBy("o.year")
      .orderBy("o.year")
      .execute(),
    obligationColumns(db)
      .where((eb) => filtered(eb, actor, { ...filters, status: "overdue" }, today, timings))
      // By due date alone: the index then yields the first twenty without sorting every overdue item of the year.
      .orderBy("o.due_on")
      .limit(20)
      .execute(),
  ]);

  const totals = zero();
  units.forEach((u) => add(totals, u));
  const byUnit = await rollUpUnits(db, units, filters.unitPath);
  const byArticle = new Map<string, Counts>();
  for (const row of articles) {
    const id = row.article.split(".")[0] ?? row.article;
    const into = byArticle.get(id) ?? zero();
    add(into, row);
    byArticle.set(id, into);
  }
  const statusCounts = {
    fulfilled: totals.fulfilled,
    waived: totals.waived,
    overdue: totals.overdue,
    dueSoon: totals.dueSoon,
    open: totals.total - totals.fulfilled - totals.waived - totals.overdue - totals.dueSoon,
  };

  return {
    year: filters.year,
    today,
    totals: tally("all", locale === "en-US" ? "All" : "全部", totals),
    byUnit: byUnit.map((u) => tally(u.id, u.name, u.counts)).sort((a, b) => a.rate - b.rate || b.total - a.total),
    byLeader: leaders
      .filter((l) => l.bearer_person_id !== null)
      .map((l) => tally(l.bearer_person_id ?? "", l.bearer_name, l))
      .sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name, "zh-CN")),
    byArticle: [...byArticle.entries()]
      .map(([id, c]) => ({ id, c, article: findArticle(policy, id) }))
      .sort((a, b) => (a.article?.number ?? 999) - (b.article?.number ?? 999))
      .map(({ id, c, article }) => tally(id, article?.citation ?? id, c)),
    byStatus: (["open", "dueSoon", "overdue", "fulfilled", "waived"] as const).map((status) => ({
      status,
      name: inLocale(OBLIGATION_STATUS_NAMES[status], locale),
      count: statusCounts[status],
    })),
    trend: trend.map((t) => tally(String(t.year), String(t.year), t)),
    overdue: overdue.map((row) => presentSummary(policy, row, locale, today, timings, filters.now)),
  };
}

/**
 * Counts per bearer unit rolled up to the units one level below the root (the chosen unit, or the common root of
 * what the actor sees), so a secrecy office sees its schools and offices and a province sees its institutions.
 */
async function rollUpUnits(
  db: Db,
  units: ({ id: string; path: string } & Counts)[],
  rootPath: string | undefined,
): Promise<{ id: string; name: string; counts: Counts }[]> {
  if (units.length === 0) return [];
  const depth = rootPath !== undefined ? pathIds(rootPath).length : commonDepth(units.map((u) => pathIds(u.path)));
  const groups = new Map<string, Counts>();
  for (const unit of units) {
    const ids = pathIds(unit.path);
    const key = ids[Math.min(depth, ids.length - 1)] ?? unit.id;
    const into = groups.get(key) ?? zero();
    add(into, unit);
    groups.set(key, into);
  }
  const names = await db
    .selectFrom("unit")
    .select(["id", "name"])
    .where("id", "in", [...groups.keys()].slice(0, 5000))
    .execute();
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return [...groups.entries()].map(([id, counts]) => ({ id, name: nameOf.get(id) ?? id, counts }));
}

/** How many leading ids all paths share: the depth of their common root. */
function commonDepth(paths: string[][]): number {
  const first = paths[0] ?? [];
  let depth = 0;
  while (depth < first.length && paths.every((p) => p[depth] === first[depth])) depth++;
  // Group one level below the common root. (Fix: this was clamped to the first row's own depth, so the result hung on
  // the GROUP BY's row order — when the common root itself came first, everything rolled into one bar. rollUpUnits
  // already keeps a unit at its own level when it has no level below the root, which covers the one-unit case.)
  return depth;
}

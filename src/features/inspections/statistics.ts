/**
 * Findings statistics (检查整改统计) for the dashboard: totals, rectification and on-time rates, days to close, repeats,
 * and the same counts by category, severity, unit and year, with members' half-yearly inspections. Every count is of
 * the findings the actor reaches by the findings list's own rule (`findingsVisibleTo`), so each figure drills down to
 * the list behind it. Counting is done by the database in a few GROUP BY queries over the findings table alone; only
 * group rows (categories × severities, units, years, members) come back.
 */
import { type Expression, type Kysely, sql, type SqlBool } from "kysely";
import { type Actor } from "../../domain/access.js";
import {
  FINDING_CATEGORIES,
  FINDING_CATEGORY_NAMES,
  type FindingCategory,
  SEVERITIES,
  SEVERITY_NAMES,
  type Severity,
} from "../../domain/inspection.js";
import { inLocale, type Locale } from "../../domain/locale.js";
import { type Dialect } from "../../platform/db/database.js";
import { type Database } from "../../platform/db/schema.js";
import { reachableInstitutions } from "../meetings/queries.js";
import { type FindingStatistics, type FindingTally, type MemberTally } from "./statistics-contract.js";
import { findingsVisibleTo, plansVisibleTo } from "./visibility.js";

type Db = Kysely<Database>;

/** How many units the by-unit breakdown lists. */
export const TOP_UNITS = 20;

export interface FindingStatisticsFilter {
  /** undefined: every year. */
  year: number | undefined;
  institutionId?: string | undefined;
  /** The chosen unit and its subtree. */
  unit?: { id: string; name: string; path: string } | undefined;
}

interface Counts {
  total: number;
  open: number;
  submitted: number;
  closed: number;
  overdue: number;
  closedOnTime: number;
  repeats: number;
}

const COUNT_KEYS = ["total", "open", "submitted", "closed", "overdue", "closedOnTime", "repeats"] as const;
const zero = (): Counts => ({ total: 0, open: 0, submitted: 0, closed: 0, overdue: 0, closedOnTime: 0, repeats: 0 });

function add(into: Counts, row: Record<(typeof COUNT_KEYS)[number], unknown>): void {
  for (const key of COUNT_KEYS) into[key] += Number(row[key] ?? 0);
}

const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);
const days = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

function tally(key: string, name: string, c: Counts): FindingTally {
  return { key, name, ...c, rate: ratio(c.closed, c.total) };
}

/**
 * The counts of a group, as the findings list's filters count them: overdue is not closed and past the deadline
 * (as `overdue=true`); closed on time is verified before the end of the deadline day in Beijing (UTC+8, no daylight
 * saving since 1991: 16:00Z), compared as text since instants are stored as fixed-width ISO UTC.
 */
function countColumns(today: string) {
  return [
    sql<number>`count(*)`.as("total"),
    sql<number>`sum(case when inspection_finding.status = 'open' then 1 else 0 end)`.as("open"),
    sql<number>`sum(case when inspection_finding.status = 'submitted' then 1 else 0 end)`.as("submitted"),
    sql<number>`sum(case when inspection_finding.status = 'closed' then 1 else 0 end)`.as("closed"),
    sql<number>`sum(case when inspection_finding.status <> 'closed' and inspection_finding.deadline < ${today}
      then 1 else 0 end)`.as("overdue"),
    sql<number>`sum(case when inspection_finding.status = 'closed'
      and inspection_finding.verified_at < (inspection_finding.deadline || 'T16:00:00.000Z') then 1 else 0 end)`.as(
      "closedOnTime",
    ),
    sql<number>`sum(case when inspection_finding.repeat_of is not null then 1 else 0 end)`.as("repeats"),
  ] as const;
}

/** Days from a finding's recording to its closing, in the dialect's date arithmetic (instants are ISO UTC text). */
function daysToClose(dialect: Dialect) {
  return dialect === "postgres"
    ? sql<number>`(extract(epoch from (inspection_finding.verified_at::timestamptz
        - inspection_finding.created_at::timestamptz)) / 86400.0)`
    : sql<number>`(julianday(inspection_finding.verified_at) - julianday(inspection_finding.created_at))`;
}

/** The findings statistics of a year (or every year), for what the actor reaches, narrowed to an institution or unit. */
export async function findingStatistics(
  db: Db,
  dialect: Dialect,
  actor: Actor,
  filter: FindingStatisticsFilter,
  today: string,
  locale: Locale,
): Promise<FindingStatistics> {
  const institutions = await reachableInstitutions(db, actor, "inspection.read");
  const visible = findingsVisibleTo(actor, institutions);
  const unitPath = filter.unit?.path;
  const inSubtree = (column: "inspection_finding.unit_id" | "inspection.unit_id") =>
    sql<SqlBool>`${sql.ref(column)} in (select unit.id from unit where unit.path like ${`${unitPath ?? ""}%`})`;
  // Visibility, institution and unit: the conditions of every query here, the year of all but the trend.
  const scope: Expression<SqlBool>[] = [visible];
  if (filter.institutionId !== undefined)
    scope.push(sql<SqlBool>`inspection_finding.institution_id = ${filter.institutionId}`);
  if (unitPath !== undefined) scope.push(inSubtree("inspection_finding.unit_id"));
  // Every finding's institution is an institution: said outright, it lets the (institution, year) index serve a year
  // (visibility is an OR, which no index serves), so a year's counts read that year's findings, not every year's.
  const ofYear =
    filter.year === undefined
      ? scope
      : [
          ...scope,
          sql<SqlBool>`inspection_finding.year = ${filter.year}`,
          ...(filter.institutionId === undefined
            ? [
                sql<SqlBool>`inspection_finding.institution_id in (select unit.id from unit where unit.kind = 'institution')`,
              ]
            : []),
        ];
  const findings = (conditions: Expression<SqlBool>[]) =>
    db.selectFrom("inspection_finding").where((eb) => eb.and(conditions));
  const counts = countColumns(today);
  const duration = daysToClose(dialect);

  const [kinds, units, years, memberFindings, memberPlans] = await Promise.all([
    // Category × severity in one pass: totals, categories and severities are all sums of these few rows.
    findings(ofYear)
      .select([
        "inspection_finding.category",
        "inspection_finding.severity",
        ...counts,
        sql<number>`sum(case when inspection_finding.status = 'closed' then ${duration} else 0 end)`.as("closedDays"),
      ])
      .groupBy(["inspection_finding.category", "inspection_finding.severity"])
      .execute(),
    // Counted per unit first, then joined to the unit for its name: one join per unit, not per finding.
    db
      .selectFrom(
        findings(ofYear)
          .select(["inspection_finding.unit_id as id", ...counts])
          .groupBy("inspection_finding.unit_id")
          .as("c"),
      )
      .innerJoin("unit", "unit.id", "c.id")
      .select([
        "c.id",
        "unit.name",
        "c.total",
        "c.open",
        "c.submitted",
        "c.closed",
        "c.overdue",
        "c.closedOnTime",
        "c.repeats",
      ])
      .execute(),
    findings(scope)
      .select(["inspection_finding.year", ...counts])
      .groupBy("inspection_finding.year")
      .orderBy("inspection_finding.year")
      .execute(),
    // Findings of members' inspections, counted per inspection first and then joined to its plan for the member: one
    // join per inspection, not per finding. (Findings without an inspection — self-checks, self-assessments — are no
    // member's and drop out here, and only here.)
    db
      .selectFrom(
        findings(ofYear)
          .where(
            "inspection_finding.inspection_id",
            "in",
            db
              .selectFrom("inspection")
              .innerJoin("inspection_plan", "inspection_plan.id", "inspection.plan_id")
              .select("inspection.id")
              .where("inspection_plan.kind", "=", "member"),
          )
          .select([
            "inspection_finding.inspection_id",
            sql<number>`count(*)`.as("findings"),
            sql<number>`sum(case when inspection_finding.status = 'closed' then 1 else 0 end)`.as("closed"),
          ])
          .groupBy("inspection_finding.inspection_id")
          .as("c"),
      )
      .innerJoin("inspection", "inspection.id", "c.inspection_id")
      .innerJoin("inspection_plan", "inspection_plan.id", "inspection.plan_id")
      .select([
        "inspection_plan.lead_person_id",
        sql<number>`sum(c.findings)`.as("findings"),
        sql<number>`sum(c.closed)`.as("closed"),
      ])
      .groupBy("inspection_plan.lead_person_id")
      .execute(),
    // Members' plans by the plans list's rule; with a unit chosen, only their inspections of units in its subtree.
    db
      .selectFrom("inspection_plan")
      .leftJoin("inspection", "inspection.plan_id", "inspection_plan.id")
      .where("inspection_plan.kind", "=", "member")
      .where(plansVisibleTo(actor, institutions))
      .$if(filter.year !== undefined, (q) => q.where("inspection_plan.year", "=", filter.year ?? 0))
      .$if(filter.institutionId !== undefined, (q) =>
        q.where("inspection_plan.institution_id", "=", filter.institutionId ?? ""),
      )
      .$if(unitPath !== undefined, (q) => q.where(inSubtree("inspection.unit_id")))
      .select([
        "inspection_plan.lead_person_id",
        sql<number>`count(distinct inspection_plan.id)`.as("plans"),
        sql<number>`count(inspection.id)`.as("inspections"),
        sql<number>`sum(case when inspection.status = 'closed' then 1 else 0 end)`.as("inspectionsClosed"),
      ])
      .groupBy("inspection_plan.lead_person_id")
      .execute(),
  ]);

  const totals = zero();
  const byCategory = new Map<string, Counts>(FINDING_CATEGORIES.map((c) => [c, zero()]));
  const bySeverity = new Map<string, Counts>(SEVERITIES.map((s) => [s, zero()]));
  let closedDays = 0;
  for (const row of kinds) {
    add(totals, row);
    const category = byCategory.get(row.category) ?? zero();
    add(category, row);
    byCategory.set(row.category, category);
    const severity = bySeverity.get(row.severity) ?? zero();
    add(severity, row);
    bySeverity.set(row.severity, severity);
    closedDays += Number(row.closedDays ?? 0);
  }

  const median = await medianDaysToClose(db, ofYear, duration, totals.closed);
  const categoryName = (key: string) =>
    key in FINDING_CATEGORY_NAMES ? inLocale(FINDING_CATEGORY_NAMES[key as FindingCategory], locale) : key;
  const severityName = (key: string) =>
    key in SEVERITY_NAMES ? inLocale(SEVERITY_NAMES[key as Severity], locale) : key;
  const unitTallies = units.map((u) => {
    const c = zero();
    add(c, u);
    return tally(u.id, u.name, c);
  });

  return {
    year: filter.year ?? null,
    today,
    unit: filter.unit ? { id: filter.unit.id, name: filter.unit.name } : null,
    totals: {
      ...tally("all", locale === "en-US" ? "All" : "全部", totals),
      onTimeRate: ratio(totals.closedOnTime, totals.closed),
      repeatRate: ratio(totals.repeats, totals.total),
      daysToClose: { median: days(median), mean: days(totals.closed ? closedDays / totals.closed : null) },
    },
    byCategory: [...byCategory.entries()].map(([key, c]) => tally(key, categoryName(key), c)),
    bySeverity: [...bySeverity.entries()].map(([key, c]) => tally(key, severityName(key), c)),
    byUnit: unitTallies
      .sort(
        (a, b) =>
          b.overdue - a.overdue ||
          b.open + b.submitted - (a.open + a.submitted) ||
          b.total - a.total ||
          a.name.localeCompare(b.name, "zh-CN"),
      )
      .slice(0, TOP_UNITS),
    unitCount: unitTallies.length,
    byYear: years.map((y) => {
      const c = zero();
      add(c, y);
      return tally(String(y.year), String(y.year), c);
    }),
    byMember: await memberTallies(db, memberFindings, memberPlans),
  };
}

/** The median of the closed findings' days to close: the middle one or two by duration, read through an ORDER BY. */
async function medianDaysToClose(
  db: Db,
  conditions: Expression<SqlBool>[],
  duration: ReturnType<typeof daysToClose>,
  closed: number,
): Promise<number | null> {
  if (closed === 0) return null;
  const middle = await db
    .selectFrom("inspection_finding")
    .where((eb) => eb.and([...conditions, eb("inspection_finding.status", "=", "closed")]))
    .select(duration.as("d"))
    .orderBy(duration)
    .limit(closed % 2 === 0 ? 2 : 1)
    .offset(Math.floor((closed - 1) / 2))
    .execute();
  const values = middle.map((row) => Number(row.d));
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** One row per member leading a member plan or whose inspections raised findings, with the member's name. */
async function memberTallies(
  db: Db,
  findings: { lead_person_id: string | null; findings: unknown; closed: unknown }[],
  plans: { lead_person_id: string; plans: unknown; inspections: unknown; inspectionsClosed: unknown }[],
): Promise<MemberTally[]> {
  const members = new Map<string, Omit<MemberTally, "name">>();
  const member = (personId: string) => {
    const found = members.get(personId) ?? {
      personId,
      plans: 0,
      inspections: 0,
      inspectionsClosed: 0,
      findings: 0,
      closed: 0,
    };
    members.set(personId, found);
    return found;
  };
  for (const row of plans) {
    const m = member(row.lead_person_id);
    m.plans += Number(row.plans ?? 0);
    m.inspections += Number(row.inspections ?? 0);
    m.inspectionsClosed += Number(row.inspectionsClosed ?? 0);
  }
  for (const row of findings) {
    if (row.lead_person_id === null) continue;
    const m = member(row.lead_person_id);
    m.findings += Number(row.findings ?? 0);
    m.closed += Number(row.closed ?? 0);
  }
  if (members.size === 0) return [];
  const names = await db
    .selectFrom("person")
    .select(["id", "name"])
    .where("id", "in", [...members.keys()])
    .execute();
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return [...members.values()]
    .map((m) => ({ ...m, name: nameOf.get(m.personId) ?? m.personId }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

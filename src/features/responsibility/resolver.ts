/**
 * The responsibility resolver (DESIGN.md §4): `responsibleFor(unit, role, at)` and the chain of a unit on a date,
 * read from appointments and portfolios with their dates and the active policy's rule for who fills each role.
 * Nothing else in the platform decides who is responsible.
 */
import { type Kysely } from "kysely";
import { type Policy } from "../../domain/policy/schema.js";
import {
  buildChain,
  CHAIN_ROLES,
  type ChainLevel,
  type ChainLink,
  type Holder,
  pathIds,
} from "../../domain/responsibility.js";
import { type BusinessRole } from "../../domain/roles.js";
import { type Database } from "../../platform/db/schema.js";

type Db = Kysely<Database>;

interface UnitPlace {
  id: string;
  path: string;
  kind: string;
}

async function unitPlace(db: Db, unitId: string): Promise<UnitPlace | undefined> {
  return db.selectFrom("unit").select(["id", "path", "kind"]).where("id", "=", unitId).executeTakeFirst();
}

/** The nearest institution at or above the unit (positions such as Party secretary are held there). */
async function institutionOf(db: Db, unit: UnitPlace): Promise<string> {
  if (unit.kind === "institution") return unit.id;
  const ids = pathIds(unit.path);
  const row = await db
    .selectFrom("unit")
    .select(["id", "path"])
    .where("id", "in", ids)
    .where("kind", "=", "institution")
    .orderBy("path", "desc")
    .executeTakeFirst();
  return row?.id ?? ids[0] ?? unit.id;
}

/** Holders of any of the positions in a unit on a date. */
export async function holdersOfPositions(
  db: Db,
  unitId: string,
  positions: readonly string[],
  at: string,
): Promise<Holder[]> {
  return (await holdersOfPositionsIn(db, [unitId], positions, at)).get(unitId) ?? [];
}

/**
 * Holders of any of the positions in each of several units on a date, by unit, in one query: the committee roster
 * asks this for every member's unit at once (regular holders first, then by start).
 */
export async function holdersOfPositionsIn(
  db: Db,
  unitIds: readonly string[],
  positions: readonly string[],
  at: string,
): Promise<Map<string, Holder[]>> {
  const byUnit = new Map<string, Holder[]>();
  if (positions.length === 0 || unitIds.length === 0) return byUnit;
  const rows = await db
    .selectFrom("appointment")
    .innerJoin("person", "person.id", "appointment.person_id")
    .select([
      "appointment.person_id",
      "person.name",
      "appointment.acting",
      "appointment.starts_on",
      "appointment.ends_on",
      "appointment.position",
      "appointment.unit_id",
    ])
    .where("appointment.unit_id", "in", [...unitIds])
    .where("appointment.position", "in", [...positions])
    .where("appointment.starts_on", "<=", at)
    .where((eb) => eb.or([eb("appointment.ends_on", "is", null), eb("appointment.ends_on", ">=", at)]))
    .orderBy("appointment.acting")
    .orderBy("appointment.starts_on")
    .execute();
  for (const r of rows) {
    const holders = byUnit.get(r.unit_id) ?? [];
    holders.push({
      personId: r.person_id,
      personName: r.name,
      acting: r.acting === 1,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      basis: r.position,
      unitId: r.unit_id,
    });
    byUnit.set(r.unit_id, holders);
  }
  return byUnit;
}

/** Holders of the nearest portfolio in an area that covers the unit (its own, or an ancestor's), on a date. */
export async function portfolioHolders(db: Db, unit: UnitPlace, area: string, at: string): Promise<Holder[]> {
  const ids = pathIds(unit.path);
  const rows = await db
    .selectFrom("portfolio")
    .innerJoin("person", "person.id", "portfolio.person_id")
    .innerJoin("unit", "unit.id", "portfolio.unit_id")
    .select([
      "portfolio.person_id",
      "person.name",
      "portfolio.starts_on",
      "portfolio.ends_on",
      "portfolio.unit_id",
      "unit.path",
    ])
    .where("portfolio.area", "=", area)
    .where("portfolio.unit_id", "in", ids)
    .where("portfolio.starts_on", "<=", at)
    .where((eb) => eb.or([eb("portfolio.ends_on", "is", null), eb("portfolio.ends_on", ">=", at)]))
    .execute();
  // 分级管理: the portfolio nearest the unit wins over one further up the tree.
  const nearest = Math.max(-1, ...rows.map((r) => r.path.length));
  return rows
    .filter((r) => r.path.length === nearest)
    .map((r) => ({
      personId: r.person_id,
      personName: r.name,
      acting: false,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      basis: area,
      unitId: r.unit_id,
    }));
}

/** Who held a responsibility role for a unit on a date (empty = vacant). Committee seats: see the committee roster. */
export async function responsibleFor(
  db: Db,
  policy: Policy,
  unitId: string,
  role: BusinessRole,
  at: string,
): Promise<Holder[]> {
  const unit = await unitPlace(db, unitId);
  return unit
    ? holdersOfRole(
        db,
        policy,
        unit,
        role,
        at,
        memo(() => institutionOf(db, unit)),
      )
    : [];
}

function memo<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= compute());
}

async function holdersOfRole(
  db: Db,
  policy: Policy,
  unit: UnitPlace,
  role: BusinessRole,
  at: string,
  institution: () => Promise<string>,
): Promise<Holder[]> {
  const rule = policy.roles.find((r) => r.id === role)?.filledBy;
  if (!rule) return [];
  switch (rule.kind) {
    case "position": {
      const scopes = new Set(
        rule.positions.map((code) => policy.positions.find((p) => p.code === code)?.scope ?? "unit"),
      );
      const holders: Holder[] = [];
      if (scopes.has("unit")) holders.push(...(await holdersOfPositions(db, unit.id, rule.positions, at)));
      if (scopes.has("institution")) {
        const institutionId = await institution();
        if (institutionId !== unit.id || !scopes.has("unit"))
          holders.push(...(await holdersOfPositions(db, institutionId, rule.positions, at)));
      }
      return holders;
    }
    case "portfolio":
      return portfolioHolders(db, unit, rule.area, at);
    case "committee":
    case "clearance":
      // Committee seats come from the roster (committee.ts); cleared persons are a population, not a chain level.
      return [];
  }
}

/** The responsibility chain of a unit on a date, in escalation order: the unit and its institution looked up once. */
export async function responsibilityChain(db: Db, policy: Policy, unitId: string, at: string): Promise<ChainLink[]> {
  const unit = await unitPlace(db, unitId);
  if (!unit) return buildChain({ unitHead: [], portfolioLeader: [], secrecyLeader: [], principalLeaders: [] });
  const institution = memo(() => institutionOf(db, unit));
  const levels = Object.entries(CHAIN_ROLES) as [ChainLevel, readonly BusinessRole[]][];
  const holders: [ChainLevel, Holder[]][] = [];
  for (const [level, roles] of levels) {
    const found: Holder[] = [];
    for (const role of roles) found.push(...(await holdersOfRole(db, policy, unit, role, at, institution)));
    holders.push([level, found]);
  }
  return buildChain(Object.fromEntries(holders) as Record<ChainLevel, Holder[]>);
}

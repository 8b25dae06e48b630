/**
 * The secrecy committee as of a date, derived from positions (Art. 8): the Party secretary is director, the deputies
 * and members are whoever holds the named offices then. Appointing a new Party secretary makes them director from
 * that date; the roster of any past date is the roster of that date. Vacant seats are listed as vacant.
 */
import { type Kysely } from "kysely";
import { type Policy } from "../../domain/policy/schema.js";
import { type Holder } from "../../domain/responsibility.js";
import { type Database } from "../../platform/db/schema.js";
import { holdersOfPositions, holdersOfPositionsIn } from "./resolver.js";

type Db = Kysely<Database>;

export interface Seat {
  seat: "director" | "deputyDirector" | "member";
  /** The office the seat comes from: a position code, or the unit whose head sits. */
  basis: string;
  unit: { id: string; name: string; code: string | null; classified: boolean } | null;
  holders: Holder[];
}

export interface Roster {
  institutionId: string;
  at: string;
  article: string;
  seats: Seat[];
  delegations: {
    id: string;
    delegate: { personId: string; name: string };
    purpose: string;
    startsOn: string;
    endsOn: string;
  }[];
}

/** The committee of an institution on a date. */
export async function committeeRoster(db: Db, policy: Policy, institutionId: string, at: string): Promise<Roster> {
  const committee = policy.committee;
  const seats: Seat[] = [];
  seats.push({
    seat: "director",
    basis: committee.director.position,
    unit: null,
    holders: await holdersOfPositions(db, institutionId, [committee.director.position], at),
  });
  for (const deputy of committee.deputyDirectors) {
    let holders = await holdersOfPositions(db, institutionId, [deputy.position], at);
    if (deputy.area) holders = await withPortfolio(db, holders, deputy.area, at);
    seats.push({
      seat: "deputyDirector",
      basis: deputy.area ? `${deputy.position}:${deputy.area}` : deputy.position,
      unit: null,
      holders,
    });
  }
  const headPositions = policy.roles.find((r) => r.id === "unitHead")?.filledBy;
  const heads = headPositions?.kind === "position" ? headPositions.positions : [];
  const institution = await db.selectFrom("unit").select("path").where("id", "=", institutionId).executeTakeFirst();
  // The seats' units by code or designation (the code index answers), then kept to this institution's tree here: a
  // LIKE on the path would read every unit of a province for each roster.
  const candidates = institution
    ? await db
        .selectFrom("unit")
        .select(["id", "name", "code", "classified", "path", "sort_order"])
        .where((eb) =>
          eb.or([
            eb("code", "in", committee.members.headsOfUnits.length ? committee.members.headsOfUnits : [""]),
            ...(committee.members.classifiedUnits ? [eb("classified", "=", 1)] : []),
          ]),
        )
        .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">", at)]))
        .execute()
    : [];
  const units = candidates
    .filter((u) => institution !== undefined && u.path.startsWith(institution.path))
    .sort((a, b) => a.sort_order - b.sort_order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Offices in the order Art. 8 lists them, then the classified units.
  const order = (code: string | null) =>
    code === null ? Infinity : committee.members.headsOfUnits.indexOf(code) + 1 || Infinity;
  units.sort((a, b) => order(a.code) - order(b.code));
  const headsByUnit = await holdersOfPositionsIn(
    db,
    units.map((u) => u.id),
    heads,
    at,
  );
  for (const unit of units) {
    seats.push({
      seat: "member",
      basis: unit.code ?? "classified",
      unit: { id: unit.id, name: unit.name, code: unit.code, classified: unit.classified === 1 },
      holders: headsByUnit.get(unit.id) ?? [],
    });
  }
  const delegations = await db
    .selectFrom("delegation")
    .innerJoin("person", "person.id", "delegation.delegate_person_id")
    .select([
      "delegation.id",
      "delegation.delegate_person_id",
      "person.name",
      "delegation.purpose",
      "delegation.starts_on",
      "delegation.ends_on",
    ])
    .where("delegation.institution_id", "=", institutionId)
    .where("delegation.starts_on", "<=", at)
    .where("delegation.ends_on", ">=", at)
    .execute();
  return {
    institutionId,
    at,
    article: committee.article,
    seats,
    delegations: delegations.map((d) => ({
      id: d.id,
      delegate: { personId: d.delegate_person_id, name: d.name },
      purpose: d.purpose,
      startsOn: d.starts_on,
      endsOn: d.ends_on,
    })),
  };
}

async function withPortfolio(db: Db, holders: Holder[], area: string, at: string): Promise<Holder[]> {
  if (holders.length === 0) return holders;
  const rows = await db
    .selectFrom("portfolio")
    .select(["person_id", "area"])
    .where(
      "person_id",
      "in",
      holders.map((h) => h.personId),
    )
    .where("starts_on", "<=", at)
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", at)]))
    .execute();
  // The area is checked here: with it in the WHERE, SQLite walked every portfolio of that area in the province by its
  // (area, starts_on) index instead of these few people's.
  const keep = new Set(rows.filter((r) => r.area === area).map((r) => r.person_id));
  return holders.filter((h) => keep.has(h.personId));
}

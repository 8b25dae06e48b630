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

/** An appointment, portfolio or delegation in force on a date: it began by then and had not ended. */
function inForce(row: { starts_on: string; ends_on: string | null }, at: string): boolean {
  return row.starts_on <= at && (row.ends_on === null || row.ends_on >= at);
}

/**
 * The committee of an institution on any date from `from` to `to`, from one read of everything in force at some time
 * in that span: materializing a year asks for the roster on several dates in each of a province's institutions, and
 * `committeeRoster` costs a handful of queries per date, one of them over every classified unit of the province. The
 * roster each date gets is the one `committeeRoster` gives for it (test/obligations/bearers-span.test.ts); a date
 * outside the span is refused rather than answered from rows that were never read.
 */
export async function committeeRostersBetween(
  db: Db,
  policy: Policy,
  institutionId: string,
  from: string,
  to: string,
): Promise<(at: string) => Roster> {
  const committee = policy.committee;
  const headPositions = policy.roles.find((r) => r.id === "unitHead")?.filledBy;
  const heads = headPositions?.kind === "position" ? headPositions.positions : [];
  const offices = [committee.director.position, ...committee.deputyDirectors.map((d) => d.position)];
  const officeRows = await appointmentsBetween(db, [institutionId], offices, from, to);
  const anyArea = committee.deputyDirectors.some((d) => d.area);
  const portfolios =
    anyArea && officeRows.length
      ? await db
          .selectFrom("portfolio")
          .select(["person_id", "area", "starts_on", "ends_on"])
          .where("person_id", "in", [...new Set(officeRows.map((r) => r.person_id))])
          .where("starts_on", "<=", to)
          .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", from)]))
          .execute()
      : [];
  // The seats' units of the institution's tree, walked down by parent: the tree is what the path prefix names, and
  // walking it reads the institution's units by the parent index instead of every classified unit of a province.
  const candidates = await db
    .withRecursive("tree(id)", (qb) =>
      qb
        .selectFrom("unit")
        .select("unit.id")
        .where("unit.id", "=", institutionId)
        .unionAll((eb) => eb.selectFrom("unit").innerJoin("tree", "tree.id", "unit.parent_id").select("unit.id")),
    )
    .selectFrom("unit")
    .select(["id", "name", "code", "classified", "sort_order", "closed_on"])
    .where("id", "in", (eb) => eb.selectFrom("tree").select("tree.id"))
    .where((eb) =>
      eb.or([
        eb("code", "in", committee.members.headsOfUnits.length ? committee.members.headsOfUnits : [""]),
        ...(committee.members.classifiedUnits ? [eb("classified", "=", 1)] : []),
      ]),
    )
    .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">", from)]))
    .execute();
  // Offices in the order Art. 8 lists them, then the classified units, as committeeRoster orders them.
  candidates.sort((a, b) => a.sort_order - b.sort_order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const order = (code: string | null) =>
    code === null ? Infinity : committee.members.headsOfUnits.indexOf(code) + 1 || Infinity;
  candidates.sort((a, b) => order(a.code) - order(b.code));
  const headRows = await appointmentsBetween(
    db,
    candidates.map((u) => u.id),
    heads,
    from,
    to,
  );
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
    .where("delegation.starts_on", "<=", to)
    .where("delegation.ends_on", ">=", from)
    .execute();

  return (at) => {
    if (at < from || at > to) throw new RangeError(`${at} is outside the roster span ${from}–${to}`);
    const holders = (rows: AppointmentRow[], unitId: string, positions: readonly string[]) =>
      rows.filter((r) => r.unit_id === unitId && positions.includes(r.position) && inForce(r, at)).map(holderOf);
    const seats: Seat[] = [
      {
        seat: "director",
        basis: committee.director.position,
        unit: null,
        holders: holders(officeRows, institutionId, [committee.director.position]),
      },
    ];
    for (const deputy of committee.deputyDirectors) {
      let found = holders(officeRows, institutionId, [deputy.position]);
      if (deputy.area) {
        const keep = new Set(
          portfolios.filter((p) => p.area === deputy.area && inForce(p, at)).map((p) => p.person_id),
        );
        found = found.filter((h) => keep.has(h.personId));
      }
      seats.push({
        seat: "deputyDirector",
        basis: deputy.area ? `${deputy.position}:${deputy.area}` : deputy.position,
        unit: null,
        holders: found,
      });
    }
    for (const unit of candidates) {
      if (unit.closed_on !== null && unit.closed_on <= at) continue;
      seats.push({
        seat: "member",
        basis: unit.code ?? "classified",
        unit: { id: unit.id, name: unit.name, code: unit.code, classified: unit.classified === 1 },
        holders: holders(headRows, unit.id, heads),
      });
    }
    return {
      institutionId,
      at,
      article: committee.article,
      seats,
      delegations: delegations
        .filter((d) => d.starts_on <= at && d.ends_on >= at)
        .map((d) => ({
          id: d.id,
          delegate: { personId: d.delegate_person_id, name: d.name },
          purpose: d.purpose,
          startsOn: d.starts_on,
          endsOn: d.ends_on,
        })),
    };
  };
}

interface AppointmentRow {
  person_id: string;
  name: string;
  acting: number;
  starts_on: string;
  ends_on: string | null;
  position: string;
  unit_id: string;
}

/**
 * Appointments to any of the positions in the units, in force at some time in [from, to], in the order
 * holdersOfPositionsIn gives holders (regular before acting, then by start).
 */
async function appointmentsBetween(
  db: Db,
  unitIds: readonly string[],
  positions: readonly string[],
  from: string,
  to: string,
): Promise<AppointmentRow[]> {
  if (positions.length === 0 || unitIds.length === 0) return [];
  return db
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
    .where("appointment.starts_on", "<=", to)
    .where((eb) => eb.or([eb("appointment.ends_on", "is", null), eb("appointment.ends_on", ">=", from)]))
    .orderBy("appointment.acting")
    .orderBy("appointment.starts_on")
    .execute();
}

function holderOf(r: AppointmentRow): Holder {
  return {
    personId: r.person_id,
    personName: r.name,
    acting: r.acting === 1,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    basis: r.position,
    unitId: r.unit_id,
  };
}

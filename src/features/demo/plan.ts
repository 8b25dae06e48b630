/**
 * The demo institution as plain data, before any id or database exists: units, about 400 people with staff numbers,
 * appointments (with a little history: a head who left, an acting head), portfolios, clearances and which person each
 * demo account belongs to. Pure and seeded, so two machines generate the same institution with the same names.
 */
import { type Tier } from "../../domain/roles.js";
import { DEMO_ACCOUNTS } from "./accounts.js";
import { DEMO_INSTITUTION_NAME, DEMO_LEADERS, DEMO_UNITS, type DemoUnitSpec } from "./institution.js";
import { nameGenerator } from "./names.js";
import { seededRandom, type Random } from "./random.js";

/** The key of the institution itself (the root unit). */
export const ROOT = "root";

// The date the seed regulation was issued: any fixed number would do, this one is easy to recognise.
const SEED = 20121025;

export interface PlannedUnit {
  key: string;
  parentKey: string;
  name: string;
  code: string | null;
  classified: boolean;
  sortOrder: number;
}
export interface PlannedPerson {
  key: string;
  name: string;
  staffNo: string;
  unitKey: string;
}
export interface PlannedAppointment {
  personKey: string;
  unitKey: string;
  position: string;
  acting: boolean;
  startsOn: string;
  endsOn: string | null;
}
export interface PlannedPortfolio {
  personKey: string;
  unitKey: string;
  area: string;
  startsOn: string;
}
export interface PlannedClearance {
  personKey: string;
  tier: Tier;
  startsOn: string;
}
export interface PlannedAccount {
  username: string;
  personKey: string;
}

export interface DemoPlan {
  institutionName: string;
  units: PlannedUnit[];
  people: PlannedPerson[];
  appointments: PlannedAppointment[];
  portfolios: PlannedPortfolio[];
  clearances: PlannedClearance[];
  accounts: PlannedAccount[];
}

/** `YYYY-MM-DD` shifted by whole days (UTC arithmetic on a calendar date, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A plausible appointment date: the start of a month in which appointments are usually made, 2015–2023. */
function appointmentDate(random: Random): string {
  const month = random.pick(["01", "03", "07", "09"]);
  return `${random.int(2015, 2023)}-${month}-01`;
}

/** What each person of a unit does there, by their index in it: head, deputies, secrecy staff, liaisons, staff. */
interface UnitPosts {
  head: string | null;
  deputies: string[];
  secrecyOfficers: string[];
  liaisons: string[];
  staff: string[];
}

/** Generates the demo institution; `today` places the recent events (the vacancy, the acting head) in time. */
export function planDemo(today: string): DemoPlan {
  const random = seededRandom(SEED);
  const nextName = nameGenerator(random);
  const plan: DemoPlan = {
    institutionName: DEMO_INSTITUTION_NAME,
    units: [],
    people: [],
    appointments: [],
    portfolios: [],
    clearances: [],
    accounts: [],
  };
  let serial = 0;
  const person = (unitKey: string): string => {
    serial += 1;
    const key = `p${serial}`;
    // 工号: year of joining and a serial, the shape most institutions use.
    const staffNo = `${random.int(1995, 2023)}${String(serial).padStart(4, "0")}`;
    plan.people.push({ key, name: nextName(), staffNo, unitKey });
    return key;
  };
  const appoint = (personKey: string, unitKey: string, position: string, startsOn: string, extra = {}) =>
    plan.appointments.push({ personKey, unitKey, position, acting: false, startsOn, endsOn: null, ...extra });

  const leaders = new Map<string, string>();
  for (const leader of DEMO_LEADERS) {
    const key = person(ROOT);
    leaders.set(leader.key, key);
    appoint(key, ROOT, leader.position, leader.since);
    for (const area of leader.areas)
      plan.portfolios.push({ personKey: key, unitKey: ROOT, area, startsOn: leader.since });
    for (const unitKey of leader.business)
      plan.portfolios.push({ personKey: key, unitKey, area: "business", startsOn: leader.since });
  }

  const posts = new Map<string, UnitPosts>();
  const order = new Map<string, number>();
  for (const spec of DEMO_UNITS) {
    const parentKey = spec.parent ?? ROOT;
    const sortOrder = order.get(parentKey) ?? 0;
    order.set(parentKey, sortOrder + 1);
    plan.units.push({
      key: spec.key,
      parentKey,
      name: spec.name,
      code: spec.code,
      classified: spec.classified,
      sortOrder,
    });
    posts.set(spec.key, staffUnit(spec, today, random, person, appoint));
  }

  plan.clearances.push(...clearances(plan, posts, leaders, random));
  for (const account of DEMO_ACCOUNTS) {
    const holder = account.holder;
    const personKey =
      "leader" in holder ? leaders.get(holder.leader) : holderInUnit(posts.get(holder.unit), holder.post, plan);
    if (!personKey) throw new Error(`demo account ${account.username} has no holder`);
    plan.accounts.push({ username: account.username, personKey });
  }
  return plan;
}

/** Fills one unit with people and its posts; the head seat as the spec says (regular, acting after a departure, vacant). */
function staffUnit(
  spec: DemoUnitSpec,
  today: string,
  random: Random,
  person: (unitKey: string) => string,
  appoint: (personKey: string, unitKey: string, position: string, startsOn: string, extra?: object) => void,
): UnitPosts {
  const people = Array.from({ length: spec.size }, () => person(spec.key));
  const result: UnitPosts = { head: null, deputies: [], secrecyOfficers: [], liaisons: [], staff: [] };
  let next = 0;
  const take = (): string => people[next++] ?? person(spec.key);
  if (spec.head === "regular") {
    result.head = take();
    const since = appointmentDate(random);
    appoint(result.head, spec.key, "UNIT_HEAD", since);
    // The head of the secrecy office is its director too (Art. 13; the policy's SECRECY_OFFICE_DIRECTOR).
    if (spec.code === "SECRECY_OFFICE") appoint(result.head, spec.key, "SECRECY_OFFICE_DIRECTOR", since);
  } else {
    // The previous head left recently (retired, or moved on); they stay on as staff so the history has a face.
    const former = take();
    const left = addDays(today, spec.head === "acting" ? -92 : -61);
    appoint(former, spec.key, "UNIT_HEAD", "2016-09-01", { endsOn: left });
    result.staff.push(former);
    if (spec.head === "acting") {
      result.head = take();
      appoint(result.head, spec.key, "UNIT_HEAD", addDays(left, 1), { acting: true });
    }
  }
  for (let i = 0; i < spec.deputies; i++) {
    const deputy = take();
    result.deputies.push(deputy);
    appoint(deputy, spec.key, "DEPUTY_UNIT_HEAD", appointmentDate(random));
  }
  if (spec.code === "SECRECY_OFFICE") {
    for (let i = 0; i < 2; i++) {
      const officer = take();
      result.secrecyOfficers.push(officer);
      appoint(officer, spec.key, "SECRECY_OFFICER", appointmentDate(random));
    }
  }
  // Classified units keep two liaisons (保密员): one is the custodian of the carriers' register.
  for (let i = 0; i < (spec.classified ? 2 : 1); i++) {
    const liaison = take();
    result.liaisons.push(liaison);
    appoint(liaison, spec.key, "LIAISON", appointmentDate(random));
  }
  while (next < people.length) result.staff.push(take());
  return result;
}

/**
 * About sixty cleared persons (涉密人员): the principal leaders and the secrecy leader, the secrecy office, the heads,
 * liaisons and part of the staff of classified units, and a few people in the offices that handle classified matters
 * (exam papers in 教务处, the network centre, the Party and president's offices).
 */
function clearances(
  plan: DemoPlan,
  posts: Map<string, UnitPosts>,
  leaders: Map<string, string>,
  random: Random,
): PlannedClearance[] {
  const out: PlannedClearance[] = [];
  const seen = new Set<string>();
  const clear = (personKey: string | null | undefined, tier: Tier): void => {
    if (!personKey || seen.has(personKey)) return;
    seen.add(personKey);
    out.push({ personKey, tier, startsOn: `${random.int(2019, 2024)}-${random.pick(["03", "09"])}-01` });
  };
  for (const key of ["partySecretary", "president", "secrecyDeputy", "securityVp"]) clear(leaders.get(key), "CORE");
  const office = posts.get("secrecyOffice");
  for (const key of [office?.head, ...(office?.secrecyOfficers ?? []), ...(office?.liaisons ?? [])]) clear(key, "CORE");
  for (const unit of plan.units.filter((u) => u.classified)) {
    const p = posts.get(unit.key);
    if (!p) continue;
    clear(p.head, "CORE");
    for (const key of [...p.deputies, ...p.liaisons]) clear(key, "IMPORTANT");
    for (const key of p.staff.slice(0, 8)) clear(key, random.next() < 0.4 ? "IMPORTANT" : "GENERAL");
  }
  for (const [unitKey, count] of [
    ["academicAffairs", 3],
    ["networkCenter", 3],
    ["partyOffice", 2],
    ["presidentOffice", 2],
    ["securityDept", 2],
    ["researchDept", 2],
  ] as const) {
    const p = posts.get(unitKey);
    if (!p) continue;
    clear(p.head, "IMPORTANT");
    for (const key of p.staff.slice(0, count)) clear(key, "GENERAL");
  }
  return out;
}

function holderInUnit(posts: UnitPosts | undefined, post: string, plan: DemoPlan): string | undefined {
  if (!posts) return undefined;
  switch (post) {
    case "head":
      return posts.head ?? undefined;
    case "liaison":
      return posts.liaisons[0];
    case "secrecyOfficer":
      return posts.secrecyOfficers[0];
    default: {
      // A cleared member of staff holding no post: the person Art. 7 is about.
      const cleared = new Map(plan.clearances.map((c) => [c.personKey, c.tier]));
      return posts.staff.find((key) => cleared.get(key) === "IMPORTANT") ?? posts.staff.find((key) => cleared.has(key));
    }
  }
}

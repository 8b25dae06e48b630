/**
 * The rows of a generated province (bench/data/province.ts): an authority at the root, institutions under it, forty
 * units in each (a quarter of them nested two or three levels down), about two thousand people per institution, and
 * the appointments and portfolios the resolver reads, with history — every unit has had earlier heads, some are
 * vacant today, some have an acting head, and every institution reshuffled its leaders' portfolios once.
 * Deterministic (seeded), so a cached file and a fresh one hold the same province.
 */
import { v7 as uuidv7 } from "uuid";
import { seededRandom, type Random } from "../../src/features/demo/random.js";

export interface ProvinceShape {
  institutions: number;
  unitsPerInstitution: number;
  people: number;
}

/** One table's rows, as positional values in the column order named. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: unknown[][];
}

const AT = "2027-01-01T00:00:00.000Z";
const EPOCH = "2010-01-01";
const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力永健"];

function dateBetween(random: Random, fromYear: number, toYear: number): string {
  const month = String(random.int(1, 12)).padStart(2, "0");
  return `${random.int(fromYear, toYear)}-${month}-01`;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Generates the province, calling `emit` with batches of rows so memory stays flat. */
export function generateProvince(shape: ProvinceShape, emit: (batch: TableRows) => void): { units: string[] } {
  const random = seededRandom(150_40);
  const unitRows: unknown[][] = [];
  const personRows: unknown[][] = [];
  const appointmentRows: unknown[][] = [];
  const portfolioRows: unknown[][] = [];
  const unitIds: string[] = [];
  const flush = (force = false): void => {
    const tables: [string, readonly string[], unknown[][]][] = [
      ["unit", ["id", "parent_id", "path", "name", "kind", "sort_order", "code", "classified", "created_at", "updated_at"], unitRows],
      ["person", ["id", "name", "unit_id", "staff_no", "created_at", "updated_at"], personRows],
      ["appointment", ["id", "person_id", "unit_id", "position", "acting", "starts_on", "ends_on", "created_by", "created_at"], appointmentRows],
      ["portfolio", ["id", "person_id", "unit_id", "area", "starts_on", "ends_on", "created_by", "created_at"], portfolioRows],
    ];
    for (const [table, columns, rows] of tables) {
      if (rows.length === 0 || (!force && rows.length < 5000)) continue;
      emit({ table, columns, rows: rows.splice(0) });
    }
  };

  const rootId = uuidv7();
  const rootPath = `/${rootId}/`;
  unitRows.push([rootId, null, rootPath, "省保密行政管理部门（基准数据）", "authority", 0, null, 0, AT, AT]);
  const perInstitution = Math.floor(shape.people / shape.institutions);
  let serial = 0;
  const person = (unitId: string): string => {
    const id = uuidv7();
    serial += 1;
    const name = `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.next() < 0.7 ? random.pick(GIVEN) : ""}`;
    personRows.push([id, name, unitId, `P${String(serial).padStart(7, "0")}`, AT, AT]);
    return id;
  };
  const appoint = (personId: string, unitId: string, position: string, from: string, to: string | null, acting = 0) =>
    appointmentRows.push([uuidv7(), personId, unitId, position, acting, from, to, null, AT]);
  const portfolio = (personId: string, unitId: string, area: string, from: string, to: string | null) =>
    portfolioRows.push([uuidv7(), personId, unitId, area, from, to, null, AT]);

  for (let i = 0; i < shape.institutions; i++) {
    const instId = uuidv7();
    const instPath = `${rootPath}${instId}/`;
    unitRows.push([instId, rootId, instPath, `第${i + 1}院校`, "institution", i, null, 0, AT, AT]);
    unitIds.push(instId);
    // Units: the first three quarters directly under the institution.
    const units: { id: string; path: string; top: boolean }[] = [];
    const topCount = Math.ceil(shape.unitsPerInstitution * 0.75);
    for (let u = 0; u < shape.unitsPerInstitution; u++) {
      // Nested: five under top-level units, the rest one level further down (three levels below the institution).
      const under = u < topCount ? undefined : u < topCount + 5 ? units[u - topCount] : units[u - 5];
      const parent = under ?? { id: instId, path: instPath };
      const id = uuidv7();
      const path = `${parent.path}${id}/`;
      unitRows.push([id, parent.id, path, `单位${i + 1}-${u + 1}`, "unit", u, null, u % 13 === 0 ? 1 : 0, AT, AT]);
      units.push({ id, path, top: u < topCount });
      unitIds.push(id);
    }
    let staff = 0;
    // The institution's leaders, with two earlier Party secretaries and presidents.
    for (const position of ["PARTY_SECRETARY", "PRESIDENT"]) {
      const t1 = dateBetween(random, 2014, 2018);
      const t2 = dateBetween(random, 2020, 2024);
      appoint(person(instId), instId, position, EPOCH, dayBefore(t1));
      appoint(person(instId), instId, position, t1, dayBefore(t2));
      appoint(person(instId), instId, position, t2, null);
      staff += 3;
    }
    appoint(person(instId), instId, "DISCIPLINE_SECRETARY", EPOCH, null);
    const leaders = Array.from({ length: 6 }, (_, k) => {
      const id = person(instId);
      appoint(id, instId, k < 2 ? "DEPUTY_PARTY_SECRETARY" : "VICE_PRESIDENT", EPOCH, null);
      return id;
    });
    staff += 7;
    // Institution-wide areas: secrecy changed hands once, security did not.
    const reshuffle = dateBetween(random, 2019, 2021);
    portfolio(leaders[0] ?? "", instId, "secrecy", EPOCH, dayBefore(reshuffle));
    portfolio(leaders[1] ?? "", instId, "secrecy", reshuffle, null);
    portfolio(leaders[2] ?? "", instId, "security", EPOCH, null);
    // Business portfolios over the top-level units, before and after the reshuffle; a few nested units have their
    // own, so that "the nearest portfolio wins" is exercised.
    units.forEach((unit, u) => {
      if (unit.top) {
        portfolio(random.pick(leaders), unit.id, "business", EPOCH, dayBefore(reshuffle));
        portfolio(random.pick(leaders), unit.id, "business", reshuffle, null);
      } else if (u % 4 === 0) {
        portfolio(random.pick(leaders), unit.id, "business", reshuffle, null);
      }
    });
    // Each unit: two earlier heads, today's head (acting in one unit in ten, none in one in twenty), deputies, liaison.
    const perUnit = Math.floor((perInstitution - staff) / units.length);
    units.forEach((unit, u) => {
      const people = Array.from({ length: u === units.length - 1 ? perInstitution - staff : perUnit }, () =>
        person(unit.id),
      );
      staff += people.length;
      const [a = "", b = "", c = "", d = "", e = ""] = people;
      const t1 = dateBetween(random, 2013, 2018);
      const t2 = dateBetween(random, 2019, 2025);
      const roll = random.next();
      appoint(a, unit.id, "UNIT_HEAD", EPOCH, dayBefore(t1));
      appoint(b, unit.id, "UNIT_HEAD", t1, dayBefore(t2));
      if (roll >= 0.05) appoint(c, unit.id, "UNIT_HEAD", t2, null, roll < 0.15 ? 1 : 0);
      appoint(d, unit.id, "DEPUTY_UNIT_HEAD", t1, null);
      appoint(e, unit.id, "LIAISON", t2, null);
    });
    flush();
  }
  flush(true);
  return { units: unitIds };
}

/**
 * A provincial office reads the findings of every institution below it (DESIGN.md §4: a provincial deployment is the
 * same model). The list reads each institution's page on its own and merges them: paged through, it must give every
 * finding once, in (deadline, id) order across institutions, under the same filters, while a university's office
 * still sees its own alone.
 */
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergePages } from "../../src/domain/paging.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { testDialects } from "../databases.js";
import { type Client, createTestAccount, grantRole, signIn } from "../factories.js";
import { buildTestApp, type TestApp } from "../harness.js";
import { findingRow, inspectionFixtures } from "./matrix-fixtures.js";

interface PageJson {
  items: { id: string; deadline: string; severity: string; institution?: { id: string }; unit: { name: string } }[];
  nextCursor: string | null;
}

/** The same sort the list promises: deadline, then id. */
const byKey = (a: { deadline: string; id: string }, b: { deadline: string; id: string }) =>
  a.deadline === b.deadline ? (a.id < b.id ? -1 : 1) : a.deadline < b.deadline ? -1 : 1;

describe("merging pages read one per institution", () => {
  it("keeps the first rows of the union in key order, whatever the pages' lengths", () => {
    const pages = [["2027-01-02|b", "2027-03-01|a"], ["2027-01-02|a", "2027-02-01|z", "2027-05-01|a"], []];
    expect(mergePages(pages, 4, (k) => k)).toEqual(["2027-01-02|a", "2027-01-02|b", "2027-02-01|z", "2027-03-01|a"]);
    expect(mergePages([["x", "y", "z"]], 2, (k) => k)).toEqual(["x", "y"]);
    expect(mergePages([], 3, (k: string) => k)).toEqual([]);
  });
});

describe.each(testDialects)("a provincial office's findings on %s", (dialect) => {
  let t: TestApp;
  let province: Client;
  let university: Client;
  const institutions: { id: string; path: string; unit: string }[] = [];

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.app.db.kysely;
    const at = toInstant(t.app.clock());
    const make = async (
      name: string,
      parent: { id: string; path: string } | null,
      kind: "authority" | "institution" | "unit",
    ) => {
      const id = uuidv7();
      const path = `${parent?.path ?? "/"}${id}/`;
      await db
        .insertInto("unit")
        .values({ id, parent_id: parent?.id ?? null, path, name, kind, sort_order: 0, created_at: at, updated_at: at })
        .execute();
      return { id, path };
    };
    const authority = await make("省高校保密委员会", null, "authority");
    for (const name of ["甲大学", "乙学院", "丙职业技术学院"]) {
      const institution = await make(name, authority, "institution");
      const unit = await make(`${name}机电学院`, institution, "unit");
      institutions.push({ ...institution, unit: unit.id });
    }
    const admin = await createTestAccount(t.app, { username: "p-secadmin", adminRole: "SECURITY_ADMIN" });
    const office = async (username: string, unitId: string) => {
      const made = await createTestAccount(t.app, { username, unitId });
      await grantRole(t.app, made.id, "secrecyOffice", unitId, admin.id);
      return signIn(t.app, made);
    };
    province = await office("p-province", authority.id);
    university = await office("p-university", institutions[0]!.id);

    // Each institution: a plan and an inspection of its unit, then findings whose deadlines interleave across the
    // three (several share a deadline, so the id decides).
    const lead = uuidv7();
    await db
      .insertInto("person")
      .values({ id: lead, name: "省保密办检查员", unit_id: authority.id, created_at: at, updated_at: at })
      .execute();
    for (const [n, institution] of institutions.entries()) {
      const where = { institutionId: institution.id, unitId: institution.unit, inspectorId: lead, ownerId: lead };
      const inspection = await inspectionFixtures(t.app, where).inspection();
      await db
        .insertInto("inspection_finding")
        .values(
          Array.from({ length: 9 }, (_, i) =>
            findingRow({
              id: uuidv7(),
              institution_id: institution.id,
              inspection_id: inspection,
              unit_id: institution.unit,
              at,
              severity: i % 3 === 0 ? "major" : "minor",
              description: `第 ${i + 1} 个问题`,
              deadline: `2027-04-${String(10 + ((i * 3 + n) % 12)).padStart(2, "0")}`,
            }),
          ),
        )
        .execute();
    }
  }, 60_000);
  afterAll(() => t.close());

  /** Every page of the list for a query, followed by its cursor. */
  const pages = async (client: Client, query: string) => {
    const seen: PageJson["items"][] = [];
    let cursor: string | null = null;
    do {
      const res = await client.get(
        `/api/findings?limit=4${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<PageJson>();
      seen.push(page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && seen.length < 20);
    return seen;
  };
  const stored = async (where: { institutionId?: string; severity?: string } = {}) =>
    (
      await t.app.db.kysely
        .selectFrom("inspection_finding")
        .select(["id", "deadline"])
        .$if(where.institutionId !== undefined, (q) => q.where("institution_id", "=", where.institutionId ?? ""))
        .$if(where.severity !== undefined, (q) => q.where("severity", "=", (where.severity ?? "minor") as "minor"))
        .execute()
    ).sort(byKey);

  it("pages through every institution's findings once, in deadline order across them", async () => {
    const got = await pages(province, "");
    expect(got.slice(0, -1).every((p) => p.length === 4)).toBe(true);
    const flat = got.flat();
    expect(flat.map((f) => f.id)).toEqual((await stored()).map((f) => f.id));
    expect(flat).toHaveLength(27);
  });

  it("merges under a filter too", async () => {
    const flat = (await pages(province, "&severity=major")).flat();
    expect(flat.map((f) => f.id)).toEqual((await stored({ severity: "major" })).map((f) => f.id));
    expect(flat.every((f) => f.severity === "major")).toBe(true);
  });

  it("keeps a university's office to its own", async () => {
    const flat = (await pages(university, "")).flat();
    expect(flat.map((f) => f.id)).toEqual((await stored({ institutionId: institutions[0]!.id })).map((f) => f.id));
  });
});

/**
 * Migration 0019 rebuilds the findings and attachments tables on SQLite (and alters them on PostgreSQL) under data an
 * installation of 0018 already holds: findings with repeats, a closed finding, photos and rectification evidence. Every
 * row must come through with its links, the item text taken from the plan's frozen template, and the rules kept.
 */
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/platform/db/database.js";
import { migrateToLatest } from "../../src/platform/db/migrate.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../databases.js";
import { AT, migrateUpTo, seedPlan0018 } from "./inspection-migration-seed.js";

// The 0018 schema, before the types describe 0019: rows are written untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function seed0018(k: Kysely<any>): Promise<void> {
  await seedPlan0018(k);
  const finding = (id: string, over: Record<string, unknown>) => ({
    id,
    institution_id: "u-inst",
    inspection_id: "insp-1",
    unit_id: "u-a",
    year: 2027,
    item_id: "daily.carriers",
    category: "carrier",
    severity: "minor",
    description: "载体未登记",
    deadline: "2027-04-30",
    status: "open",
    owner_person_id: "p-lead",
    owner_name: "王委员",
    repeat_of: null,
    plan_text: null,
    progress: null,
    evidence: null,
    submitted_by: null,
    submitted_at: null,
    return_reason: null,
    verified_by: null,
    verified_at: null,
    verification_note: null,
    created_by: null,
    created_at: AT,
    updated_at: AT,
    ...over,
  });
  await k
    .insertInto("inspection_finding")
    .values([
      finding("f-1", { status: "closed", evidence: "已整改", verified_at: AT }),
      finding("f-2", { inspection_id: "insp-2", repeat_of: "f-1", item_id: "gone.item" }),
    ])
    .execute();
  const file = (id: string, over: Record<string, unknown>) => ({
    id,
    inspection_id: "insp-1",
    finding_id: null,
    item_id: "daily.carriers",
    name: "现场照片.png",
    type: "image/png",
    size: 3,
    sha256: "x",
    content: Buffer.from([1, 2, 3]),
    uploaded_by: null,
    uploaded_at: AT,
    ...over,
  });
  await k
    .insertInto("inspection_attachment")
    .values([file("a-1", {}), file("a-2", { finding_id: "f-2", inspection_id: "insp-2" })])
    .execute();
}

describe.each(testDialects)("migration 0019 (finding sources) on %s", (dialect) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await openDatabase(database.target);
    await migrateUpTo(db, "0018_inspections");
    await seed0018(db.kysely);
    await migrateToLatest(db);
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it("keeps every finding with its links, names its source and freezes its item text", async () => {
    const rows = await sql<
      Record<string, unknown>
    >`select id, source, source_id, inspection_id, repeat_of, item_text, status
      from inspection_finding order by id`.execute(db.kysely);
    expect(rows.rows).toEqual([
      expect.objectContaining({
        id: "f-1",
        source: "inspection",
        source_id: "insp-1",
        inspection_id: "insp-1",
        repeat_of: null,
        status: "closed",
      }),
      expect.objectContaining({
        id: "f-2",
        source: "inspection",
        source_id: "insp-2",
        repeat_of: "f-1",
        status: "open",
      }),
    ]);
    expect(JSON.parse(String(rows.rows[0]?.item_text))).toEqual({ zh: "涉密载体管理规范", en: "Carriers" });
    // An item no longer in the template keeps its id as its text rather than losing the finding.
    expect(JSON.parse(String(rows.rows[1]?.item_text))).toEqual({ zh: "gone.item", en: "gone.item" });
  });

  it("keeps the attachments and lets evidence belong to a finding alone", async () => {
    const files = await sql<{
      id: string;
      finding_id: string | null;
    }>`select id, finding_id from inspection_attachment order by id`.execute(db.kysely);
    expect(files.rows).toEqual([
      { id: "a-1", finding_id: null },
      { id: "a-2", finding_id: "f-2" },
    ]);
    await sql`insert into inspection_attachment (id, inspection_id, finding_id, name, type, size, sha256, content, uploaded_at)
      values ('a-3', null, 'f-2', 'e.pdf', 'application/pdf', 1, 'y', ${Buffer.from([1])}, ${AT})`.execute(db.kysely);
    await expect(
      sql`insert into inspection_attachment (id, inspection_id, finding_id, name, type, size, sha256, content, uploaded_at)
        values ('a-4', null, null, 'e.pdf', 'application/pdf', 1, 'y', ${Buffer.from([1])}, ${AT})`.execute(db.kysely),
    ).rejects.toThrow();
  });

  it("keeps a closed finding final and refuses a source that does not match its inspection", async () => {
    await expect(
      sql`update inspection_finding set description = 'x' where id = 'f-1'`.execute(db.kysely),
    ).rejects.toThrow(/final|不得修改/);
    await expect(
      sql`update inspection_finding set inspection_id = null where id = 'f-2'`.execute(db.kysely),
    ).rejects.toThrow();
    await expect(
      sql`update inspection_finding set repeat_of = 'nope' where id = 'f-2'`.execute(db.kysely),
    ).rejects.toThrow();
  });
});

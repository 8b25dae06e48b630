/**
 * GET /api/institutions (the institution picker): a provincial authority's office over two institutions may record
 * for both; a university's office for its own; an office inside a university reads its meetings but records for none.
 * Bad input names the field.
 */
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toInstant } from "../../src/platform/db/instants.js";
import { testDialects } from "../databases.js";
import { type Client, createTestAccount, grantRole, signIn } from "../factories.js";
import { buildTestApp, type TestApp } from "../harness.js";

interface ListJson {
  items: { id: string; name: string }[];
}

describe.each(testDialects)("the institution picker on %s", (dialect) => {
  let t: TestApp;
  let province: Client;
  let university: Client;
  let school: Client;
  const names = (res: { json: <T>() => T }) =>
    res
      .json<ListJson>()
      .items.map((i) => i.name)
      .sort();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const at = toInstant(t.app.clock());
    const make = async (
      name: string,
      parent: { id: string; path: string } | null,
      kind: "authority" | "institution" | "unit",
    ) => {
      const id = uuidv7();
      const path = `${parent?.path ?? "/"}${id}/`;
      await t.app.db.kysely
        .insertInto("unit")
        .values({ id, parent_id: parent?.id ?? null, path, name, kind, sort_order: 0, created_at: at, updated_at: at })
        .execute();
      return { id, path };
    };
    const authority = await make("省高校保密委员会", null, "authority");
    const first = await make("甲大学", authority, "institution");
    await make("乙学院", authority, "institution");
    const schoolUnit = await make("甲大学计算机学院", first, "unit");
    const admin = await createTestAccount(t.app, { username: "secadmin", adminRole: "SECURITY_ADMIN" });
    const account = async (username: string, unitId: string) => {
      const created = await createTestAccount(t.app, { username });
      await grantRole(t.app, created.id, "secrecyOffice", unitId, admin.id);
      return signIn(t.app, created);
    };
    province = await account("province", authority.id);
    university = await account("university", first.id);
    school = await account("school", schoolUnit.id);
  }, 60_000);
  afterAll(() => t.close());

  it("lists what each account may record for, and what it may read", async () => {
    expect(names(await province.get("/api/institutions?for=meeting.manage"))).toEqual(["乙学院", "甲大学"]);
    expect(names(await university.get("/api/institutions?for=meeting.manage"))).toEqual(["甲大学"]);
    expect(names(await school.get("/api/institutions?for=meeting.manage"))).toEqual([]);
    expect(names(await school.get("/api/institutions?for=meeting.read"))).toEqual(["甲大学"]);
  });

  it("refuses an unknown permission, naming the field", async () => {
    const res = await province.get("/api/institutions?for=everything");
    expect(res.statusCode).toBe(400);
    expect(res.json<{ details: { issues: { field: string; message: string }[] } }>().details.issues[0]).toMatchObject({
      field: "query.for",
      message: expect.stringContaining("meeting.manage") as unknown,
    });
  });
});

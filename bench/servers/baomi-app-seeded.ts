/**
 * The real app, as baomi-app.ts builds it, on a database seeded before it listens with one business account: a
 * person in a unit, two role grants, and the password the scenario signs in with (BENCH_USERNAME, BENCH_PASSWORD).
 * Rows are inserted directly with Kysely, with the columns of test/factories.ts; the session comes later, from a real
 * POST /api/auth/login by the harness.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { v7 as uuidv7 } from "uuid";
import type * as AppModule from "../../src/platform/http/app.js";
import type * as ConfigModule from "../../src/platform/config/config.js";
import type * as InstantsModule from "../../src/platform/db/instants.js";
import type * as PasswordsModule from "../../src/platform/auth/passwords.js";
import { listenAndReport } from "./listen.js";

// Compiled to .bench/servers/, two levels below the repository root like bench/servers/ itself.
const dist = path.resolve(import.meta.dirname, "..", "..", "dist");
const load = <T>(file: string): Promise<T> => import(pathToFileURL(path.join(dist, file)).href) as Promise<T>;

const { loadConfig } = await load<typeof ConfigModule>("platform/config/config.js");
const { buildApp } = await load<typeof AppModule>("platform/http/app.js");
const { toInstant } = await load<typeof InstantsModule>("platform/db/instants.js");
const { hashPassword } = await load<typeof PasswordsModule>("platform/auth/passwords.js");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

// The harness sets BAOMI_DATA_DIR (a fresh temp dir) and BAOMI_LOG_LEVEL; the scenario sets the credentials.
const username = required("BENCH_USERNAME");
const password = required("BENCH_PASSWORD");

// buildApp migrates the fresh database; the rows go in before the app listens, so no request sees it half seeded.
const app = await buildApp(loadConfig(process.env, process.cwd()));
const db = app.db.kysely;
const at = toInstant(app.clock());

async function unit(name: string, parent: { id: string; path: string } | null): Promise<{ id: string; path: string }> {
  const id = uuidv7();
  const unitPath = `${parent?.path ?? "/"}${id}/`;
  await db
    .insertInto("unit")
    .values({
      id,
      parent_id: parent?.id ?? null,
      path: unitPath,
      name,
      kind: parent ? "unit" : "institution",
      sort_order: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, path: unitPath };
}

async function account(options: {
  username: string;
  displayName: string;
  passwordHash: string;
  personId: string | null;
  adminRole: "SECURITY_ADMIN" | null;
}): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto("account")
    .values({
      id,
      username: options.username,
      display_name: options.displayName,
      person_id: options.personId,
      admin_role: options.adminRole,
      status: "active",
      password_hash: options.passwordHash,
      // Changed already, so that sign-in leaves nothing pending (no first-login password change).
      password_changed_at: at,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      totp_secret: null,
      totp_pending_secret: null,
      totp_last_step: null,
      last_login_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

const root = await unit("广东技术师范学院", null);
const school = await unit("计算机科学学院", root);
const department = await unit("软件工程系", school);

const personId = uuidv7();
await db
  .insertInto("person")
  .values({ id: personId, name: "张三", unit_id: department.id, created_at: at, updated_at: at })
  .execute();

// Whoever grants the roles: a security administrator, who never signs in here (its password is random and unknown).
const grantedBy = await account({
  username: "bench-security-admin",
  displayName: "安全保密管理员",
  passwordHash: await hashPassword(randomBytes(24).toString("base64url")),
  personId: null,
  adminRole: "SECURITY_ADMIN",
});
const accountId = await account({
  username: username.toLowerCase(),
  displayName: "张三",
  passwordHash: await hashPassword(password),
  personId,
  adminRole: null,
});

// Two grants on different units, from a past date and open-ended: both in force today.
for (const [role, unitId] of [
  ["unitHead", school.id],
  ["liaison", department.id],
] as const) {
  await db
    .insertInto("role_grant")
    .values({
      id: uuidv7(),
      account_id: accountId,
      role,
      unit_id: unitId,
      starts_on: "2020-01-01",
      ends_on: null,
      granted_by: grantedBy,
      created_at: at,
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
}

await listenAndReport(app);

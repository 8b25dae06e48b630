/**
 * Factories for identity tests: a small unit tree, accounts with known passwords (and TOTP where asked), grants,
 * and a signed-in client that carries its cookie and CSRF token like the browser does.
 */
import { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { type AdminRole, type BusinessRole } from "../src/domain/roles.js";
import { hashPassword } from "../src/platform/auth/passwords.js";
import { newTotpSecret, totpCodeAt, totpStep } from "../src/platform/auth/totp.js";
import { toInstant } from "../src/platform/db/instants.js";

export const PASSWORD = "正确的马电池订书钉-2027";
let passwordHash: Promise<string> | undefined;
const hashed = (): Promise<string> => (passwordHash ??= hashPassword(PASSWORD));

/** root (institution) → A → A1, and root → B. */
export interface Org {
  root: { id: string; path: string };
  a: { id: string; path: string };
  a1: { id: string; path: string };
  b: { id: string; path: string };
}

export async function seedOrg(app: FastifyInstance): Promise<Org> {
  const at = toInstant(app.clock());
  const make = async (name: string, parent: { id: string; path: string } | null, kind: "institution" | "unit") => {
    const id = uuidv7();
    const path = `${parent?.path ?? "/"}${id}/`;
    await app.db.kysely
      .insertInto("unit")
      .values({ id, parent_id: parent?.id ?? null, path, name, kind, sort_order: 0, created_at: at, updated_at: at })
      .execute();
    return { id, path };
  };
  const root = await make("广东技术师范学院", null, "institution");
  const a = await make("计算机科学学院", root, "unit");
  const a1 = await make("软件工程系", a, "unit");
  const b = await make("外国语学院", root, "unit");
  return { root, a, a1, b };
}

export interface TestAccount {
  id: string;
  username: string;
  password: string;
  personId: string | null;
  totpSecret: string | null;
}

/** An account with PASSWORD, already changed (no first-login step) unless `mustChange`. */
export async function createTestAccount(
  app: FastifyInstance,
  options: { username: string; adminRole?: AdminRole; unitId?: string; totp?: boolean; mustChange?: boolean },
): Promise<TestAccount> {
  const at = toInstant(app.clock());
  const id = uuidv7();
  let personId: string | null = null;
  if (options.unitId) {
    personId = uuidv7();
    await app.db.kysely
      .insertInto("person")
      .values({
        id: personId,
        name: `${options.username} 姓名`,
        unit_id: options.unitId,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  const totpSecret = options.totp || options.adminRole ? newTotpSecret() : null;
  await app.db.kysely
    .insertInto("account")
    .values({
      id,
      username: options.username,
      display_name: `${options.username} 姓名`,
      person_id: personId,
      admin_role: options.adminRole ?? null,
      status: "active",
      password_hash: await hashed(),
      password_changed_at: at,
      must_change_password: options.mustChange ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      totp_secret: totpSecret,
      totp_pending_secret: null,
      totp_last_step: null,
      last_login_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, username: options.username, password: PASSWORD, personId, totpSecret };
}

/** Grants a business role on a unit from today, open-ended. */
export async function grantRole(
  app: FastifyInstance,
  accountId: string,
  role: BusinessRole,
  unitId: string,
  grantedBy: string,
): Promise<string> {
  const id = uuidv7();
  await app.db.kysely
    .insertInto("role_grant")
    .values({
      id,
      account_id: accountId,
      role,
      unit_id: unitId,
      starts_on: "2020-01-01",
      ends_on: null,
      granted_by: grantedBy,
      created_at: toInstant(app.clock()),
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
  return id;
}

/** A browser-like client: keeps the session cookie and CSRF token across requests. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== "GET" ? { "x-csrf-token": this.csrf } : {}),
        ...headers,
      },
    });
    const setCookie = res.headers["set-cookie"];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) {
      const pair = first.split(";")[0] ?? "";
      this.cookie = pair.endsWith("=") ? null : pair;
    }
    const body = String(res.headers["content-type"] ?? "").startsWith("application/json")
      ? res.json<{ csrfToken?: unknown }>()
      : null;
    if (body && typeof body.csrfToken === "string") this.csrf = body.csrfToken;
    return res;
  }
  get(url: string) {
    return this.request("GET", url);
  }
  post(url: string, payload?: unknown) {
    return this.request("POST", url, payload ?? {});
  }
}

/** Signs in with password and, when the account has TOTP, the current code; throws unless fully signed in. */
export async function signIn(app: FastifyInstance, account: TestAccount): Promise<Client> {
  const client = new Client(app);
  const login = await client.post("/api/auth/login", { username: account.username, password: account.password });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  if (account.totpSecret) {
    // Each code works once: step the clock past the last one used.
    const row = await app.db.kysely
      .selectFrom("account")
      .select("totp_last_step")
      .where("id", "=", account.id)
      .executeTakeFirstOrThrow();
    const step = Math.max(totpStep(app.clock()), (row.totp_last_step ?? 0) + 1);
    const res = await client.post("/api/auth/totp", { code: totpCodeAt(account.totpSecret, step) });
    if (res.statusCode !== 200) throw new Error(`totp failed: ${res.statusCode} ${res.body}`);
  }
  const state = (await client.get("/api/auth/session")).json<{ pending: string[] }>();
  if (state.pending.length) throw new Error(`still pending: ${state.pending.join(",")}`);
  return client;
}

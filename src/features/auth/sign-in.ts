/**
 * Signing in: password, then (when enrolled) a TOTP or recovery code. Each step answers with a fresh session token
 * (ASVS 3.2.1), counts failures toward the lockout, and is audited in the same transaction as its change.
 * Password hashing runs before any transaction opens, so a slow hash never holds the database.
 */
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { AppError } from "../../domain/errors.js";
import { afterFailure } from "../../domain/sign-in.js";
import { auditContext } from "../../platform/access/request-auth.js";
import { sessionToken } from "../../platform/auth/cookies.js";
import { verifyNothing, verifyPassword } from "../../platform/auth/passwords.js";
import { hitRateLimit } from "../../platform/auth/rate-limit.js";
import { createSession, endAccountSessions, endSession } from "../../platform/auth/sessions.js";
import { sha256Hex } from "../../platform/auth/tokens.js";
import { matchTotp } from "../../platform/auth/totp.js";
import { toInstant } from "../../platform/db/instants.js";
import { type AccountTable, type SessionTable } from "../../platform/db/schema.js";
import { formatShanghaiTime } from "./time-format.js";

const LOGIN_ATTEMPTS_PER_ADDRESS = 30;
const LOGIN_WINDOW_MS = 5 * 60_000;

const BAD_CREDENTIALS = new AppError("UNAUTHENTICATED", { zh: "用户名或密码错误", en: "Wrong username or password" });
const BAD_CODE = new AppError("UNAUTHENTICATED", { zh: "验证码错误或已使用", en: "The code is wrong or already used" });

function lockedError(until: string): AppError {
  const time = formatShanghaiTime(until);
  return new AppError(
    "ACCOUNT_LOCKED",
    {
      zh: `连续登录失败次数过多，账号已锁定至 ${time}（北京时间）`,
      en: `Too many failed attempts; the account is locked until ${time} (Beijing time)`,
    },
    { lockedUntil: until },
  );
}

export interface Issued {
  token: string;
  session: SessionTable;
}

/** Step one: username and password. */
export async function signInWithPassword(request: FastifyRequest, username: string, password: string): Promise<Issued> {
  const app = request.server;
  const now = app.clock();
  if (!(await hitRateLimit(app.db.kysely, `login:${request.ip}`, LOGIN_ATTEMPTS_PER_ADDRESS, LOGIN_WINDOW_MS, now))) {
    await app.audit.record({
      ...auditContext(request),
      action: "auth.login",
      object: null,
      result: "denied",
      details: { username, reason: "rate_limited" },
    });
    throw new AppError("RATE_LIMITED", {
      zh: "登录尝试过于频繁，请稍后再试",
      en: "Too many sign-in attempts; try again later",
    });
  }
  const account = await app.db.kysely
    .selectFrom("account")
    .selectAll()
    .where("username", "=", username.toLowerCase())
    .executeTakeFirst();
  if (!account) {
    await verifyNothing(password);
    await app.audit.record({
      ...auditContext(request),
      action: "auth.login",
      object: null,
      result: "failure",
      details: { username, reason: "unknown_user" },
    });
    throw BAD_CREDENTIALS;
  }
  const object = { type: "account", id: account.id };
  const actor = { accountId: account.id, username: account.username, role: account.admin_role, unitId: null };
  if (account.locked_until && Date.parse(account.locked_until) > now.getTime()) {
    await app.audit.record({
      ...auditContext(request),
      actor,
      action: "auth.login",
      object,
      result: "denied",
      details: { reason: "locked" },
    });
    throw lockedError(account.locked_until);
  }
  if (!(await verifyPassword(account.password_hash, password))) {
    await recordFailure(app, request, account, "wrong_password", now);
    throw BAD_CREDENTIALS;
  }
  if (account.status !== "active") {
    await app.audit.record({
      ...auditContext(request),
      actor,
      action: "auth.login",
      object,
      result: "denied",
      details: { reason: "disabled" },
    });
    throw new AppError("UNAUTHENTICATED", {
      zh: "账号已停用，请联系系统管理员",
      en: "The account is disabled; contact the system administrator",
    });
  }
  const previous = sessionToken(request);
  return app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("account")
      .set({ failed_logins: 0, locked_until: null, last_login_at: toInstant(now), updated_at: toInstant(now) })
      .where("id", "=", account.id)
      .execute();
    // A cookie from before sign-in must not live on beside the new one (session fixation).
    if (previous) await endSession(trx, sha256Hex(previous), "replaced", now);
    const issued = await createSession(trx, {
      accountId: account.id,
      totpVerified: false,
      sourceIp: request.ip,
      userAgent: request.headers["user-agent"] ?? null,
      now,
      config: app.config,
    });
    await app.audit.append(trx, {
      ...auditContext(request),
      actor,
      action: "auth.login",
      object,
      result: "success",
      details: { session: issued.session.public_id },
    });
    return issued;
  });
}

/** Step two: a TOTP code, or one of the recovery codes. Answers with a new session that has passed it. */
export async function signInWithCode(
  request: FastifyRequest,
  session: SessionTable,
  account: AccountTable,
  code: string,
): Promise<Issued> {
  const app = request.server;
  const now = app.clock();
  const secret = account.totp_secret;
  if (!secret || session.totp_verified === 1) {
    throw new AppError("CONFLICT", { zh: "当前会话无需输入验证码", en: "This session needs no code" });
  }
  const step = matchTotp(secret, code, now, account.totp_last_step);
  const recovery = step === null ? await findRecoveryCode(app, account.id, code) : null;
  if (step === null && !recovery) {
    const locked = await recordFailure(app, request, account, "wrong_code", now);
    throw locked ? lockedError(locked) : BAD_CODE;
  }
  return app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("account")
      .set({ failed_logins: 0, ...(step !== null ? { totp_last_step: step } : {}), updated_at: toInstant(now) })
      .where("id", "=", account.id)
      .execute();
    if (recovery) {
      const used = await trx
        .updateTable("recovery_code")
        .set({ used_at: toInstant(now) })
        .where("account_id", "=", account.id)
        .where("code_hash", "=", recovery)
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw BAD_CODE;
    }
    await endSession(trx, session.id, "replaced", now);
    const issued = await createSession(trx, {
      accountId: account.id,
      totpVerified: true,
      sourceIp: request.ip,
      userAgent: request.headers["user-agent"] ?? null,
      now,
      config: app.config,
    });
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "auth.totp",
      object: { type: "account", id: account.id },
      result: "success",
      details: { method: recovery ? "recovery_code" : "totp", session: issued.session.public_id },
    });
    return issued;
  });
}

async function findRecoveryCode(app: FastifyInstance, accountId: string, code: string): Promise<string | null> {
  const normalized = code.trim().toLowerCase();
  if (!/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/.test(normalized)) return null;
  const hash = sha256Hex(normalized);
  const row = await app.db.kysely
    .selectFrom("recovery_code")
    .select("code_hash")
    .where("account_id", "=", accountId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return row ? hash : null;
}

/**
 * Counts a failed attempt (atomically, so parallel guesses cannot slip under the threshold), locks the account when
 * the threshold is reached, and audits both. Returns the lock's end when this failure locked the account.
 */
async function recordFailure(
  app: FastifyInstance,
  request: FastifyRequest,
  account: AccountTable,
  reason: string,
  now: Date,
): Promise<string | null> {
  return app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("account")
      .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1) }))
      .where("id", "=", account.id)
      .returning("failed_logins")
      .executeTakeFirstOrThrow();
    const outcome = afterFailure(Number(row.failed_logins) - 1, now);
    const actor = { accountId: account.id, username: account.username, role: account.admin_role, unitId: null };
    const object = { type: "account", id: account.id };
    await app.audit.append(trx, {
      ...auditContext(request),
      actor,
      action: "auth.login",
      object,
      result: "failure",
      details: { reason },
    });
    if (!outcome.lockedUntil) return null;
    const until = toInstant(outcome.lockedUntil);
    await trx
      .updateTable("account")
      .set({ failed_logins: 0, locked_until: until, updated_at: toInstant(now) })
      .where("id", "=", account.id)
      .execute();
    await endAccountSessions(trx, account.id, "locked", now);
    await app.audit.append(trx, {
      ...auditContext(request),
      actor,
      action: "auth.lockout",
      object,
      result: "success",
      details: { lockedUntil: until },
    });
    return until;
  });
}

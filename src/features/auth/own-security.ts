/**
 * What every user does to their own account: change the password, enrol or drop TOTP, renew recovery codes, see and
 * end their sessions, sign out. Each change commits with its audit entry.
 */
import { type FastifyRequest } from "fastify";
import { AppError } from "../../domain/errors.js";
import { passwordProblem } from "../../domain/password-policy.js";
import { auditContext, type RequestAuth } from "../../platform/access/request-auth.js";
import { commonPasswords, hashPassword, verifyPassword } from "../../platform/auth/passwords.js";
import { createSession, endAccountSessions, endSession, type EndReason } from "../../platform/auth/sessions.js";
import { randomCode, sha256Hex } from "../../platform/auth/tokens.js";
import { matchTotp, newTotpSecret, totpUri } from "../../platform/auth/totp.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Issued } from "./sign-in.js";

const WRONG_PASSWORD = new AppError(
  "VALIDATION_FAILED",
  { zh: "当前密码不正确", en: "The current password is wrong" },
  {
    issues: [{ field: "body.currentPassword", message: "当前密码不正确" }],
  },
);

async function confirmPassword(auth: RequestAuth, password: string, field: string): Promise<void> {
  if (!(await verifyPassword(auth.account.password_hash, password))) {
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "密码不正确", en: "The password is wrong" },
      { issues: [{ field, message: "密码不正确" }] },
    );
  }
}

/** Changes the password, ends every other session, and answers with a new token for this one. */
export async function changePassword(
  request: FastifyRequest,
  auth: RequestAuth,
  current: string,
  next: string,
): Promise<Issued> {
  const app = request.server;
  const now = app.clock();
  if (!(await verifyPassword(auth.account.password_hash, current))) throw WRONG_PASSWORD;
  const problem = passwordProblem(next, { username: auth.account.username, common: commonPasswords() });
  if (problem)
    throw new AppError("VALIDATION_FAILED", problem, { issues: [{ field: "body.newPassword", message: problem.zh }] });
  if (await verifyPassword(auth.account.password_hash, next)) {
    const same = { zh: "新密码不能与当前密码相同", en: "The new password must differ from the current one" };
    throw new AppError("VALIDATION_FAILED", same, { issues: [{ field: "body.newPassword", message: same.zh }] });
  }
  const passwordHash = await hashPassword(next);
  return app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("account")
      .set({
        password_hash: passwordHash,
        password_changed_at: toInstant(now),
        must_change_password: 0,
        updated_at: toInstant(now),
      })
      .where("id", "=", auth.account.id)
      .execute();
    const ended = await endAccountSessions(trx, auth.account.id, "password_changed", now);
    const issued = await createSession(trx, {
      accountId: auth.account.id,
      totpVerified: auth.session.totp_verified === 1,
      sourceIp: request.ip,
      userAgent: request.headers["user-agent"] ?? null,
      now,
      config: app.config,
    });
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "account.password.change",
      object: { type: "account", id: auth.account.id },
      result: "success",
      details: { sessionsEnded: ended },
    });
    return issued;
  });
}

/** Starts TOTP enrolment: a new secret, kept pending until a code from it is confirmed. */
export async function setUpTotp(request: FastifyRequest, auth: RequestAuth): Promise<{ secret: string; uri: string }> {
  if (auth.account.totp_secret)
    throw new AppError("CONFLICT", { zh: "两步验证已启用", en: "Two-step verification is already on" });
  const app = request.server;
  const now = app.clock();
  const secret = newTotpSecret();
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("account")
      .set({ totp_pending_secret: secret, updated_at: toInstant(now) })
      .where("id", "=", auth.account.id)
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "account.totp.setup",
      object: { type: "account", id: auth.account.id },
      result: "success",
    });
  });
  return { secret, uri: totpUri(secret, auth.account.username) };
}

/** Confirms enrolment with a code from the new secret; answers with the recovery codes, shown this once. */
export async function confirmTotp(
  request: FastifyRequest,
  auth: RequestAuth,
  code: string,
): Promise<{ codes: string[] }> {
  const pending = auth.account.totp_pending_secret;
  if (auth.account.totp_secret || !pending) {
    throw new AppError("CONFLICT", {
      zh: "没有待确认的两步验证设置，请重新开始",
      en: "No enrolment is waiting for confirmation; start again",
    });
  }
  const app = request.server;
  const now = app.clock();
  const step = matchTotp(pending, code, now, null);
  if (step === null) {
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "验证码不正确，请核对手机时间后重试", en: "The code is wrong; check the phone's clock and retry" },
      {
        issues: [{ field: "body.code", message: "验证码不正确" }],
      },
    );
  }
  const codes = Array.from({ length: 10 }, () => randomCode());
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("account")
      .set({ totp_secret: pending, totp_pending_secret: null, totp_last_step: step, updated_at: toInstant(now) })
      .where("id", "=", auth.account.id)
      .execute();
    await trx.deleteFrom("recovery_code").where("account_id", "=", auth.account.id).execute();
    await trx
      .insertInto("recovery_code")
      .values(codes.map((c) => ({ account_id: auth.account.id, code_hash: sha256Hex(c), used_at: null })))
      .execute();
    // The code just typed proves the second factor for this session too.
    await trx.updateTable("session").set({ totp_verified: 1 }).where("id", "=", auth.session.id).execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "account.totp.enable",
      object: { type: "account", id: auth.account.id },
      result: "success",
    });
  });
  return { codes };
}

/** Turns TOTP off, unless the account's role requires it. */
export async function disableTotp(request: FastifyRequest, auth: RequestAuth, password: string): Promise<void> {
  const app = request.server;
  if (auth.totpRequired) {
    throw new AppError("FORBIDDEN", {
      zh: "您的角色要求必须启用两步验证，不能关闭",
      en: "Your role requires two-step verification; it cannot be turned off",
    });
  }
  if (!auth.account.totp_secret)
    throw new AppError("CONFLICT", { zh: "两步验证未启用", en: "Two-step verification is not on" });
  await confirmPassword(auth, password, "body.password");
  const now = app.clock();
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("account")
      .set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null, updated_at: toInstant(now) })
      .where("id", "=", auth.account.id)
      .execute();
    await trx.deleteFrom("recovery_code").where("account_id", "=", auth.account.id).execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "account.totp.disable",
      object: { type: "account", id: auth.account.id },
      result: "success",
    });
  });
}

/** Replaces the recovery codes; the old ones stop working. */
export async function renewRecoveryCodes(
  request: FastifyRequest,
  auth: RequestAuth,
  password: string,
): Promise<{ codes: string[] }> {
  if (!auth.account.totp_secret)
    throw new AppError("CONFLICT", { zh: "请先启用两步验证", en: "Turn on two-step verification first" });
  await confirmPassword(auth, password, "body.password");
  const app = request.server;
  const codes = Array.from({ length: 10 }, () => randomCode());
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom("recovery_code").where("account_id", "=", auth.account.id).execute();
    await trx
      .insertInto("recovery_code")
      .values(codes.map((c) => ({ account_id: auth.account.id, code_hash: sha256Hex(c), used_at: null })))
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "account.recovery_codes.renew",
      object: { type: "account", id: auth.account.id },
      result: "success",
    });
  });
  return { codes };
}

/** Ends one of the user's own sessions (by its public id); ending the current one signs out. */
export async function endOwnSession(
  request: FastifyRequest,
  auth: RequestAuth,
  publicId: string,
  reason: EndReason,
): Promise<boolean> {
  const app = request.server;
  const now = app.clock();
  const target = await app.db.kysely
    .selectFrom("session")
    .select(["id", "public_id"])
    .where("public_id", "=", publicId)
    .where("account_id", "=", auth.account.id)
    .where("ended_at", "is", null)
    .executeTakeFirst();
  if (!target) return false;
  await app.db.kysely.transaction().execute(async (trx) => {
    await endSession(trx, target.id, reason, now);
    await app.audit.append(trx, {
      ...auditContext(request),
      action: reason === "logout" ? "auth.logout" : "session.end",
      object: { type: "session", id: target.public_id },
      result: "success",
    });
  });
  return true;
}

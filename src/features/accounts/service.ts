/** The system administrator's work on accounts. Each change commits with its audit entry. */
import { type FastifyRequest } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "../../domain/errors.js";
import { auditContext } from "../../platform/access/request-auth.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { endAccountSessions } from "../../platform/auth/sessions.js";
import { oneTimePassword } from "../../platform/auth/tokens.js";
import { toInstant } from "../../platform/db/instants.js";

const ADMIN_UNTOUCHABLE = new AppError("FORBIDDEN", {
  zh: "三员账号不能由系统管理员修改（三员相互制约）",
  en: "Administrator accounts cannot be changed by the system administrator (the three administrators check each other)",
});

/** Creates a business account with a person record in the given unit; returns its id and one-time password. */
export async function createAccount(
  request: FastifyRequest,
  input: { username: string; displayName: string; unitId: string },
): Promise<{ id: string; oneTimePassword: string }> {
  const app = request.server;
  const now = app.clock();
  const at = toInstant(now);
  const username = input.username.toLowerCase();
  const unit = await app.db.kysely.selectFrom("unit").select("id").where("id", "=", input.unitId).executeTakeFirst();
  if (!unit) {
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "所选单位不存在", en: "The unit does not exist" },
      { issues: [{ field: "body.unitId", message: "所选单位不存在" }] },
    );
  }
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const id = uuidv7();
  await app.db.kysely.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("account").select("id").where("username", "=", username).executeTakeFirst();
    if (taken) {
      throw new AppError(
        "CONFLICT",
        { zh: `用户名“${username}”已被使用`, en: `The username "${username}" is taken` },
        {
          issues: [{ field: "body.username", message: "用户名已被使用" }],
        },
      );
    }
    const personId = uuidv7();
    await trx
      .insertInto("person")
      .values({ id: personId, name: input.displayName, unit_id: input.unitId, created_at: at, updated_at: at })
      .execute();
    await trx
      .insertInto("account")
      .values({
        id,
        username,
        display_name: input.displayName,
        person_id: personId,
        admin_role: null,
        status: "active",
        password_hash: passwordHash,
        password_changed_at: null,
        must_change_password: 1,
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
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "account.create",
      object: { type: "account", id },
      result: "success",
      details: { username, unitId: input.unitId, personId },
    });
  });
  return { id, oneTimePassword: password };
}

/** Loads a business account for a change, refusing administrator accounts. */
async function manageable(
  request: FastifyRequest,
  id: string,
): Promise<{ id: string; status: "active" | "disabled"; display_name: string }> {
  const account = await request.server.db.kysely
    .selectFrom("account")
    .select(["id", "status", "display_name", "admin_role"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!account) throw new AppError("NOT_FOUND", { zh: "账号不存在", en: "No such account" });
  if (account.admin_role !== null) throw ADMIN_UNTOUCHABLE;
  return account;
}

/** Disables or enables an account, or renames it. Disabling ends every session of the account. */
export async function updateAccount(
  request: FastifyRequest,
  id: string,
  change: { status?: "active" | "disabled"; displayName?: string },
): Promise<void> {
  const app = request.server;
  const account = await manageable(request, id);
  const now = app.clock();
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("account")
      .set({
        ...(change.status ? { status: change.status } : {}),
        ...(change.displayName ? { display_name: change.displayName } : {}),
        updated_at: toInstant(now),
      })
      .where("id", "=", id)
      .execute();
    const ended = change.status === "disabled" ? await endAccountSessions(trx, id, "account_disabled", now) : 0;
    const action =
      change.status && change.status !== account.status
        ? change.status === "disabled"
          ? "account.disable"
          : "account.enable"
        : "account.update";
    await app.audit.append(trx, {
      ...auditContext(request),
      action,
      object: { type: "account", id },
      result: "success",
      details: {
        before: { status: account.status, displayName: account.display_name },
        after: change,
        sessionsEnded: ended,
      },
    });
  });
}

/** Sets a new one-time password, ends the account's sessions, and returns the password to hand over. */
export async function resetPassword(request: FastifyRequest, id: string): Promise<string> {
  const app = request.server;
  await manageable(request, id);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const now = app.clock();
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("account")
      .set({
        password_hash: passwordHash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        updated_at: toInstant(now),
      })
      .where("id", "=", id)
      .execute();
    const ended = await endAccountSessions(trx, id, "password_changed", now);
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "account.password.reset",
      object: { type: "account", id },
      result: "success",
      details: { sessionsEnded: ended },
    });
  });
  return password;
}

/** Lifts a lockout before it expires. */
export async function unlockAccount(request: FastifyRequest, id: string): Promise<void> {
  const app = request.server;
  await manageable(request, id);
  const now = app.clock();
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("account")
      .set({ failed_logins: 0, locked_until: null, updated_at: toInstant(now) })
      .where("id", "=", id)
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "account.unlock",
      object: { type: "account", id },
      result: "success",
    });
  });
}

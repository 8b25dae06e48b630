/**
 * Server-side sessions in the database, so any process can serve any request. The cookie holds a 256-bit random
 * token; the table holds its SHA-256. A session ends on logout, idle timeout, absolute timeout, password change or
 * account disable, and an ended session never comes back.
 */
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type Config } from "../config/config.js";
import { toInstant } from "../db/instants.js";
import { preparedQuery } from "../db/prepared.js";
import { type AccountTable, type Database, type SessionTable } from "../db/schema.js";
import { randomToken, sha256Hex } from "./tokens.js";

export type EndReason =
  "logout" | "idle" | "expired" | "password_changed" | "account_disabled" | "ended_by_user" | "replaced" | "locked";

/** Writes to last_seen_at at most this often: the idle timeout is in minutes, so a minute of slack costs nothing. */
const TOUCH_INTERVAL_MS = 60_000;

export interface LiveSession {
  session: SessionTable;
  account: AccountTable;
}

/** The session row joined with its account: read on every authenticated request, so compiled once. */
const sessionWithAccount = preparedQuery((db, id: string) =>
  db
    .selectFrom("session")
    .innerJoin("account", "account.id", "session.account_id")
    .selectAll("session")
    .select([
      "account.username",
      "account.display_name",
      "account.person_id",
      "account.admin_role",
      "account.status",
      "account.password_hash",
      "account.password_changed_at",
      "account.must_change_password",
      "account.failed_logins",
      "account.locked_until",
      "account.totp_secret",
      "account.totp_pending_secret",
      "account.totp_last_step",
      "account.last_login_at",
      "account.created_at as account_created_at",
      "account.updated_at as account_updated_at",
    ])
    .where("session.id", "=", id),
);

/** Starts a session and returns its token (only ever in the cookie) and row. */
export async function createSession(
  db: Kysely<Database>,
  options: {
    accountId: string;
    totpVerified: boolean;
    sourceIp: string | null;
    userAgent: string | null;
    now: Date;
    config: Config;
  },
): Promise<{ token: string; session: SessionTable }> {
  const token = randomToken();
  const at = toInstant(options.now);
  const session: SessionTable = {
    id: sha256Hex(token),
    public_id: uuidv7(),
    account_id: options.accountId,
    csrf_token: randomToken(),
    totp_verified: options.totpVerified ? 1 : 0,
    created_at: at,
    last_seen_at: at,
    expires_at: toInstant(new Date(options.now.getTime() + options.config.session.absoluteHours * 3_600_000)),
    ended_at: null,
    end_reason: null,
    source_ip: options.sourceIp,
    user_agent: options.userAgent?.slice(0, 300) ?? null,
  };
  await db.insertInto("session").values(session).execute();
  return { token, session };
}

/** When an idle session times out. */
export function idleExpiry(session: SessionTable, config: Config): Date {
  return new Date(Date.parse(session.last_seen_at) + config.session.idleMinutes * 60_000);
}

/**
 * The live session and account for a token, or why there is none. Ends a session found idle or past its absolute
 * limit, so that it stays dead even if the clock were turned back.
 */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  config: Config,
): Promise<LiveSession | { ended: EndReason | "unknown" }> {
  const [row] = await sessionWithAccount(db, sha256Hex(token));
  if (!row) return { ended: "unknown" };
  const {
    username,
    display_name,
    person_id,
    admin_role,
    status,
    password_hash,
    password_changed_at,
    must_change_password,
    failed_logins,
    locked_until,
    totp_secret,
    totp_pending_secret,
    totp_last_step,
    last_login_at,
    account_created_at,
    account_updated_at,
    ...session
  } = row;
  if (session.ended_at) return { ended: (session.end_reason as EndReason | null) ?? "unknown" };
  const reason = sessionLimit(session, now, config);
  if (reason) {
    await endSession(db, session.id, reason, now);
    return { ended: reason };
  }
  session.last_seen_at = (await touchSession(db, session, now)).last_seen_at;
  return {
    session,
    account: {
      id: session.account_id,
      username,
      display_name,
      person_id,
      admin_role,
      status,
      password_hash,
      password_changed_at,
      must_change_password,
      failed_logins,
      locked_until,
      totp_secret,
      totp_pending_secret,
      totp_last_step,
      last_login_at,
      created_at: account_created_at,
      updated_at: account_updated_at,
    },
  };
}

/** Which limit a live session has reached at `now`, if any: its absolute lifetime, or its idle timeout. */
export function sessionLimit(session: SessionTable, now: Date, config: Config): "expired" | "idle" | null {
  if (now.getTime() >= Date.parse(session.expires_at)) return "expired";
  if (now.getTime() >= idleExpiry(session, config).getTime()) return "idle";
  return null;
}

/** Records that the session was used, when the last record is a minute old; the session as it now stands. */
export async function touchSession(db: Kysely<Database>, session: SessionTable, now: Date): Promise<SessionTable> {
  if (now.getTime() - Date.parse(session.last_seen_at) < TOUCH_INTERVAL_MS) return session;
  const lastSeenAt = toInstant(now);
  await db.updateTable("session").set({ last_seen_at: lastSeenAt }).where("id", "=", session.id).execute();
  return { ...session, last_seen_at: lastSeenAt };
}

/** Ends one session. */
export async function endSession(db: Kysely<Database>, id: string, reason: EndReason, now: Date): Promise<void> {
  await db
    .updateTable("session")
    .set({ ended_at: toInstant(now), end_reason: reason })
    .where("id", "=", id)
    .where("ended_at", "is", null)
    .execute();
}

/** Ends every live session of an account, except one when given; returns how many ended. */
export async function endAccountSessions(
  db: Kysely<Database>,
  accountId: string,
  reason: EndReason,
  now: Date,
  exceptId?: string,
): Promise<number> {
  let query = db
    .updateTable("session")
    .set({ ended_at: toInstant(now), end_reason: reason })
    .where("account_id", "=", accountId)
    .where("ended_at", "is", null);
  if (exceptId) query = query.where("id", "!=", exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

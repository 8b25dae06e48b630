/**
 * First start: the institution's root unit and the three administrators (三员), each with a one-time password that
 * is printed once and must be changed (and a second factor enrolled) at first sign-in. There are no default
 * accounts: on a database that already has accounts this refuses.
 */
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type AdminRole } from "../../domain/roles.js";
import { type AuditLog } from "../../platform/audit/audit-log.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { oneTimePassword } from "../../platform/auth/tokens.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";

export const INITIAL_ADMINISTRATORS = [
  { key: "sysadmin", username: "sysadmin", role: "SYS_ADMIN", displayName: "系统管理员" },
  { key: "secadmin", username: "secadmin", role: "SECURITY_ADMIN", displayName: "安全保密管理员" },
  { key: "auditor", username: "auditor", role: "AUDITOR", displayName: "安全审计员" },
] as const satisfies readonly { key: string; username: string; role: AdminRole; displayName: string }[];

export type InitialCredentials = Record<
  (typeof INITIAL_ADMINISTRATORS)[number]["key"],
  { username: string; password: string }
>;

/** Whether the database has no account yet. */
export async function needsInitialization(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("account").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/** Creates the root unit and the three administrators; null when accounts already exist. */
export async function initializeInstitution(
  db: Kysely<Database>,
  audit: AuditLog,
  options: { institutionName: string; now: Date },
): Promise<InitialCredentials | null> {
  const passwords = INITIAL_ADMINISTRATORS.map(() => oneTimePassword());
  // One at a time: each argon2id hash takes 19 MiB, and three at once would leave the idle server ~40 MB larger.
  const hashes: string[] = [];
  for (const password of passwords) hashes.push(await hashPassword(password));
  const at = toInstant(options.now);
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom("account").select("id").limit(1).executeTakeFirst()) return null;
    const rootId = uuidv7();
    await trx
      .insertInto("unit")
      .values({
        id: rootId,
        parent_id: null,
        path: `/${rootId}/`,
        name: options.institutionName,
        kind: "institution",
        sort_order: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const credentials: Partial<InitialCredentials> = {};
    for (const [index, admin] of INITIAL_ADMINISTRATORS.entries()) {
      const id = uuidv7();
      await trx
        .insertInto("account")
        .values({
          id,
          username: admin.username,
          display_name: admin.displayName,
          person_id: null,
          admin_role: admin.role,
          status: "active",
          password_hash: hashes[index] ?? "",
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
      credentials[admin.key] = { username: admin.username, password: passwords[index] ?? "" };
      await audit.append(trx, {
        actor: { accountId: null, username: "system", role: null, unitId: null },
        action: "system.init",
        object: { type: "account", id },
        result: "success",
        sourceIp: null,
        requestId: null,
        details: { username: admin.username, adminRole: admin.role, institution: options.institutionName },
      });
    }
    return credentials as InitialCredentials;
  });
}

/** The credentials as the operator reads them on the console. */
export function describeCredentials(credentials: InitialCredentials): string {
  const lines = INITIAL_ADMINISTRATORS.map((admin) => {
    const c = credentials[admin.key];
    return `  ${admin.displayName.padEnd(8, "　")} ${c.username.padEnd(10)} ${c.password}`;
  });
  return [
    "已创建三员账号（一次性密码，仅显示这一次；首次登录须修改密码并启用两步验证）：",
    "Created the three administrator accounts (one-time passwords, shown only now; change them and enrol TOTP at first sign-in):",
    ...lines,
    "",
  ].join("\n");
}

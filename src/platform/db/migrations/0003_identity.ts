import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
// Units and people here are the minimum that accounts, grants and clearances need; the organization capability
// adds positions, portfolios and the rest in its own migration.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("unit")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("parent_id", "text", (c) => c.references("unit.id"))
    .addColumn("path", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('authority', 'institution', 'unit')`))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("unit_parent").on("unit").column("parent_id").execute();

  await db.schema
    .createTable("person")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit_id", "text", (c) => c.references("unit.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("person_unit").on("person").column("unit_id").execute();

  await db.schema
    .createTable("account")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("username", "text", (c) =>
      c
        .notNull()
        .unique()
        .check(sql`username = lower(username)`),
    )
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("person_id", "text", (c) => c.references("person.id").unique())
    // One column for the three administrators: an account can never hold two of them.
    .addColumn("admin_role", "text", (c) => c.check(sql`admin_role in ('SYS_ADMIN', 'SECURITY_ADMIN', 'AUDITOR')`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active', 'disabled')`))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("password_changed_at", "text")
    .addColumn("must_change_password", "integer", (c) => c.notNull())
    .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("totp_secret", "text")
    .addColumn("totp_pending_secret", "text")
    .addColumn("totp_last_step", "integer")
    .addColumn("last_login_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("recovery_code")
    .addColumn("account_id", "text", (c) => c.notNull().references("account.id"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addPrimaryKeyConstraint("recovery_code_pk", ["account_id", "code_hash"])
    .execute();

  await db.schema
    .createTable("session")
    // The SHA-256 of the token: a stolen database copy holds no usable session.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("public_id", "text", (c) => c.notNull().unique())
    .addColumn("account_id", "text", (c) => c.notNull().references("account.id"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("totp_verified", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .addColumn("end_reason", "text")
    .addColumn("source_ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("session_account").on("session").columns(["account_id", "ended_at"]).execute();

  await db.schema
    .createTable("role_grant")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("account.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("granted_by", "text", (c) => c.notNull().references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "text", (c) => c.references("account.id"))
    .addCheckConstraint("role_grant_dates", sql`ends_on is null or ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex("role_grant_account").on("role_grant").columns(["account_id", "revoked_at"]).execute();

  await db.schema
    .createTable("clearance")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("tier", "text", (c) => c.notNull().check(sql`tier in ('CORE', 'IMPORTANT', 'GENERAL')`))
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("granted_by", "text", (c) => c.notNull().references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("clearance_dates", sql`ends_on is null or ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex("clearance_person").on("clearance").column("person_id").execute();

  await db.schema
    .createTable("rate_limit")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .execute();

  await separateAdministrators(db);
}

/** 三员分立 in the database itself: an administrator account can hold no business grant, and the reverse. */
async function separateAdministrators(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      create function baomi_grant_not_admin() returns trigger language plpgsql as $$
      begin
        if (select admin_role from account where id = new.account_id) is not null then
          raise exception 'ADMIN_ACCOUNT_CANNOT_HOLD_BUSINESS_ROLE';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger role_grant_not_admin before insert or update on role_grant
      for each row execute function baomi_grant_not_admin()`.execute(db);
    await sql`
      create function baomi_admin_without_grants() returns trigger language plpgsql as $$
      begin
        if new.admin_role is not null and exists (select 1 from role_grant where account_id = new.id) then
          raise exception 'ADMIN_ACCOUNT_CANNOT_HOLD_BUSINESS_ROLE';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger account_admin_without_grants before update of admin_role on account
      for each row execute function baomi_admin_without_grants()`.execute(db);
    return;
  }
  await sql`create trigger role_grant_not_admin before insert on role_grant
    when (select admin_role from account where id = new.account_id) is not null
    begin select raise(abort, 'ADMIN_ACCOUNT_CANNOT_HOLD_BUSINESS_ROLE'); end`.execute(db);
  await sql`create trigger role_grant_not_admin_update before update of account_id on role_grant
    when (select admin_role from account where id = new.account_id) is not null
    begin select raise(abort, 'ADMIN_ACCOUNT_CANNOT_HOLD_BUSINESS_ROLE'); end`.execute(db);
  await sql`create trigger account_admin_without_grants before update of admin_role on account
    when new.admin_role is not null and exists (select 1 from role_grant where account_id = new.id)
    begin select raise(abort, 'ADMIN_ACCOUNT_CANNOT_HOLD_BUSINESS_ROLE'); end`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error("forward-only"));
}

import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed. Obligations (DESIGN.md §4): duties × periods × bearers, materialized ahead of time, unique per
// (duty, bearer, period). The row keeps what it was generated from (policy version, period dates, bearer) so that a
// later policy or organization change regenerates only untouched future rows and never rewrites history; a
// fulfilled row freezes who was responsible then. The inbox, the delivery outbox and the job ledger live here too:
// they exist for obligations.

export async function up(db: Kysely<any>): Promise<void> {
  const blob = isPostgres(db) ? sql`bytea` : sql`blob`;

  // The institution's academic calendar: each semester with its dates, editable by the secrecy office.
  await db.schema
    .createTable("academic_term")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("academic_year", "integer", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull().check(sql`ordinal in (1, 2)`))
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("account.id"))
    .addCheckConstraint("academic_term_dates", sql`ends_on > starts_on`)
    .addUniqueConstraint("academic_term_unique", ["institution_id", "academic_year", "ordinal"])
    .execute();

  // An occurrence of an event some duties answer (a leak discovered, a meeting called): raises event obligations.
  await db.schema
    .createTable("obligation_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("raised_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("obligation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("duty_id", "text", (c) => c.notNull())
    .addColumn("article", "text", (c) => c.notNull())
    .addColumn("policy_version", "text", (c) => c.notNull())
    // The bearer: a role (or the committee / the office), the unit it answers for, and the person when one bears it.
    .addColumn("bearer_role", "text", (c) => c.notNull())
    .addColumn("bearer_key", "text", (c) => c.notNull())
    .addColumn("bearer_unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("bearer_person_id", "text", (c) => c.references("person.id"))
    .addColumn("bearer_name", "text", (c) => c.notNull())
    .addColumn("period_id", "text", (c) => c.notNull())
    .addColumn("period_kind", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    // Null for an event duty "when needed" without a deadline; due_at carries an hour deadline (24 hours).
    .addColumn("due_on", "text")
    .addColumn("due_at", "text")
    .addColumn("event_id", "text", (c) => c.references("obligation_event.id"))
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('open', 'fulfilled', 'waived')`))
    .addColumn("escalation_level", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text", (c) => c.references("account.id"))
    // How it was discharged: a record of the duty's kind (its id), or approved evidence; or the waiver's reason.
    .addColumn("record_kind", "text")
    .addColumn("record_id", "text")
    .addColumn("waive_reason", "text")
    // Who was responsible when it was fulfilled or waived (JSON of holders), frozen for Art. 15 accountability.
    .addColumn("responsible", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("obligation_unique", ["duty_id", "bearer_key", "period_id"])
    .addCheckConstraint(
      "obligation_closed_complete",
      sql`state = 'open' or (closed_at is not null and responsible is not null)`,
    )
    .addCheckConstraint("obligation_waiver_reason", sql`state <> 'waived' or waive_reason is not null`)
    .execute();
  await db.schema
    .createIndex("obligation_institution_year")
    .on("obligation")
    .columns(["institution_id", "year", "state"])
    .execute();
  await db.schema.createIndex("obligation_unit").on("obligation").columns(["bearer_unit_id", "year"]).execute();
  // The dashboard counts a year by unit, by article and by leader, and every year for the trend: these cover those
  // GROUP BYs (state and due date decide the status; the bearer unit, visibility), so they never touch the table.
  await db.schema
    .createIndex("obligation_year_unit")
    .on("obligation")
    .columns(["year", "bearer_unit_id", "state", "due_on", "due_at"])
    .execute();
  await db.schema
    .createIndex("obligation_year_article")
    .on("obligation")
    .columns(["year", "article", "state", "due_on", "due_at", "bearer_unit_id"])
    .execute();
  await db.schema.createIndex("obligation_year_role").on("obligation").columns(["year", "bearer_role"]).execute();
  await db.schema.createIndex("obligation_person").on("obligation").columns(["bearer_person_id", "year"]).execute();
  await db.schema.createIndex("obligation_due").on("obligation").columns(["state", "due_on"]).execute();
  // A year's overdue items, soonest first, without walking every year's open rows.
  await db.schema
    .createIndex("obligation_year_due")
    .on("obligation")
    .columns(["year", "state", "due_on", "due_at"])
    .execute();

  // Evidence uploaded for a duty no record kind discharges yet; the bearer's superior (or the policy's approver) decides.
  await db.schema
    .createTable("obligation_evidence")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("obligation_id", "text", (c) => c.notNull().references("obligation.id"))
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("document_no", "text")
    .addColumn("file_name", "text")
    .addColumn("file_type", "text")
    .addColumn("file_size", "integer")
    .addColumn("file_sha256", "text")
    .addColumn("submitted_by", "text", (c) => c.notNull().references("account.id"))
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull().check(sql`decision in ('pending', 'approved', 'rejected')`))
    .addColumn("decided_by", "text", (c) => c.references("account.id"))
    .addColumn("decided_at", "text")
    .addColumn("decision_note", "text")
    .execute();
  await db.schema
    .createIndex("obligation_evidence_obligation")
    .on("obligation_evidence")
    .columns(["obligation_id"])
    .execute();
  await db.schema
    .createTable("evidence_file")
    .addColumn("evidence_id", "text", (c) => c.primaryKey().references("obligation_evidence.id"))
    .addColumn("content", blob, (c) => c.notNull())
    .execute();

  // The in-app inbox (待办). `dedupe_key` makes every reminder and escalation notice exist once and only once.
  await db.schema
    .createTable("notification")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("account.id"))
    .addColumn("obligation_id", "text", (c) => c.references("obligation.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    // 0 for a reminder, 1 for the responsible people's overdue notice, 2… for each chain level escalated to.
    .addColumn("level", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notification_inbox")
    .on("notification")
    .columns(["account_id", "read_at", "id"])
    .execute();

  // E-mail and webhook deliveries waiting to go out, retried by the daily job until sent or given up.
  await db.schema
    .createTable("delivery")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("notification_id", "text", (c) => c.references("notification.id"))
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('email', 'webhook')`))
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("delivery_pending").on("delivery").columns(["status", "id"]).execute();

  // One row per job and day it ran: the ledger that lets a missed day catch up and keeps a day from running twice.
  await db.schema
    .createTable("job_run")
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("run_on", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("summary", "text")
    .addPrimaryKeyConstraint("job_run_pk", ["job", "run_on"])
    .execute();

  // Where e-mail reminders go: a person's work address (optional).
  await db.schema.alterTable("person").addColumn("email", "text").execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error("forward-only"));
}

/**
 * The audit tables as Kysely sees them (created by migrations 0002_audit and 0009_audit_lookup). Update types are
 * `never`: the log is append-only, so the compiler refuses an update before the database trigger has to.
 */
import { type ColumnType } from "kysely";
import { type Instant } from "../db/instants.js";

/** A sequence number: assigned by the writer, read back as a string from PostgreSQL's bigint. */
type Seq = ColumnType<number | string, number, never>;
type Fixed<T> = ColumnType<T, T, never>;

/** One audit entry, hash-chained to the one before it. */
export interface AuditEntryTable {
  seq: Seq;
  id: Fixed<string>;
  at: Fixed<Instant>;
  actor_account_id: Fixed<string | null>;
  actor_username: Fixed<string | null>;
  actor_role: Fixed<string | null>;
  unit_id: Fixed<string | null>;
  action: Fixed<string>;
  object_type: Fixed<string | null>;
  object_id: Fixed<string | null>;
  result: Fixed<AuditResult>;
  source_ip: Fixed<string | null>;
  request_id: Fixed<string | null>;
  /** Canonical JSON text of the event's details; hashed as this exact text. */
  details: Fixed<string>;
  prev_hash: Fixed<string>;
  hash: Fixed<string>;
}

/** A signed statement that the entry at `seq` had `hash` at `at`. */
export interface AuditCheckpointTable {
  seq: Seq;
  hash: Fixed<string>;
  at: Fixed<Instant>;
  /** Ed25519 signature, base64. */
  signature: Fixed<string>;
  /** SHA-256 fingerprint (hex) of the signing key's public key (DER, SPKI). */
  key_id: Fixed<string>;
}

/**
 * The columns of an entry the auditor filters on, copied behind the chain by the indexer (lookup.ts) and carrying the
 * filter indexes, so that an audited write pays for none of them. Rows are never read on their own: the viewer joins
 * them to `audit_entry` on seq.
 */
export interface AuditLookupTable {
  seq: Seq;
  at: Fixed<Instant>;
  actor_username: Fixed<string | null>;
  action: Fixed<string>;
  object_type: Fixed<string | null>;
  object_id: Fixed<string | null>;
  result: Fixed<AuditResult>;
}

/** How an audited action ended. */
export type AuditResult = "success" | "failure" | "denied";

/** Every audit result, for validation. */
export const AUDIT_RESULTS: readonly AuditResult[] = ["success", "failure", "denied"];

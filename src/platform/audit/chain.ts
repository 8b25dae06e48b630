/**
 * The hash chain, pure. An entry's hash is the SHA-256 (lowercase hex) of the UTF-8 bytes of the canonical JSON
 * (canonical-json.ts) of every column of the entry except `hash` itself — `prev_hash` included, which is what links
 * it to the entry before. The first entry's `prev_hash` is 64 zeros.
 */
import { hash as digest } from "node:crypto";
import { type Instant } from "../db/instants.js";
import { type AuditResult } from "./tables.js";

/** The `prev_hash` of entry 1. */
export const GENESIS_HASH = "0".repeat(64);

/** The columns of an entry that its hash covers (all of them but `hash`). */
export interface ChainedFields {
  seq: number;
  id: string;
  at: Instant;
  actor_account_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  unit_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: AuditResult;
  source_ip: string | null;
  request_id: string | null;
  details: string;
  prev_hash: string;
}

/** An entry as a row of `audit_entry` in column order (entry-source.ts, ENTRY_COLUMNS), hash last. */
export type EntryTuple = [
  seq: number | string,
  id: string,
  at: string,
  actor_account_id: string | null,
  actor_username: string | null,
  actor_role: string | null,
  unit_id: string | null,
  action: string,
  object_type: string | null,
  object_id: string | null,
  result: string,
  source_ip: string | null,
  request_id: string | null,
  details: string,
  prev_hash: string,
  hash: string,
];

/** The exact text that is hashed for an entry: the canonical JSON of its chained fields. */
export function hashedText(f: ChainedFields): string {
  return tupleText(
    [
      f.seq,
      f.id,
      f.at,
      f.actor_account_id,
      f.actor_username,
      f.actor_role,
      f.unit_id,
      f.action,
      f.object_type,
      f.object_id,
      f.result,
      f.source_ip,
      f.request_id,
      f.details,
      f.prev_hash,
      "",
    ],
    f.seq,
  );
}

/**
 * `canonicalJson` of the tuple's chained fields (with `seq` as given, a number), written out by hand in canonical key
 * order because the verifier runs it a million times; a property test holds it equal to `canonicalJson`.
 */
export function tupleText(t: EntryTuple, seq: number): string {
  if (!Number.isSafeInteger(seq)) throw new TypeError("seq must be a safe integer");
  // One scan over all the short fields at once instead of one per field: almost every entry needs no escaping at all.
  const q = PLAIN.test(
    `${t[1]}${t[2]}${t[3] ?? ""}${t[4] ?? ""}${t[5] ?? ""}${t[6] ?? ""}${t[7]}${t[8] ?? ""}${t[9] ?? ""}` +
      `${t[10]}${t[11] ?? ""}${t[12] ?? ""}${t[14]}`,
  )
    ? quote
    : JSON.stringify;
  const n = (value: string | null): string => (value === null ? "null" : q(value));
  return (
    `{"action":${q(t[7])},"actor_account_id":${n(t[3])},"actor_role":${n(t[5])},` +
    `"actor_username":${n(t[4])},"at":${q(t[2])},"details":${JSON.stringify(t[13])},"id":${q(t[1])},` +
    `"object_id":${n(t[9])},"object_type":${n(t[8])},"prev_hash":${q(t[14])},` +
    `"request_id":${n(t[12])},"result":${q(t[10])},"seq":${seq},"source_ip":${n(t[11])},` +
    `"unit_id":${n(t[6])}}`
  );
}

/** The hash of an entry whose fields (including `prev_hash`) are given. */
export function entryHash(fields: ChainedFields): string {
  return digest("sha256", hashedText(fields), "hex");
}

/** The hash of an entry read as a tuple; `seq` is its seq as a number. */
export function tupleHash(t: EntryTuple, seq: number): string {
  // The one-shot hash (Node ≥ 20.12) skips the Hash object: a third of the verifier's hashing time.
  return digest("sha256", tupleText(t, seq), "hex");
}

/** Characters JSON.stringify leaves alone: for such a string its JSON form is the string in quotes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found here
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function quote(value: string): string {
  return `"${value}"`;
}

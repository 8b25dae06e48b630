/**
 * Signed checkpoints: every `checkpointEvery` entries (written by the appender in the entry's own transaction) and, by
 * a timer, whenever an entry has waited `checkpointMinutes` without one. A checkpoint signs (seq, hash, at, key_id);
 * since an entry's hash covers every entry before it, one signature vouches for the whole chain up to seq.
 */
import { sign, verify, type KeyObject } from "node:crypto";
import { type Transaction } from "kysely";
import { type Db } from "../db/database.js";
import { fromInstant, toInstant, type Instant } from "../db/instants.js";
import { type Database } from "../db/schema.js";
import { canonicalJson } from "./canonical-json.js";
import { lockChain } from "./chain-lock.js";
import { type SigningKey } from "./keys.js";
import { toSeq } from "./seq.js";

/** A checkpoint as stored and exported. */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: Instant;
  signature: string;
  key_id: string;
}

/** Domain separation: a checkpoint signature can never be replayed as a signature over anything else. */
const CHECKPOINT_CONTEXT = "baomi-audit-checkpoint-v1\n";

/** The exact bytes a checkpoint signs: the context line, then the canonical JSON of {at, hash, key_id, seq}. */
export function checkpointMessage(cp: Omit<Checkpoint, "signature">): Buffer {
  return Buffer.from(CHECKPOINT_CONTEXT + canonicalJson({ at: cp.at, hash: cp.hash, key_id: cp.key_id, seq: cp.seq }));
}

/** A signed checkpoint for the entry at `seq` whose hash is `hash`. */
export function signCheckpoint(key: SigningKey, seq: number, hash: string, at: Instant): Checkpoint {
  const unsigned = { seq, hash, at, key_id: key.keyId };
  const signature = sign(null, checkpointMessage(unsigned), key.privateKey).toString("base64");
  return { ...unsigned, signature };
}

/** Whether the checkpoint's signature is valid under `publicKey`. */
export function checkpointSignatureValid(cp: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, checkpointMessage(cp), publicKey, Buffer.from(cp.signature, "base64"));
  } catch {
    return false;
  }
}

/** Inserts a checkpoint in `trx` (which must hold the chain lock). */
export async function insertCheckpoint(trx: Transaction<Database>, checkpoint: Checkpoint): Promise<void> {
  await trx.insertInto("audit_checkpoint").values(checkpoint).execute();
}

export interface CheckpointIfDueOptions {
  db: Db;
  key: () => SigningKey;
  now: Date;
  minutes: number;
}

/**
 * Writes a checkpoint at the last entry when the oldest entry not yet covered by one is at least `minutes` old.
 * Returns the checkpoint written, or null when none was due. Safe to run from several processes at once.
 */
export async function checkpointIfDue(options: CheckpointIfDueOptions): Promise<Checkpoint | null> {
  const { db, now, minutes } = options;
  return db.kysely.transaction().execute(async (trx) => {
    await lockChain(trx, db.dialect);
    const last = await trx
      .selectFrom("audit_entry")
      .select(["seq", "hash"])
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!last) return null;
    const lastCheckpoint = await trx
      .selectFrom("audit_checkpoint")
      .select("seq")
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    const lastSeq = toSeq(last.seq);
    const coveredTo = lastCheckpoint ? toSeq(lastCheckpoint.seq) : 0;
    if (lastSeq <= coveredTo) return null;
    const oldestUncovered = await trx
      .selectFrom("audit_entry")
      .select("at")
      .where("seq", "=", coveredTo + 1)
      .executeTakeFirst();
    // Timed from the oldest unsigned entry: no entry stays without a signature longer than `minutes` (plus one tick).
    const waitingSince = oldestUncovered ? fromInstant(oldestUncovered.at).getTime() : 0;
    if (now.getTime() - waitingSince < minutes * 60_000) return null;
    const checkpoint = signCheckpoint(options.key(), lastSeq, last.hash, toInstant(now));
    await insertCheckpoint(trx, checkpoint);
    return checkpoint;
  });
}

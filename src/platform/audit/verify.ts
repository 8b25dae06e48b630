/**
 * Verifies the audit log end to end: seq continuity from 1, every prev_hash link, every hash recomputed, every
 * checkpoint's signature and its agreement with the entry it signs, no checkpoint past the last entry, and optionally
 * the anchors (checkpoints, last entry) of earlier off-host exports. Names the first broken entry. Reports, without
 * failing, where the auditor's filter lookup disagrees with an intact chain.
 */
import { type KeyObject } from "node:crypto";
import { type Localized } from "../../domain/errors.js";
import { type Db } from "../db/database.js";
import { GENESIS_HASH, tupleHash } from "./chain.js";
import { checkpointSignatureValid, type Checkpoint } from "./checkpoints.js";
import { entryBatches } from "./entry-source.js";
import { keyFingerprint } from "./keys.js";
import { lookupDisagreement, type LookupDisagreement } from "./lookup-check.js";
import { toSeq } from "./seq.js";

/** What `verifyAudit` found. */
export type VerifyResult =
  | {
      ok: true;
      count: number;
      checkpoints: number;
      lastSeq: number;
      /** Present only when the filter lookup disagrees with the chain: the viewer's filters may miss entries. */
      lookup?: LookupDisagreement;
    }
  | { ok: false; seq: number; reason: Localized };

/** What an earlier export vouches for: its checkpoints and the last entry it held. */
export interface ExportAnchors {
  /** Where the anchors came from, named in messages. */
  source: string;
  checkpoints: Checkpoint[];
  last: { seq: number; hash: string } | null;
}

export interface VerifyOptions {
  db: Db;
  /** Keys checkpoints may be signed with, matched by key_id; a checkpoint by any other key is a break. */
  publicKeys: KeyObject[];
  /** Anchors from earlier exports kept off-host, to catch a database replaced wholesale or cut short. */
  against?: ExportAnchors[];
  /** Entries read per query (keyset pagination by seq); small batches keep the garbage collector's young space warm. */
  batchSize?: number;
}

interface Expectation {
  seq: number;
  hash: string;
  source: string;
}

class Broken extends Error {
  constructor(
    readonly seq: number,
    readonly reason: Localized,
  ) {
    super(reason.en);
  }
}

/** Verifies the whole audit log; the result names the first broken entry, or counts what was verified. */
export async function verifyAudit(options: VerifyOptions): Promise<VerifyResult> {
  try {
    return await run(options);
  } catch (error) {
    if (error instanceof Broken) return { ok: false, seq: error.seq, reason: error.reason };
    throw error;
  }
}

async function run(options: VerifyOptions): Promise<VerifyResult> {
  const { db } = options;
  const batchSize = options.batchSize ?? 2000;
  const keys = new Map(options.publicKeys.map((key) => [keyFingerprint(key), key]));
  // Checkpoints are read before the entries: each was committed with (or after) the entry it signs, so every one of
  // them must find its entry below, even while writers keep appending during the walk.
  const checkpoints = (await db.kysely.selectFrom("audit_checkpoint").selectAll().orderBy("seq").execute()).map(
    (row): Checkpoint => ({ ...row, seq: toSeq(row.seq) }),
  );
  const expectations = anchorsOf(options.against ?? []);

  let expected = 1;
  let prevHash = GENESIS_HASH;
  let lastCheckpointSeq = 0;
  let cpIndex = 0;
  let exIndex = 0;
  for await (const rows of entryBatches(db, 0, batchSize)) {
    for (const row of rows) {
      const seq = toSeq(row[0]);
      const hash = row[15];
      if (seq !== expected) {
        throw new Broken(expected, {
          zh: `第 ${expected} 条记录缺失（下一条是第 ${seq} 条）`,
          en: `entry ${expected} is missing (the next one is ${seq})`,
        });
      }
      if (row[14] !== prevHash) {
        throw new Broken(seq, {
          zh: `第 ${seq} 条记录的前序哈希与第 ${seq - 1} 条记录的哈希不符（记录被删除、插入或调换）`,
          en: `entry ${seq}'s prev_hash does not match the hash of entry ${seq - 1} (entries removed, inserted or swapped)`,
        });
      }
      if (tupleHash(row, seq) !== hash) {
        throw new Broken(seq, {
          zh: `第 ${seq} 条记录的内容与其哈希不符（记录被修改）`,
          en: `entry ${seq}'s content does not match its hash (the entry was altered)`,
        });
      }
      const stray = checkpoints[cpIndex];
      if (stray && stray.seq < seq) {
        throw new Broken(stray.seq, {
          zh: `检查点指向不存在的第 ${stray.seq} 条记录`,
          en: `a checkpoint refers to entry ${stray.seq}, which cannot exist`,
        });
      }
      for (; cpIndex < checkpoints.length && checkpoints[cpIndex]!.seq === seq; cpIndex++) {
        checkCheckpoint(checkpoints[cpIndex]!, hash, keys, lastCheckpointSeq);
        lastCheckpointSeq = seq;
      }
      for (; exIndex < expectations.length && expectations[exIndex]!.seq === seq; exIndex++) {
        const anchor = expectations[exIndex]!;
        if (anchor.hash !== hash) {
          throw new Broken(seq, {
            zh: `第 ${seq} 条记录的哈希与导出文件 ${anchor.source} 中的不符（数据库被替换或改写）`,
            en: `entry ${seq}'s hash differs from the export ${anchor.source} (the database was replaced or rewritten)`,
          });
        }
      }
      prevHash = hash;
      expected = seq + 1;
    }
  }

  const lastSeq = expected - 1;
  const signedBeyond = checkpoints.at(-1)?.seq ?? 0;
  if (signedBeyond > lastSeq) {
    throw new Broken(lastSeq + 1, {
      zh: `日志止于第 ${lastSeq} 条，但签名检查点证明曾有第 ${signedBeyond} 条：第 ${lastSeq + 1}–${signedBeyond} 条记录被截断`,
      en: `the log ends at entry ${lastSeq}, but a signed checkpoint proves entry ${signedBeyond} existed: entries ${lastSeq + 1}–${signedBeyond} were cut off`,
    });
  }
  const exported = expectations.at(-1);
  if (exported && exported.seq > lastSeq) {
    throw new Broken(lastSeq + 1, {
      zh: `日志止于第 ${lastSeq} 条，但导出文件 ${exported.source} 含有第 ${exported.seq} 条：第 ${lastSeq + 1}–${exported.seq} 条记录被截断`,
      en: `the log ends at entry ${lastSeq}, but the export ${exported.source} holds entry ${exported.seq}: entries ${lastSeq + 1}–${exported.seq} were cut off`,
    });
  }
  // The lookup is compared only with a chain known to be whole: a broken chain is the finding that matters.
  const lookup = await lookupDisagreement(db);
  return { ok: true, count: lastSeq, checkpoints: checkpoints.length, lastSeq, ...(lookup ? { lookup } : {}) };
}

function checkCheckpoint(cp: Checkpoint, entryHashAtSeq: string, keys: Map<string, KeyObject>, previous: number): void {
  const key = keys.get(cp.key_id);
  if (!key) {
    throw new Broken(cp.seq, {
      zh: `第 ${cp.seq} 条记录处的检查点由未知密钥签名（key_id ${cp.key_id.slice(0, 16)}…）`,
      en: `the checkpoint at entry ${cp.seq} is signed by an unknown key (key_id ${cp.key_id.slice(0, 16)}…)`,
    });
  }
  if (!checkpointSignatureValid(cp, key)) {
    throw new Broken(cp.seq, {
      zh: `第 ${cp.seq} 条记录处的检查点签名无效（检查点被伪造或改写）`,
      en: `the checkpoint at entry ${cp.seq} has an invalid signature (forged or altered)`,
    });
  }
  if (cp.hash !== entryHashAtSeq) {
    throw new Broken(cp.seq, {
      zh: `第 ${cp.seq} 条记录的哈希与已签名检查点不符：第 ${previous + 1}–${cp.seq} 条中有记录被改写且哈希链被重新计算`,
      en: `entry ${cp.seq}'s hash differs from its signed checkpoint: an entry in ${previous + 1}–${cp.seq} was altered and the chain recomputed`,
    });
  }
}

/** The anchors of every export, in seq order (their signatures were checked when the export was read). */
function anchorsOf(exports: ExportAnchors[]): Expectation[] {
  const all: Expectation[] = [];
  for (const anchors of exports) {
    for (const cp of anchors.checkpoints) all.push({ seq: cp.seq, hash: cp.hash, source: anchors.source });
    if (anchors.last) all.push({ ...anchors.last, source: anchors.source });
  }
  return all.sort((a, b) => a.seq - b.seq);
}

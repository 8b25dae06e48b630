/**
 * The off-host copy: JSON lines — a header (format, time, the public key and its key_id), every entry after `since`
 * in seq order, the checkpoints in that range, and a footer with the count and the last entry's seq and hash. The
 * footer and the checkpoints are what `verifyAudit({ against })` later compares the database with.
 */
import { type KeyObject } from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import { type Writable } from "node:stream";
import { type Localized } from "../../domain/errors.js";
import { type Db } from "../db/database.js";
import { toInstant } from "../db/instants.js";
import { checkpointSignatureValid, type Checkpoint } from "./checkpoints.js";
import { keyFingerprint, publicKeyFromPem, publicKeyPem } from "./keys.js";
import { toSeq } from "./seq.js";
import { type ExportAnchors } from "./verify.js";

/** The header line's `format`; a file without it is not an audit export. */
export const EXPORT_FORMAT = "baomi-audit-export";

export interface ExportOptions {
  db: Db;
  out: Writable;
  /** The public key that verifies the checkpoints; null when no key file exists yet. */
  publicKey: KeyObject | null;
  /** Only entries with a seq greater than this (an incremental export continues from the last one's lastSeq). */
  since?: number;
  clock?: () => Date;
  batchSize?: number;
}

/** What an export wrote. */
export interface ExportSummary {
  count: number;
  checkpoints: number;
  lastSeq: number | null;
}

/** Writes the export to `out` (not closed afterwards) and says what it wrote. */
export async function exportAudit(options: ExportOptions): Promise<ExportSummary> {
  const { db, out } = options;
  const since = options.since ?? 0;
  const batchSize = options.batchSize ?? 10_000;
  const now = (options.clock ?? (() => new Date()))();
  await write(
    out,
    line({
      type: "header",
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: toInstant(now),
      since,
      publicKey: options.publicKey ? publicKeyPem(options.publicKey) : null,
      keyId: options.publicKey ? keyFingerprint(options.publicKey) : null,
    }),
  );
  let count = 0;
  let last: { seq: number; hash: string } | null = null;
  for (let after = since; ;) {
    const rows = await db.kysely
      .selectFrom("audit_entry")
      .selectAll()
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    // One write per batch: a million small writes would cost more than the query.
    await write(out, rows.map((row) => line({ type: "entry", ...row, seq: toSeq(row.seq) })).join(""));
    const tail = rows[rows.length - 1]!;
    last = { seq: toSeq(tail.seq), hash: tail.hash };
    after = last.seq;
    count += rows.length;
    if (rows.length < batchSize) break;
  }
  // Only checkpoints up to the last entry written, so the file is consistent even if writers appended meanwhile.
  const checkpoints = last
    ? await db.kysely
        .selectFrom("audit_checkpoint")
        .selectAll()
        .where("seq", ">", since)
        .where("seq", "<=", last.seq)
        .orderBy("seq")
        .execute()
    : [];
  await write(out, checkpoints.map((cp) => line({ type: "checkpoint", ...cp, seq: toSeq(cp.seq) })).join(""));
  await write(
    out,
    line({
      type: "end",
      count,
      checkpoints: checkpoints.length,
      lastSeq: last?.seq ?? null,
      lastHash: last?.hash ?? null,
    }),
  );
  return { count, checkpoints: checkpoints.length, lastSeq: last?.seq ?? null };
}

/** An export file's public key and anchors; throws naming the line when the file is not a complete, valid export. */
export async function readExportAnchors(file: string): Promise<ExportAnchors & { publicKey: KeyObject | null }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  let number = 0;
  let publicKey: KeyObject | null = null;
  let headerSeen = false;
  let end: { lastSeq: number | null; lastHash: string | null } | null = null;
  const checkpoints: Checkpoint[] = [];
  const fail = (what: Localized): never => {
    throw new ExportFileError(file, number, what);
  };
  for await (const text of lines) {
    number++;
    if (text.trim() === "") continue;
    if (end) fail({ zh: "结束行之后还有内容", en: "content after the end line" });
    // Entries are not needed for the anchors; skipping their parse keeps a million-line file quick to read.
    if (headerSeen && text.startsWith('{"type":"entry"')) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return fail({ zh: "不是 JSON", en: "not JSON" });
    }
    if (!headerSeen) {
      if (record.type !== "header" || record.format !== EXPORT_FORMAT)
        fail({ zh: "不是 Baomi 审计导出文件", en: "not a Baomi audit export" });
      headerSeen = true;
      publicKey = typeof record.publicKey === "string" ? publicKeyFromPem(record.publicKey) : null;
      continue;
    }
    if (record.type === "checkpoint") {
      const cp = record as unknown as Checkpoint;
      // The export is the trusted copy: a checkpoint in it that its own key does not verify means the file is damaged.
      if (!publicKey || !checkpointSignatureValid({ ...cp, seq: toSeq(cp.seq) }, publicKey)) {
        fail({
          zh: `第 ${String(cp.seq)} 条记录处的检查点无法用导出文件中的公钥验证`,
          en: `the checkpoint at entry ${String(cp.seq)} does not verify with the export's public key`,
        });
      }
      checkpoints.push({ ...cp, seq: toSeq(cp.seq) });
    } else if (record.type === "end") {
      end = {
        lastSeq: typeof record.lastSeq === "number" ? toSeq(record.lastSeq) : null,
        lastHash: typeof record.lastHash === "string" ? record.lastHash : null,
      };
    } else if (record.type !== "entry") {
      fail({
        zh: `未知的行类型 ${JSON.stringify(record.type)}`,
        en: `unknown line type ${JSON.stringify(record.type)}`,
      });
    }
  }
  if (!headerSeen) fail({ zh: "文件为空", en: "empty file" });
  // Without the end line the copy was cut short, and a partial copy must not be mistaken for the whole.
  if (!end) fail({ zh: "缺少结束行：导出不完整", en: "no end line: the export is incomplete" });
  const last = end?.lastSeq != null && end.lastHash != null ? { seq: end.lastSeq, hash: end.lastHash } : null;
  return { source: file, checkpoints, last, publicKey };
}

/** An export file that cannot be used, naming the file and line. */
export class ExportFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly localized: Localized,
  ) {
    super(`${file}:${line}: ${localized.en}`);
    this.name = "ExportFileError";
  }
}

function line(record: Record<string, unknown>): string {
  return `${JSON.stringify(record)}\n`;
}

/** Writes with backpressure: waits for 'drain' rather than buffering a million lines in memory. */
function write(out: Writable, text: string): Promise<void> {
  if (text === "") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    out.once("error", onError);
    const done = (): void => {
      out.off("error", onError);
      resolve();
    };
    if (out.write(text)) done();
    else out.once("drain", done);
  });
}

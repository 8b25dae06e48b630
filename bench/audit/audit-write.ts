/**
 * `node --import tsx bench/audit/audit-write.ts [TRANSACTIONS_PER_ROUND] [ROUNDS]`: the cost of auditing a write.
 * Baseline: one `setting` upsert per transaction. Subject: the same upsert plus `auditLog.append` in the same
 * transaction. SQLite as shipped (WAL, synchronous=FULL) on a disk folder; rounds alternate so both sides see the
 * same machine (short rounds, many of them, so that load from elsewhere hits both alike). Target: subject ≤ 1.15 × baseline (median time per transaction).
 * The filter lookup is not written by the audited write (src/platform/audit/README.md); what copying it costs later,
 * in batches off the write path, is printed for comparison but is not part of the ratio.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAuditLog } from "../../src/platform/audit/audit-log.js";
import { catchUpLookup } from "../../src/platform/audit/lookup.js";
import { type Config } from "../../src/platform/config/config.js";
import { openDatabase } from "../../src/platform/db/database.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { migrateToLatest } from "../../src/platform/db/migrate.js";
import { outputDir } from "../harness/paths.js";

const PER_ROUND = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.argv[3] ?? 20);

async function main(): Promise<void> {
  fs.mkdirSync(outputDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(outputDir, "audit-write-"));
  const target = { dialect: "sqlite" as const, file: path.join(dir, "baomi.sqlite") };
  const db = await openDatabase(target);
  try {
    await migrateToLatest(db);
    const config = {
      dataDir: dir,
      database: target,
      audit: { keyFile: path.join(dir, "keys", "audit-ed25519.pem"), checkpointEvery: 1000, checkpointMinutes: 60 },
    } as Config;
    const log = createAuditLog({ db, config });
    let n = 0;

    const write = async (audited: boolean): Promise<void> => {
      const key = `bench.${n++ % 100}`;
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto("setting")
          .values({ key, value: String(n), updated_at: toInstant(new Date()) })
          .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(n), updated_at: toInstant(new Date()) }))
          .execute();
        if (audited) {
          await log.append(trx, {
            actor: { accountId: "acct-1", username: "系统管理员", role: "SYS_ADMIN", unitId: "unit-1" },
            action: "setting.update",
            object: { type: "setting", id: key },
            result: "success",
            sourceIp: "192.0.2.7",
            requestId: `req-${n}`,
            details: { key },
          });
        }
      });
    };
    const round = async (audited: boolean): Promise<number> => {
      const t = performance.now();
      for (let i = 0; i < PER_ROUND; i++) await write(audited);
      return ((performance.now() - t) * 1000) / PER_ROUND; // µs per transaction
    };

    await round(false); // warm-up, unmeasured
    await round(true);
    const baseline: number[] = [];
    const subject: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      baseline.push(await round(false));
      subject.push(await round(true));
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const b = median(baseline);
    const s = median(subject);
    console.log(`audited write, SQLite WAL synchronous=FULL, ${ROUNDS} rounds × ${PER_ROUND} transactions`);
    console.log(
      `  baseline (upsert only):   ${b.toFixed(0)} µs/transaction  rounds ${baseline.map((x) => x.toFixed(0)).join(", ")}`,
    );
    console.log(
      `  subject (upsert + audit): ${s.toFixed(0)} µs/transaction  rounds ${subject.map((x) => x.toFixed(0)).join(", ")}`,
    );
    console.log(`  ratio ${(s / b).toFixed(3)}× (target ≤ 1.15×); load average ${os.loadavg()[0]!.toFixed(1)}`);
    const t = performance.now();
    const copied = await catchUpLookup(db);
    console.log(
      `  later, off the write path: the lookup catch-up copied ${copied} entries at ${(((performance.now() - t) * 1000) / copied).toFixed(1)} µs each`,
    );
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

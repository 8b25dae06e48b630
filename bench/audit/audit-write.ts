/**
 * `node --import tsx bench/audit/audit-write.ts [TRANSACTIONS_PER_ROUND] [ROUNDS]`: the cost of auditing a write.
 * Two writes, each measured alone (baseline) and with `auditLog.append` in the same transaction (subject):
 * - the smallest write there is: one `setting` upsert per transaction (one small table, one index) — the audit entry
 *   then doubles the pages a commit writes, so this is the harshest ratio;
 * - a business write as a route does it: `createPerson`'s transaction (staff number checked, the person inserted
 *   into a register of 20,000 people, with its indexes), the audit event it appends.
 * - the same business write as a user makes it: POST /api/people through the app (in process, signed in as the
 *   secrecy office), with the audit append the route makes, against the very same app with that append made a no-op.
 * SQLite as shipped (WAL, synchronous=FULL) on a disk folder; rounds alternate so both sides see the same machine
 * (short rounds, many of them, so that load from elsewhere hits both alike). Target: subject ≤ 1.15 × baseline
 * (median time per transaction).
 * The filter lookup is not written by the audited write (src/platform/audit/README.md); what copying it costs later,
 * in batches off the write path, is printed for comparison but is not part of the ratio.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { v7 as uuidv7 } from "uuid";
import { createAuditLog } from "../../src/platform/audit/audit-log.js";
import { catchUpLookup } from "../../src/platform/audit/lookup.js";
import { type Config, loadConfig } from "../../src/platform/config/config.js";
import { buildApp } from "../../src/platform/http/app.js";
import { createTestAccount, grantRole, signIn } from "../../test/factories.js";
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

    // A register the size of a large institution, under the unit the new people join.
    const unitId = "bench-unit";
    await db.kysely
      .insertInto("unit")
      .values({
        id: unitId,
        parent_id: null,
        name: "基准单位",
        kind: "institution",
        sort_order: 0,
        path: `/${unitId}/`,
        created_at: toInstant(new Date()),
        updated_at: toInstant(new Date()),
      })
      .execute();
    for (let i = 0; i < 20_000; i += 500)
      await db.kysely
        .insertInto("person")
        .values(
          Array.from({ length: 500 }, (_, j) => ({
            id: uuidv7(),
            name: `人员${i + j}`,
            unit_id: unitId,
            staff_no: `S${String(i + j).padStart(8, "0")}`,
            email: null,
            created_at: toInstant(new Date()),
            updated_at: toInstant(new Date()),
          })),
        )
        .execute();

    type Kind = "setting" | "person";
    const write = async (kind: Kind, audited: boolean): Promise<void> => {
      const key = `bench.${n++ % 100}`;
      await db.kysely.transaction().execute(async (trx) => {
        if (kind === "setting")
          await trx
            .insertInto("setting")
            .values({ key, value: String(n), updated_at: toInstant(new Date()) })
            .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(n), updated_at: toInstant(new Date()) }))
            .execute();
        else {
          const staffNo = `N${String(n).padStart(8, "0")}`;
          if (await trx.selectFrom("person").select("id").where("staff_no", "=", staffNo).executeTakeFirst())
            throw new Error("staff number taken");
          await trx
            .insertInto("person")
            .values({
              id: uuidv7(),
              name: `新进人员${n}`,
              staff_no: staffNo,
              email: null,
              unit_id: unitId,
              created_at: toInstant(new Date()),
              updated_at: toInstant(new Date()),
            })
            .execute();
        }
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
    const round = async (kind: Kind, audited: boolean): Promise<number> => {
      const t = performance.now();
      for (let i = 0; i < PER_ROUND; i++) await write(kind, audited);
      return ((performance.now() - t) * 1000) / PER_ROUND; // µs per transaction
    };

    console.log(`audited write, SQLite WAL synchronous=FULL, ${ROUNDS} rounds × ${PER_ROUND} transactions`);
    for (const [kind, label] of [
      ["setting", "a setting upsert"],
      ["person", "createPerson's transaction"],
    ] as const) {
      await round(kind, false); // warm-up, unmeasured
      await round(kind, true);
      const baseline: number[] = [];
      const subject: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        baseline.push(await round(kind, false));
        subject.push(await round(kind, true));
      }
      const b = median(baseline);
      const s = median(subject);
      console.log(`  ${label}`);
      console.log(
        `    baseline (write only):   ${b.toFixed(0)} µs/transaction  rounds ${baseline.map((x) => x.toFixed(0)).join(", ")}`,
      );
      console.log(
        `    subject (write + audit): ${s.toFixed(0)} µs/transaction  rounds ${subject.map((x) => x.toFixed(0)).join(", ")}`,
      );
      console.log(`    ratio ${(s / b).toFixed(3)}× (target ≤ 1.15×); load average ${os.loadavg()[0]!.toFixed(1)}`);
    }
    await throughTheApp(dir);
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

/** POST /api/people through the app, with and without the route's audit append. */
async function throughTheApp(dir: string): Promise<void> {
  const appDir = path.join(dir, "app");
  const config = loadConfig({ BAOMI_DATA_DIR: appDir, BAOMI_LOG_LEVEL: "warn" }, process.cwd());
  const app = await buildApp(config);
  try {
    const root = await app.db.kysely.selectFrom("unit").select("id").where("parent_id", "is", null).executeTakeFirst();
    const unitId =
      root?.id ??
      (
        await app.db.kysely
          .insertInto("unit")
          .values({
            id: uuidv7(),
            parent_id: null,
            name: "基准院校",
            kind: "institution",
            sort_order: 0,
            path: "/",
            created_at: toInstant(new Date()),
            updated_at: toInstant(new Date()),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    if (!root)
      await app.db.kysely
        .updateTable("unit")
        .set({ path: `/${unitId}/` })
        .where("id", "=", unitId)
        .execute();
    const admin = await createTestAccount(app, { username: "bench-secadmin", adminRole: "SECURITY_ADMIN" });
    const office = await createTestAccount(app, { username: "bench-office" });
    await grantRole(app, office.id, "secrecyOffice", unitId, admin.id);
    const client = await signIn(app, office);
    const realAppend = app.audit.append.bind(app.audit);
    const noAppend: typeof realAppend = () => Promise.resolve({ seq: 0, hash: "" });
    let n = 0;
    const round = async (audited: boolean): Promise<number> => {
      app.audit.append = audited ? realAppend : noAppend;
      const t = performance.now();
      for (let i = 0; i < PER_ROUND; i++) {
        const res = await client.post("/api/people", {
          name: `新进人员${n}`,
          unitId,
          staffNo: `A${String(n++).padStart(8, "0")}`,
        });
        if (res.statusCode !== 201) throw new Error(`POST /api/people answered ${res.statusCode}: ${res.body}`);
      }
      return ((performance.now() - t) * 1000) / PER_ROUND;
    };
    await round(false);
    await round(true);
    const baseline: number[] = [];
    const subject: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      baseline.push(await round(false));
      subject.push(await round(true));
    }
    app.audit.append = realAppend;
    const b = median(baseline);
    const s = median(subject);
    console.log("  POST /api/people through the app");
    console.log(
      `    baseline (route, no audit entry): ${b.toFixed(0)} µs/request  rounds ${baseline.map((x) => x.toFixed(0)).join(", ")}`,
    );
    console.log(
      `    subject (route as shipped):       ${s.toFixed(0)} µs/request  rounds ${subject.map((x) => x.toFixed(0)).join(", ")}`,
    );
    console.log(`    ratio ${(s / b).toFixed(3)}× (target ≤ 1.15×); load average ${os.loadavg()[0]!.toFixed(1)}`);
  } finally {
    await app.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await main();

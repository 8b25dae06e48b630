import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createAuditLog } from "../../src/platform/audit/audit-log.js";
import { entryHash } from "../../src/platform/audit/chain.js";
import { exportAudit, readExportAnchors } from "../../src/platform/audit/export.js";
import { loadOrCreateSigningKey } from "../../src/platform/audit/keys.js";
import { toSeq } from "../../src/platform/audit/seq.js";
import { type Db } from "../../src/platform/db/database.js";
import { testDialects } from "../databases.js";
import { appendMany, openAuditFixture, tamper, type AuditFixture } from "./fixtures.js";

describe.each(testDialects)("tampering on %s", (dialect) => {
  let fixture: AuditFixture;
  afterEach(async () => {
    await fixture.close();
  });

  async function logOf(entries: number, checkpointEvery = 10): Promise<AuditFixture> {
    fixture = await openAuditFixture(dialect, { checkpointEvery });
    await appendMany(fixture, entries);
    expect(await fixture.verify()).toMatchObject({ ok: true, count: entries });
    return fixture;
  }

  it("a single changed byte names that entry", async () => {
    await logOf(30);
    await tamper(fixture.db, ["update audit_entry set action = 'auth.logon' where seq = 12"]);
    expect(await fixture.verify()).toMatchObject({
      ok: false,
      seq: 12,
      reason: { en: expect.stringMatching(/altered/) as string },
    });
  });

  it("a changed byte inside the details names that entry", async () => {
    await logOf(30);
    await tamper(fixture.db, [`update audit_entry set details = replace(details, '保密', '保蜜') where seq = 7`]);
    expect(await fixture.verify()).toMatchObject({ ok: false, seq: 7 });
  });

  it("a deleted row names the missing seq", async () => {
    await logOf(30);
    await tamper(fixture.db, ["delete from audit_entry where seq = 15"]);
    expect(await fixture.verify()).toMatchObject({
      ok: false,
      seq: 15,
      reason: { en: expect.stringMatching(/missing/) as string },
    });
  });

  it("two swapped rows name the first of them", async () => {
    await logOf(30);
    await tamper(fixture.db, [
      "update audit_entry set seq = -1 where seq = 8",
      "update audit_entry set seq = 8 where seq = 17",
      "update audit_entry set seq = 17 where seq = -1",
    ]);
    expect(await fixture.verify()).toMatchObject({
      ok: false,
      seq: 8,
      reason: { en: expect.stringMatching(/prev_hash/) as string },
    });
  });

  it("a change with the whole chain recomputed is caught by the signed checkpoint after it", async () => {
    await logOf(35);
    await tamper(fixture.db, [
      "update audit_entry set result = 'success', action = 'auth.login' where seq = 13",
      ...(await recomputeChainAfterEdit(fixture.db, 13)),
    ]);
    // The chain itself is consistent again: only the checkpoint at 20, signed before the edit, can tell.
    expect(await fixture.verify()).toMatchObject({
      ok: false,
      seq: 20,
      reason: { en: expect.stringMatching(/signed checkpoint: an entry in 11–20 was altered/) as string },
    });
    // Re-pointing the checkpoints at the new hashes does not help without the key.
    await tamper(fixture.db, [
      "update audit_checkpoint set hash = (select hash from audit_entry where audit_entry.seq = audit_checkpoint.seq)",
    ]);
    expect(await fixture.verify()).toMatchObject({
      ok: false,
      seq: 20,
      reason: { en: expect.stringMatching(/invalid signature/) as string },
    });
  });

  it("a cut-off tail is caught by a checkpoint beyond the end", async () => {
    await logOf(35);
    // The intruder removes entries 21–35 but leaves the checkpoints.
    await tamper(fixture.db, ["delete from audit_entry where seq > 20", "delete from audit_checkpoint where seq > 30"]);
    expect(await fixture.verify()).toMatchObject({
      ok: false,
      seq: 21,
      reason: { en: expect.stringMatching(/21–30 were cut off/) as string },
    });
  });

  it("a tail cut off with its checkpoints is caught against an earlier export", async () => {
    await logOf(35);
    const file = path.join(fixture.database.dataDir, "export.jsonl");
    const out = fs.createWriteStream(file);
    await exportAudit({
      db: fixture.db,
      out,
      publicKey: loadOrCreateSigningKey(fixture.config.audit.keyFile).publicKey,
    });
    await new Promise((resolve) => out.end(resolve));
    await tamper(fixture.db, ["delete from audit_entry where seq > 33", "delete from audit_checkpoint where seq > 30"]);
    // Without the export the shorter log looks whole: every checkpoint left is satisfied.
    expect(await fixture.verify()).toMatchObject({ ok: true, count: 33 });
    const anchors = await readExportAnchors(file);
    expect(await fixture.verify([anchors])).toMatchObject({
      ok: false,
      seq: 34,
      reason: { en: expect.stringMatching(/34–35 were cut off/) as string },
    });
  });

  it("a database replaced wholesale (new chain, new key) is caught against an earlier export", async () => {
    await logOf(25);
    const file = path.join(fixture.database.dataDir, "export.jsonl");
    const out = fs.createWriteStream(file);
    await exportAudit({
      db: fixture.db,
      out,
      publicKey: loadOrCreateSigningKey(fixture.config.audit.keyFile).publicKey,
    });
    await new Promise((resolve) => out.end(resolve));
    // Same length, but every entry rewritten: a forged history signed with a key the intruder made.
    await tamper(fixture.db, ["delete from audit_checkpoint", "delete from audit_entry"]);
    fs.rmSync(fixture.config.audit.keyFile);
    await appendMany({ ...fixture, log: createAuditLog({ db: fixture.db, config: fixture.config }) }, 25, 100);
    expect(await fixture.verify()).toMatchObject({ ok: true, count: 25 });
    expect(await fixture.verify([await readExportAnchors(file)])).toMatchObject({
      ok: false,
      seq: 10,
      reason: { en: expect.stringMatching(/differs from the export/) as string },
    });
  });

  it("a forged checkpoint signed by another key is refused", async () => {
    await logOf(12);
    await tamper(fixture.db, [`update audit_checkpoint set key_id = '${"ab".repeat(32)}'`]);
    expect(await fixture.verify()).toMatchObject({
      ok: false,
      seq: 10,
      reason: { en: expect.stringMatching(/unknown key/) as string },
    });
  });
});

/**
 * The statements an intruder who knows the format (but not the key) would run after editing entry `from`: every hash
 * from there on recomputed, so the chain links up again. The edit is mirrored on the rows read here.
 */
async function recomputeChainAfterEdit(db: Db, from: number): Promise<string[]> {
  const rows = await db.kysely.selectFrom("audit_entry").selectAll().orderBy("seq").execute();
  const edited = rows.map((r) =>
    toSeq(r.seq) === from ? { ...r, result: "success" as const, action: "auth.login" } : r,
  );
  const statements: string[] = [];
  let prev = edited.find((r) => toSeq(r.seq) === from - 1)!.hash;
  for (const row of edited.filter((r) => toSeq(r.seq) >= from)) {
    const seq = toSeq(row.seq);
    const hash = entryHash({ ...row, seq, prev_hash: prev });
    statements.push(`update audit_entry set prev_hash = '${prev}', hash = '${hash}' where seq = ${seq}`);
    prev = hash;
  }
  return statements;
}

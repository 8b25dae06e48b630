import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GENESIS_HASH, entryHash, type ChainedFields } from "../../src/platform/audit/chain.js";
import { checkpointSignatureValid, type Checkpoint } from "../../src/platform/audit/checkpoints.js";
import { ExportFileError, exportAudit, readExportAnchors } from "../../src/platform/audit/export.js";
import { keyFingerprint, loadOrCreateSigningKey, publicKeyFromPem } from "../../src/platform/audit/keys.js";
import { testDialects } from "../databases.js";
import { appendMany, openAuditFixture, type AuditFixture } from "./fixtures.js";

type Line = { type: string } & Record<string, unknown>;

describe.each(testDialects)("audit export on %s", (dialect) => {
  let fixture: AuditFixture;
  afterEach(async () => {
    await fixture.close();
  });

  async function exportTo(name: string, since?: number): Promise<{ file: string; lines: Line[] }> {
    const file = path.join(fixture.database.dataDir, name);
    const out = fs.createWriteStream(file);
    const publicKey = loadOrCreateSigningKey(fixture.config.audit.keyFile).publicKey;
    await exportAudit({ db: fixture.db, out, publicKey, ...(since === undefined ? {} : { since }), batchSize: 7 });
    await new Promise((resolve) => out.end(resolve));
    const lines = fs
      .readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((text) => JSON.parse(text) as Line);
    return { file, lines };
  }

  it("writes a header with the public key, every entry, the checkpoints and an end line", async () => {
    fixture = await openAuditFixture(dialect, { checkpointEvery: 10 });
    await appendMany(fixture, 25);
    const { lines } = await exportTo("all.jsonl");
    const [header, ...rest] = lines;
    const entries = rest.filter((l) => l.type === "entry") as unknown as (ChainedFields & { hash: string })[];
    const checkpoints = rest.filter((l) => l.type === "checkpoint") as unknown as Checkpoint[];
    const key = publicKeyFromPem(header!.publicKey as string);
    expect(header).toMatchObject({ type: "header", format: "baomi-audit-export", version: 1, since: 0 });
    expect(header!.keyId).toBe(keyFingerprint(key));
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(lines.at(-1)).toEqual({ type: "end", count: 25, checkpoints: 2, lastSeq: 25, lastHash: entries[24]!.hash });

    // The copy verifies on its own, with no database: the chain from the entries, the checkpoints with the key.
    let prev = GENESIS_HASH;
    for (const entry of entries) {
      expect(entry.prev_hash).toBe(prev);
      expect(entryHash(entry)).toBe(entry.hash);
      prev = entry.hash;
    }
    expect(checkpoints.map((cp) => cp.seq)).toEqual([10, 20]);
    for (const cp of checkpoints) {
      expect(checkpointSignatureValid(cp, key)).toBe(true);
      expect(cp.hash).toBe(entries[cp.seq - 1]!.hash);
    }
  });

  it("continues from a seq with --since, carrying the checkpoints of that range", async () => {
    fixture = await openAuditFixture(dialect, { checkpointEvery: 10 });
    await appendMany(fixture, 25);
    const { lines } = await exportTo("since.jsonl", 15);
    expect(lines.filter((l) => l.type === "entry").map((l) => l.seq)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(lines.filter((l) => l.type === "checkpoint").map((l) => l.seq)).toEqual([20]);
    expect(lines.at(-1)).toMatchObject({ count: 10, lastSeq: 25 });
    const empty = await exportTo("empty.jsonl", 25);
    expect(empty.lines.at(-1)).toEqual({ type: "end", count: 0, checkpoints: 0, lastSeq: null, lastHash: null });
  });

  it("refuses an export file that is cut short or damaged, naming the line", async () => {
    fixture = await openAuditFixture(dialect, { checkpointEvery: 10 });
    await appendMany(fixture, 12);
    const { file } = await exportTo("good.jsonl");
    const anchors = await readExportAnchors(file);
    expect(anchors.checkpoints.map((cp) => cp.seq)).toEqual([10]);
    expect(anchors.last?.seq).toBe(12);

    const text = fs.readFileSync(file, "utf8").split("\n");
    const write = (name: string, lines: string[]): string => {
      const target = path.join(fixture.database.dataDir, name);
      fs.writeFileSync(target, lines.join("\n"));
      return target;
    };
    const cut = write("cut.jsonl", text.slice(0, 5));
    await expect(readExportAnchors(cut)).rejects.toThrow(/incomplete/);
    const forged = write(
      "forged.jsonl",
      text.map((l) => (l.includes('"type":"checkpoint"') ? l.replace(/"hash":"[0-9a-f]/, '"hash":"x') : l)),
    );
    await expect(readExportAnchors(forged)).rejects.toMatchObject({
      line: 14,
      localized: { en: expect.stringMatching(/does not verify/) as string },
    });
    await expect(readExportAnchors(write("other.jsonl", ['{"type":"x"}']))).rejects.toBeInstanceOf(ExportFileError);
  });
});

import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { keyFingerprint, loadOrCreateSigningKey, publicKeyFromPem, publicKeyPem, readPublicKey } from "./keys.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-keys-"));
  dirs.push(dir);
  return dir;
}

describe("audit signing key", () => {
  it("is created on first use, mode 0600, folder created, and the same key afterwards", () => {
    const file = path.join(tempDir(), "deep", "keys", "audit-ed25519.pem");
    const first = loadOrCreateSigningKey(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.readFileSync(file, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const second = loadOrCreateSigningKey(file);
    expect(second.keyId).toBe(first.keyId);
    expect(first.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["audit-ed25519.pem"]);
  });

  it("gives the public key from the private key file or from PEM", () => {
    const file = path.join(tempDir(), "k.pem");
    const key = loadOrCreateSigningKey(file);
    expect(keyFingerprint(readPublicKey(file))).toBe(key.keyId);
    expect(keyFingerprint(publicKeyFromPem(publicKeyPem(key.publicKey)))).toBe(key.keyId);
  });

  it("refuses a file that holds some other kind of key", () => {
    const file = path.join(tempDir(), "rsa.pem");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    fs.writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }));
    expect(() => loadOrCreateSigningKey(file)).toThrow(/Ed25519/);
  });
});

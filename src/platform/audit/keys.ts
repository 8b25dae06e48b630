/**
 * The checkpoint signing key: Ed25519, PEM (PKCS#8) in a file outside the database (`config.audit.keyFile`), created
 * on first use with mode 0600 in a folder created with mode 0700. Someone who can rewrite the database but cannot
 * read this file cannot forge a checkpoint.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** A signing key and what identifies it. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SHA-256 (hex) of the public key's DER SubjectPublicKeyInfo: the `key_id` of its checkpoints. */
  keyId: string;
}

/** Loads the key in `file`, creating the file (and its folder) when it does not exist yet. */
export function loadOrCreateSigningKey(file: string): SigningKey {
  if (!fs.existsSync(file)) createKeyFile(file);
  const privateKey = createPrivateKey(fs.readFileSync(file));
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error(`audit key file ${file} does not hold an Ed25519 private key`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyFingerprint(publicKey) };
}

/** The public key in a PEM file holding either the private key or only the public key. */
export function readPublicKey(file: string): KeyObject {
  const key = createPublicKey(fs.readFileSync(file));
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`${file} does not hold an Ed25519 key`);
  return key;
}

/** A public key from PEM text. */
export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 public key");
  return key;
}

/** The PEM (SPKI) text of a public key. */
export function publicKeyPem(key: KeyObject): string {
  return key.export({ type: "spki", format: "pem" }).toString();
}

/** SHA-256 (hex) of the public key's DER SubjectPublicKeyInfo. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}

function createKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" });
  // Written whole under a private name, then linked into place: link fails if the file appeared meanwhile, so two
  // processes starting together never overwrite each other's key, and nobody ever reads a half-written file.
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, pem, { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

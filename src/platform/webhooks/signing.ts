/** Signatures that let a receiver tell Baomi's posts from anyone else's who learned the webhook address. */
import { createHmac } from "node:crypto";

/** DingTalk's 加签: base64 HMAC-SHA256 of "timestamp\nsecret", keyed by the secret. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
}

/** The robot URL with `&timestamp=…&sign=…` appended; DingTalk refuses a timestamp more than an hour off. */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const parsed = new URL(url);
  // Appended as text rather than through searchParams, so the existing query (the access token) is left byte for byte.
  const extra = `timestamp=${timestampMs}&sign=${encodeURIComponent(dingtalkSign(secret, timestampMs))}`;
  parsed.search = parsed.search ? `${parsed.search}&${extra}` : `?${extra}`;
  return parsed.toString();
}

/**
 * For generic receivers: `sha256=` + hex HMAC-SHA256 of "timestamp.body", keyed by the secret, sent with the timestamp
 * so a receiver can also refuse an old post replayed.
 */
export function genericSignature(secret: string, timestampMs: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestampMs}.${body}`, "utf8").digest("hex")}`;
}

/**
 * Posting one message to one webhook. It never throws: the daily job records the outcome and goes on with the next
 * target. A webhook address usually carries its credential (access_token, key), so it never appears in an outcome.
 */
import { type WebhookFormat, type WebhookMessage, webhookBody } from "./formats.js";
import { dingtalkSignedUrl, genericSignature } from "./signing.js";

/** The outcome of one post; `error` says why it failed, in Chinese and English, without the address. */
export interface WebhookResult {
  ok: boolean;
  status?: number;
  error?: string;
}

/** Tuning for tests; production uses the defaults. */
export interface PostWebhookOptions {
  /** Limit for the whole exchange, answer included (default 10 s). */
  timeoutMs?: number;
  /** The clock for signature timestamps. */
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Posts the message in the target's format; resolves with the outcome and never rejects. */
export async function postWebhook(
  target: { url: string; format: WebhookFormat; secret?: string },
  message: WebhookMessage,
  options: PostWebhookOptions = {},
): Promise<WebhookResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const timestamp = (options.now ?? Date.now)();
    const body = JSON.stringify(webhookBody(target.format, message));
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
    let url = target.url;
    if (target.secret && target.format === "dingtalk") url = dingtalkSignedUrl(url, target.secret, timestamp);
    if (target.secret && target.format === "generic") {
      headers["x-baomi-timestamp"] = String(timestamp);
      headers["x-baomi-signature"] = genericSignature(target.secret, timestamp, body);
    }
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      // A redirect would carry the body somewhere the administrator did not configure: report it instead.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const answer = await response.text();
    if (!response.ok) {
      return {
        ok: false,
        status: response.status,
        error: `对方答复 HTTP ${response.status} / the receiver answered HTTP ${response.status}`,
      };
    }
    // The robots answer 200 even when they refuse: the refusal is an errcode in the body.
    const refusal = target.format === "generic" ? null : robotRefusal(answer);
    if (refusal) return { ok: false, status: response.status, error: refusal };
    return { ok: true, status: response.status };
  } catch (error) {
    return { ok: false, error: failure(error, timeoutMs) };
  }
}

/** The address without its query, where robots keep their credential: safe to log. */
export function describeWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(invalid url)";
  }
}

function robotRefusal(answer: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer);
  } catch {
    return null; // not a robot's answer (a proxy's page, say); the 2xx is all there is to go on
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { errcode, errmsg } = parsed as { errcode?: unknown; errmsg?: unknown };
  if ((typeof errcode !== "number" && typeof errcode !== "string") || Number(errcode) === 0) return null;
  const reason = typeof errmsg === "string" ? errmsg.slice(0, 300) : "";
  return `机器人拒收（errcode ${errcode}）/ the robot refused the message (errcode ${errcode}): ${reason}`;
}

function failure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `${timeoutMs} 毫秒内无应答 / no answer within ${timeoutMs} ms`;
  }
  // fetch says only "fetch failed"; the cause has the reason (ECONNREFUSED, ENOTFOUND, a TLS error).
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const reason =
    typeof cause?.code === "string"
      ? cause.code
      : typeof cause?.message === "string"
        ? cause.message
        : error instanceof Error
          ? error.message
          : String(error);
  return `无法送达 / could not deliver: ${reason}`;
}

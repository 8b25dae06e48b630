import { currentLanguage } from "../i18n";
import { ApiError, CLIENT_ERROR_CODES, toErrorBody } from "./api-error";

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
}

/** Bytes sent as they are (an uploaded file), with their media type, instead of a JSON body. */
interface RawBody {
  bytes: Blob;
  type: string;
}

/** What the app does when the server says the session is gone, or that a sign-in step is still pending. */
export interface AuthHandlers {
  onUnauthenticated(): void;
  onPending(pending: string[]): void;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// A 401 from these means "wrong credentials or code", an answer for the form, not a lost session.
const CREDENTIAL_CHECKS = new Set(["/api/auth/login", "/api/auth/totp", "/api/me/totp/confirm"]);

// The CSRF token lives only in memory: never in storage a script injected later could read back.
let csrfToken: string | null = null;
let handlers: AuthHandlers | null = null;

/** Installs the redirects the client triggers on 401 and on 403 with pending sign-in steps. */
export function setAuthHandlers(next: AuthHandlers): void {
  handlers = next;
}

/** Replaces the CSRF token (every session-state answer carries the latest one; null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function headersFor(method: string, bodyType: string | null, accept: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: accept, "Accept-Language": currentLanguage() };
  if (bodyType) headers["Content-Type"] = bodyType;
  if (UNSAFE.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;
  return headers;
}

async function send(path: string, options: RequestOptions, accept: string, raw?: RawBody): Promise<Response> {
  const method = options.method ?? "GET";
  const json = options.body !== undefined;
  try {
    return await fetch(path, {
      method,
      headers: headersFor(method, raw ? raw.type : json ? "application/json" : null, accept),
      body: raw ? raw.bytes : json ? JSON.stringify(options.body) : null,
      // Session cookies are same-origin only; never send them anywhere else.
      credentials: "same-origin",
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, { code: CLIENT_ERROR_CODES.network, message: "", details: {} });
  }
}

/** Turns a non-2xx answer into an ApiError, and sends the user to sign in (or to the pending step) when that is the cause. */
function failure(path: string, status: number, payload: unknown): ApiError {
  const error = new ApiError(
    status,
    toErrorBody(payload) ?? { code: CLIENT_ERROR_CODES.unexpected, message: "", details: {} },
  );
  const pathname = path.split("?")[0] ?? path;
  if (status === 401 && !CREDENTIAL_CHECKS.has(pathname)) {
    csrfToken = null;
    handlers?.onUnauthenticated();
  } else if (status === 403 && Array.isArray(error.details.pending) && error.details.pending.length > 0) {
    handlers?.onPending(error.details.pending.filter((step): step is string => typeof step === "string"));
  }
  return error;
}

/**
 * Calls the Baomi API with JSON in and out. Non-2xx answers become an ApiError carrying the server's
 * { code, message, details }, so screens show the server's own (Chinese-first) message. Unsafe methods carry the
 * session's CSRF token; the UI language goes out as Accept-Language so server messages match it.
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, "application/json");
  const payload = await readJson(response);
  if (!response.ok) throw failure(path, response.status, payload);
  // Session-state answers (sign-in steps, /api/auth/session, /api/me) carry the latest CSRF token.
  if (typeof payload === "object" && payload !== null && "csrfToken" in payload) {
    const token = payload.csrfToken;
    if (typeof token === "string" || token === null) csrfToken = token;
  }
  return payload as T;
}

/**
 * POSTs a file's bytes as they are (e.g. an .xlsx import) with its media type and the CSRF token; the answer is JSON,
 * and a refusal arrives as an ApiError carrying the server's details (row-level errors and the like).
 */
export async function apiUpload<T>(path: string, bytes: Blob, type: string): Promise<T> {
  const response = await send(path, { method: "POST" }, "application/json", { bytes, type });
  const payload = await readJson(response);
  if (!response.ok) throw failure(path, response.status, payload);
  return payload as T;
}

/** A file the server sends as a download: its bytes and the name it suggests. */
export interface Download {
  blob: Blob;
  filename: string | null;
}

/** GETs a file (an export); errors arrive as ApiError like any other call. */
export async function apiDownload(path: string, signal?: AbortSignal): Promise<Download> {
  const response = await send(path, signal ? { signal } : {}, "*/*");
  if (!response.ok) throw failure(path, response.status, await readJson(response));
  return { blob: await response.blob(), filename: filenameOf(response.headers.get("content-disposition")) };
}

/** The filename of a Content-Disposition header (RFC 6266, filename* preferred). */
function filenameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() ?? null;
}

/** A query string from the defined, non-empty values only. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** Parses the body as JSON, or undefined when it is empty or not JSON. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

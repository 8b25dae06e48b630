import { ApiError, CLIENT_ERROR_CODES, toErrorBody } from "./api-error";

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the Baomi API with JSON in and out. Non-2xx answers become an ApiError carrying the server's
 * { code, message, details }, so screens show the server's own (Chinese-first) message.
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      // Session cookies are same-origin only; never send them anywhere else.
      credentials: "same-origin",
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, { code: CLIENT_ERROR_CODES.network, message: "", details: {} });
  }

  const payload = await readJson(response);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      toErrorBody(payload) ?? { code: CLIENT_ERROR_CODES.unexpected, message: "", details: {} },
    );
  }
  return payload as T;
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

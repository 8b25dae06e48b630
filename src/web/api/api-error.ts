/** The standard error body every non-2xx API response carries. */
export interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** A failed API call: the HTTP status plus the server's error body (status 0 when the server was unreachable). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

/** Codes the client itself assigns when there is no usable error body. */
export const CLIENT_ERROR_CODES = { network: "NETWORK_ERROR", unexpected: "UNEXPECTED_RESPONSE" } as const;

/** Reads an error body defensively: proxies and crashes can answer with HTML or nothing. */
export function toErrorBody(value: unknown): ErrorBody | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { code, message, details } = value as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string") return undefined;
  const safeDetails = typeof details === "object" && details !== null ? (details as Record<string, unknown>) : {};
  return { code, message, details: safeDetails };
}

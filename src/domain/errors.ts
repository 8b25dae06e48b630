/**
 * The one error type of the platform and the one table that maps its codes to HTTP statuses.
 * Messages are bilingual: Chinese is what a user sees first, English is served to clients that ask for it.
 */

/** A user-facing message in both languages. */
export interface Localized {
  zh: string;
  en: string;
}

/** Every error code the API can answer with, and its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 423,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_READY: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one field of a request, as listed in `details.issues`. */
export interface FieldIssue {
  /** Where the problem is, e.g. `body.username` or `query.limit`. */
  field: string;
  message: string;
}

/** The one application error: a code, a bilingual message naming the field, and safe details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly localized: Localized;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: Localized, details: Record<string, unknown> = {}) {
    super(message.en);
    this.name = "AppError";
    this.code = code;
    this.localized = message;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The HTTP status for a code. */
export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

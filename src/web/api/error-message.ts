import type { TFunction } from "i18next";
import { ApiError, CLIENT_ERROR_CODES } from "./api-error";

/** The text to show for a failed call: the server's own message when it sent one, else ours. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.message !== "") return error.message;
    if (error.code === CLIENT_ERROR_CODES.network) return t("errors.network");
  }
  return t("errors.unexpected");
}

import type { FormInstance } from "antd";
import { ApiError } from "../api/api-error";

/**
 * Puts the server's validation messages (`details.issues: [{ field: "body.newPassword", message }]`) under the form
 * fields they name. Answers whether every issue found a field; when not, the caller shows the message on its own.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, aliases: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError)) return false;
  const issues = error.details.issues;
  if (!Array.isArray(issues) || issues.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  let unplaced = false;
  for (const issue of issues as unknown[]) {
    if (typeof issue !== "object" || issue === null) continue;
    const { field, message } = issue as { field?: unknown; message?: unknown };
    if (typeof field !== "string" || typeof message !== "string") continue;
    const name = aliases[field] ?? field.replace(/^(body|query|params)\./, "");
    if (!known.has(name)) {
      unplaced = true;
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0 && !unplaced;
}

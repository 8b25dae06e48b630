import type { FormInstance } from "antd";
import { ApiError } from "../../../api/api-error";

/** A name path of an antd form field: `["items", 0, "title"]`. */
export type FieldPath = (string | number)[];

/** The server's validation issues of a refusal (`details.issues: [{ field, message }]`), if it sent any. */
export function issuesOf(error: unknown): { field: string; message: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details.issues)) return [];
  return (error.details.issues as unknown[]).flatMap((issue) => {
    if (typeof issue !== "object" || issue === null) return [];
    const { field, message } = issue as { field?: unknown; message?: unknown };
    return typeof field === "string" && typeof message === "string" ? [{ field, message }] : [];
  });
}

/**
 * The form field a server field names, read as a path: `body.items.0.ownerUnitId` → `["items", 0, "ownerUnitId"]`
 * (the request part dropped, list positions as numbers).
 */
export function pathOf(field: string): FieldPath {
  return field
    .replace(/^(body|query|params)\./, "")
    .split(".")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's validation messages under the fields `nameOf` finds for them (null: no field shows it). Answers
 * whether every issue found a field; when not, the caller shows the message above the form.
 */
export function placeIssues(form: FormInstance, error: unknown, nameOf: (field: string) => FieldPath | null): boolean {
  const issues = issuesOf(error);
  if (issues.length === 0) return false;
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  let unplaced = false;
  for (const issue of issues) {
    const name = nameOf(issue.field);
    if (!name) {
      unplaced = true;
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = byField.values().next().value;
  if (first) form.scrollToField(first.name, { block: "center" });
  return byField.size > 0 && !unplaced;
}

/**
 * What a spreadsheet cell holds, reduced to plain values: exceljs gives rich text, links and formulas as objects.
 * Takes `unknown` because exceljs's runtime values are looser than its CellValue type (a link's text can be rich).
 */

/** A cell's value as the user sees it: a formula's cached result, a link's text, rich text's runs joined. */
export type CellScalar = string | number | boolean | Date | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

function richText(value: unknown): string | null {
  if (!isRecord(value) || !Array.isArray(value.richText)) return null;
  return value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : "")).join("");
}

/** The displayed value of a cell; an error cell or a formula without a cached result is null. */
export function cellScalar(value: unknown): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  const rich = richText(value);
  if (rich !== null) return rich;
  if (!isRecord(value)) return null;
  if ("formula" in value || "sharedFormula" in value) return cellScalar(value.result);
  if ("hyperlink" in value) return cellScalar(value.text);
  return null;
}

/** A date cell as text; an invalid date (a corrupt or hostile file can hold one) carries no text. */
function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/**
 * Every piece of text a cell carries, for the marking guard: the displayed value, and also what is not displayed
 * but stored all the same — a formula's source, a link's target.
 */
export function cellText(value: unknown): string {
  // Most cells are plain text: no need to look further.
  if (typeof value === "string") return value;
  const shown = cellScalar(value);
  const parts = [shown instanceof Date ? dateText(shown) : shown === null ? "" : String(shown)];
  if (isRecord(value)) {
    for (const key of ["formula", "sharedFormula", "hyperlink", "tooltip"] as const) {
      const extra = value[key];
      if (typeof extra === "string" && extra !== "") parts.push(extra);
    }
  }
  return parts.join("\n");
}

/** The column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

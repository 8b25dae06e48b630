/**
 * Reads the checklist templates shipped with the platform (policies/templates/*.yaml, src/domain/inspection.ts) the
 * way rubrics are read (rubric-loader.ts): YAML first, then the template schema, problems with line and column,
 * duplicate keys refused. An inspection freezes the template it used, so a later edit never rescores the past.
 */
import fs from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { AppError } from "../../domain/errors.js";
import { InspectionTemplateSchema, type InspectionTemplate } from "../../domain/inspection.js";
import { packageRoot } from "../runtime/package-info.js";
import { type PolicyIssueInput } from "./issue-messages.js";
import { type PolicyError, toErrors } from "./load-policy.js";
import { describeYamlError } from "./yaml-messages.js";

export type TemplateParseResult = { ok: true; template: InspectionTemplate } | { ok: false; errors: PolicyError[] };

const SHIPPED_ID = /^[a-z0-9][a-z0-9-]{2,60}$/;

/** Where the templates shipped with the platform live. */
export function shippedTemplatesDir(): string {
  return path.join(packageRoot, "policies", "templates");
}

/** Validates a template's text. */
export function parseTemplate(text: string): TemplateParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, version: "1.2" });
  if (doc.errors.length > 0)
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        line: error.linePos?.[0].line ?? 1,
        column: error.linePos?.[0].col ?? 1,
        path: "",
        message: describeYamlError(error, text),
      })),
    };
  const parsed = InspectionTemplateSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (parsed.success) return { ok: true, template: parsed.data };
  const issues: readonly PolicyIssueInput[] = parsed.error.issues;
  return { ok: false, errors: issues.flatMap((issue) => toErrors(issue, doc, lines)) };
}

/** The ids of the shipped templates. */
export function shippedTemplateIds(): string[] {
  try {
    return fs
      .readdirSync(shippedTemplatesDir())
      .filter((name) => name.endsWith(".yaml"))
      .map((name) => name.slice(0, -".yaml".length))
      .filter((id) => SHIPPED_ID.test(id))
      .sort();
  } catch {
    return [];
  }
}

const cache = new Map<string, InspectionTemplate>();

/** A shipped template by id: NOT_FOUND when there is none; INTERNAL when the shipped file is invalid. */
export function shippedTemplate(id: string): InspectionTemplate {
  const cached = cache.get(id);
  if (cached) return structuredClone(cached);
  const file = path.join(shippedTemplatesDir(), `${id}.yaml`);
  if (!SHIPPED_ID.test(id) || !fs.existsSync(file))
    throw new AppError("NOT_FOUND", { zh: `没有编号为“${id}”的检查表`, en: `no checklist template "${id}"` });
  const result = parseTemplate(fs.readFileSync(file, "utf8"));
  if (!result.ok || result.template.id !== id) {
    const first = result.ok ? undefined : result.errors[0];
    throw new AppError("INTERNAL", {
      zh: `内置检查表“${id}”有误`,
      en: `shipped template "${id}" is invalid (${first ? `${first.line}:${first.column} ${first.message.en}` : "id"})`,
    });
  }
  cache.set(id, result.template);
  return structuredClone(result.template);
}

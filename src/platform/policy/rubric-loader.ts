/**
 * Reads scoring rubrics (policies/rubrics/*.yaml, src/domain/rubric.ts) the way policy files are read: YAML first,
 * then the rubric schema, every problem reported with the line and column an author has to fix, duplicate keys
 * refused, nothing trusted before the schema has accepted it.
 */
import fs from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { AppError } from "../../domain/errors.js";
import { RubricSchema, type Rubric } from "../../domain/rubric.js";
import { packageRoot } from "../runtime/package-info.js";
import { type PolicyIssueInput } from "./issue-messages.js";
import { type PolicyError, toErrors, unresolvedAlias } from "./load-policy.js";
import { describeYamlError } from "./yaml-messages.js";

/** One problem in a rubric file: line and column from 1 (0 for the file as a whole), path, bilingual message. */
export type RubricError = PolicyError;

export type RubricParseResult = { ok: true; rubric: Rubric } | { ok: false; errors: RubricError[] };

/** A shipped rubric's id doubles as its file name, so it is held to the rubric id pattern before touching the disk. */
const SHIPPED_ID = /^[a-z0-9][a-z0-9-]{2,60}$/;

/** Where the rubrics shipped with the platform live. */
export function shippedRubricsDir(): string {
  return path.join(packageRoot, "policies", "rubrics");
}

/** Validates a rubric's text. */
export function parseRubric(text: string): RubricParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, version: "1.2" });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        line: error.linePos?.[0].line ?? 1,
        column: error.linePos?.[0].col ?? 1,
        path: "",
        message: describeYamlError(error, text),
      })),
    };
  }
  const aliasError = unresolvedAlias(doc, lines);
  if (aliasError) return { ok: false, errors: [aliasError] };

  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (data === null || data === undefined) {
    return {
      ok: false,
      errors: [{ line: 1, column: 1, path: "", message: { zh: "评分表文件为空", en: "the rubric file is empty" } }],
    };
  }
  const parsed = RubricSchema.safeParse(data);
  if (parsed.success) return { ok: true, rubric: parsed.data };
  const issues: readonly PolicyIssueInput[] = parsed.error.issues;
  const errors = issues.flatMap((issue) => toErrors(issue, doc, lines));
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/** Reads and validates a rubric file; an unreadable file is one error at line 0. */
export function loadRubricFile(file: string): RubricParseResult {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "EIO";
    const reason =
      code === "ENOENT"
        ? { zh: "文件不存在", en: "no such file" }
        : { zh: `文件无法读取（${code}）`, en: `cannot be read (${code})` };
    return {
      ok: false,
      errors: [
        { line: 0, column: 0, path: "", message: { zh: `评分表${reason.zh}`, en: `rubric file: ${reason.en}` } },
      ],
    };
  }
  return parseRubric(text);
}

/** The ids of the rubrics shipped with the platform (file names under policies/rubrics/). */
export function shippedRubricIds(): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(shippedRubricsDir());
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .filter((id) => SHIPPED_ID.test(id))
    .sort();
}

const cache = new Map<string, Rubric>();

/**
 * A rubric shipped with the platform, by id (`unit-assessment`): NOT_FOUND when there is none; a shipped file that
 * fails its schema is a defect of the package, reported as INTERNAL with its first error. Each caller gets its own copy.
 */
export function shippedRubric(id: string): Rubric {
  const cached = cache.get(id);
  if (cached) return structuredClone(cached);
  const file = path.join(shippedRubricsDir(), `${id}.yaml`);
  if (!SHIPPED_ID.test(id) || !fs.existsSync(file)) {
    throw new AppError("NOT_FOUND", { zh: `没有编号为“${id}”的评分表`, en: `no rubric "${id}"` });
  }
  const result = loadRubricFile(file);
  if (!result.ok) {
    const first = result.errors[0];
    const where = first ? `${first.line}:${first.column} ${first.message.en}` : "invalid";
    throw new AppError("INTERNAL", {
      zh: `内置评分表“${id}”有误`,
      en: `shipped rubric "${id}" is invalid (${where})`,
    });
  }
  if (result.rubric.id !== id) {
    throw new AppError("INTERNAL", {
      zh: `内置评分表“${id}”的编号与文件名不符`,
      en: `shipped rubric "${id}" declares the id "${result.rubric.id}"`,
    });
  }
  cache.set(id, result.rubric);
  return structuredClone(result.rubric);
}

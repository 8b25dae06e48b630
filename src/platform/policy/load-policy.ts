/**
 * Reads a policy file (policies/*.yaml, DESIGN.md §4): YAML first, then the policy schema, every problem reported
 * with the line and column an author has to fix. Duplicate keys are refused rather than letting the last one win
 * silently, and nothing about the file is trusted before the schema has accepted it.
 */
import fs from "node:fs";
import path from "node:path";
import { isAlias, isScalar, LineCounter, parseDocument, visit, type Document } from "yaml";
import { type Localized } from "../../domain/errors.js";
import { PolicySchema, type Policy } from "../../domain/policy/schema.js";
import { packageRoot } from "../runtime/package-info.js";
import { describeIssue, describeUnknownKey, type PolicyIssueInput } from "./issue-messages.js";
import { locate } from "./locate-node.js";
import { describeYamlError } from "./yaml-messages.js";

/** One problem in a policy file. Line and column count from 1; 0 means the file as a whole (it could not be read). */
export interface PolicyError {
  line: number;
  column: number;
  /** Where in the policy, e.g. `duties[3].bearer`; empty for the document itself. */
  path: string;
  message: Localized;
}

export type PolicyParseResult = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

/** The seed regulation, shipped as the default policy. */
export function defaultPolicyPath(): string {
  return path.join(packageRoot, "policies", "gdpt-2012-14.yaml");
}

/** Reads and validates a policy file; an unreadable file is one error at line 0. */
export function loadPolicyFile(file: string): PolicyParseResult {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "EIO";
    const reason =
      code === "ENOENT"
        ? { zh: "文件不存在", en: "no such file" }
        : { zh: `无法读取（${code}）`, en: `cannot be read (${code})` };
    return {
      ok: false,
      errors: [
        { line: 0, column: 0, path: "", message: { zh: `策略文件${reason.zh}`, en: `policy file: ${reason.en}` } },
      ],
    };
  }
  return parsePolicy(text, file);
}

/**
 * Validates a policy's text. `_fileName` is accepted for callers that know where the text came from; errors carry
 * positions only, and the caller prefixes the file name when it prints them.
 */
export function parsePolicy(text: string, _fileName?: string): PolicyParseResult {
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

  // Anchors are allowed (a law reference repeated across articles), but not alias bombs.
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  const parsed = PolicySchema.safeParse(data);
  if (parsed.success) return { ok: true, policy: parsed.data };
  const issues: readonly PolicyIssueInput[] = parsed.error.issues;
  const errors = issues.flatMap((issue) => toErrors(issue, doc, lines));
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/** A zod issue as errors at their YAML lines (an unknown key each at its own place); shared with the rubric loader. */
export function toErrors(issue: PolicyIssueInput, doc: Document, lines: LineCounter): PolicyError[] {
  if (issue.code === "unrecognized_keys") {
    return (issue.keys ?? []).map((key) => {
      const { position } = locate(doc, lines, issue.path, key);
      return { ...position, path: formatPath([...issue.path, key]), message: describeUnknownKey(key) };
    });
  }
  const { position, node } = locate(doc, lines, issue.path);
  // A scalar's value names what is wrong; a missing node means a missing key.
  const value: unknown = node === null ? undefined : isScalar(node) ? node.value : node;
  return [{ ...position, path: formatPath(issue.path), message: describeIssue(issue, value) }];
}

/** An alias (`*name`) with no anchor before it: yaml leaves it unresolved and would throw on conversion. */
export function unresolvedAlias(doc: Document, lines: LineCounter): PolicyError | null {
  const anchors = new Set<string>();
  let found: PolicyError | null = null;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        const { line, col } = lines.linePos(node.range?.[0] ?? 0);
        found = {
          line,
          column: col,
          path: "",
          message: { zh: `别名“*${node.source}”没有对应的锚点`, en: `alias "*${node.source}" has no anchor` },
        };
        return visit.BREAK;
      }
    } else if (node && typeof node === "object" && "anchor" in node && typeof node.anchor === "string") {
      anchors.add(node.anchor);
    }
    return undefined;
  });
  return found;
}

/** `["duties", 3, "bearer"]` → `duties[3].bearer`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (out, segment) =>
      typeof segment === "number" ? `${out}[${segment}]` : out ? `${out}.${String(segment)}` : String(segment),
    "",
  );
}

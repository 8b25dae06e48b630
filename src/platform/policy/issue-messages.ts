/**
 * Schema issues of a policy file in words a policy author can act on, Chinese first. The HTTP formatter
 * (platform/http/validation-messages.ts) answers API clients field by field in one locale; a policy file needs both
 * languages at once and wants YAML words (key, value, cadence, role), so it gets this small formatter of its own.
 */
import { type Localized } from "../../domain/errors.js";

/** The parts of a zod 4 issue this formatter reads. */
export interface PolicyIssueInput {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  pattern?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  options?: readonly unknown[];
  discriminator?: string;
  errors?: readonly (readonly PolicyIssueInput[])[];
  params?: Record<string, unknown>;
}

const TYPE_ZH: Record<string, string> = {
  string: "字符串",
  number: "数字",
  int: "整数",
  boolean: "布尔值",
  object: "映射（键值对）",
  array: "列表",
};

/** Keys whose values name a responsibility role: a wrong value there is an unknown role. */
const ROLE_KEYS = new Set(["bearer", "role"]);

/**
 * The message of one issue; `value` is what the file holds at the issue's path (for naming a wrong value). An
 * unknown key is described by `describeUnknownKey` instead, one message per key.
 */
export function describeIssue(issue: PolicyIssueInput, value: unknown): Localized {
  const last = issue.path[issue.path.length - 1];
  const shown = typeof value === "string" || typeof value === "number" ? String(value) : undefined;
  switch (issue.code) {
    case "invalid_type":
      if (issue.path.length === 0 && (value === undefined || value === null)) {
        return { zh: "策略文件为空", en: "the policy file is empty" };
      }
      if (value === undefined) {
        return typeof last === "string"
          ? { zh: `缺少必填项“${last}”`, en: `missing required key "${last}"` }
          : { zh: "缺少内容", en: "a value is required" };
      }
      return {
        zh: `应为${TYPE_ZH[issue.expected ?? ""] ?? issue.expected ?? "正确类型"}`,
        en: `must be ${withArticle(issue.expected ?? "value of the right type")}`,
      };
    case "invalid_union":
      if (issue.discriminator !== undefined) return describeDiscriminator(issue, shown);
      return describeChoice(issue.path, shown, unionValues(issue));
    case "invalid_value":
      return describeChoice(issue.path, shown, issue.values ?? []);
    case "too_small":
      return describeBound(issue, "min");
    case "too_big":
      return describeBound(issue, "max");
    case "invalid_format":
      return {
        // The schema's own pattern messages are Chinese; zod's default ones are English and stay out of the zh text.
        zh: /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : "格式不正确",
        en: `must match the pattern ${issue.pattern ?? "of this field"}`,
      };
    case "custom":
      return describeCustom(issue);
    default:
      return { zh: `取值无效（${issue.message}）`, en: `invalid value (${issue.message})` };
  }
}

/** An unknown key of a mapping. */
export function describeUnknownKey(key: string): Localized {
  return { zh: `不允许的键“${key}”`, en: `unknown key "${key}"` };
}

function describeDiscriminator(issue: PolicyIssueInput, shown: string | undefined): Localized {
  const options = (issue.options ?? []).map(String);
  const key = issue.discriminator ?? "";
  if (shown === undefined) return { zh: `缺少必填项“${key}”`, en: `missing required key "${key}"` };
  // `every` is the cadence's discriminator: a value outside it is a cadence the platform cannot compute.
  if (key === "every") {
    return {
      zh: `无法计算的周期“${shown}”，应为 ${options.join("、")} 之一`,
      en: `cannot compute the cadence "${shown}"; it must be one of ${options.join(", ")}`,
    };
  }
  return {
    zh: `“${key}”的取值“${shown}”无效，应为 ${options.join("、")} 之一`,
    en: `"${key}" cannot be "${shown}"; it must be one of ${options.join(", ")}`,
  };
}

function describeChoice(
  path: readonly PropertyKey[],
  shown: string | undefined,
  values: readonly unknown[],
): Localized {
  const zhList = values.map(String).join("、");
  const enList = values.map(String).join(", ");
  if (isRolePath(path) && shown !== undefined) {
    return {
      zh: `未知角色“${shown}”，应为 ${zhList} 之一`,
      en: `unknown role "${shown}"; it must be one of ${enList}`,
    };
  }
  const last = path[path.length - 1];
  if (shown === undefined && typeof last === "string") {
    return { zh: `缺少必填项“${last}”，应为 ${zhList} 之一`, en: `missing required key "${last}"; one of ${enList}` };
  }
  if (shown === undefined) return { zh: `取值应为 ${zhList} 之一`, en: `must be one of ${enList}` };
  return {
    zh: `取值“${shown}”无效，应为 ${zhList} 之一`,
    en: `"${shown}" is not allowed; it must be one of ${enList}`,
  };
}

/** A duty's bearer, a route's approver role, a document's role, or a role's own id. */
function isRolePath(path: readonly PropertyKey[]): boolean {
  const last = path[path.length - 1];
  return (
    (typeof last === "string" && ROLE_KEYS.has(last)) || (path[0] === "roles" && path.length === 3 && last === "id")
  );
}

/** The allowed values of a union of enums (a duty's bearer: a role, or one of the collective bearers). */
function unionValues(issue: PolicyIssueInput): unknown[] {
  return (issue.errors ?? []).flatMap((branch) =>
    branch.flatMap((inner) => (inner.code === "invalid_value" ? (inner.values ?? []) : [])),
  );
}

function describeBound(issue: PolicyIssueInput, side: "min" | "max"): Localized {
  const bound = String(side === "min" ? issue.minimum : issue.maximum);
  if (issue.origin === "string" && side === "min" && bound === "1") return { zh: "不能为空", en: "must not be empty" };
  const unit =
    issue.origin === "array"
      ? { zh: " 项", en: " items" }
      : issue.origin === "string"
        ? { zh: " 个字符", en: " characters" }
        : { zh: "", en: "" };
  return side === "min"
    ? { zh: `不能少于 ${bound}${unit.zh}`, en: `must be at least ${bound}${unit.en}` }
    : { zh: `不能超过 ${bound}${unit.zh}`, en: `must be at most ${bound}${unit.en}` };
}

/**
 * The cross-reference checks of the schema speak Chinese only; their English is derived here from their fixed
 * wording, and an `en` param on the issue wins when the schema supplies one.
 */
function describeCustom(issue: PolicyIssueInput): Localized {
  const given = issue.params?.en;
  if (typeof given === "string") return { zh: issue.message, en: given };
  const undefinedRef = /^(条款|职务|角色)“(.+)”未定义$/.exec(issue.message);
  if (undefinedRef) {
    const what = { 条款: "article", 职务: "position", 角色: "role" }[undefinedRef[1] as "条款" | "职务" | "角色"];
    return { zh: issue.message, en: `${what} "${undefinedRef[2]}" is not defined` };
  }
  const duplicate = /^编号“(.+)”重复$/.exec(issue.message);
  if (duplicate) return { zh: issue.message, en: `duplicate id "${duplicate[1]}"` };
  const foreign = /^条款编号“(.+)”不属于 (\S+)$/.exec(issue.message);
  if (foreign) return { zh: issue.message, en: `item id "${foreign[1]}" does not belong to ${foreign[2]}` };
  return { zh: issue.message, en: `invalid value (${issue.message})` };
}

function withArticle(type: string): string {
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Turns schema validation issues into messages a person can act on, in Chinese and English, each naming the field.
 * Zod's own wording ("expected string, received undefined") is written for programmers; this is written for users
 * of the API and of the forms built on it.
 */
import { type FieldIssue, type Localized } from "../../domain/errors.js";
import { type Locale } from "../../domain/locale.js";

/** The parts of a zod issue this formatter reads (it survives Fastify's re-packaging of validation errors). */
export interface RawIssue {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  keys?: readonly string[];
  values?: readonly unknown[];
}

const TYPE_ZH: Record<string, string> = {
  string: "字符串",
  number: "数字",
  int: "整数",
  boolean: "布尔值",
  object: "对象",
  array: "数组",
  date: "日期",
  bigint: "整数",
  null: "空值",
};

const FORMAT_ZH: Record<string, string> = {
  email: "电子邮件地址",
  uuid: "UUID",
  url: "网址",
  date: "日期（YYYY-MM-DD）",
  datetime: "时间（ISO 8601）",
  regex: "规定格式",
};

/** One field issue per schema issue, in the requested language; `where` is `body`, `query`, `params` or `headers`. */
export function describeIssues(where: string, issues: readonly RawIssue[], locale: Locale): FieldIssue[] {
  return issues.flatMap((issue) => {
    const base = [where, ...issue.path.map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      return (issue.keys ?? []).map((key) => ({
        field: `${base}.${key}`,
        message: pick(locale, { zh: `不允许的字段“${key}”`, en: `field "${key}" is not allowed` }, base || where),
      }));
    }
    return [{ field: base, message: pick(locale, describe(issue), base) }];
  });
}

function pick(locale: Locale, text: Localized, field: string): string {
  return locale === "en-US" ? `${field}: ${text.en}` : `${field}：${text.zh}`;
}

function describe(issue: RawIssue): Localized {
  const unit =
    issue.origin === "string"
      ? { zh: " 个字符", en: " characters" }
      : issue.origin === "array"
        ? { zh: " 项", en: " items" }
        : { zh: "", en: "" };
  switch (issue.code) {
    case "invalid_type":
      if (issue.message?.includes("received undefined")) return { zh: "必填", en: "is required" };
      return {
        zh: `应为${TYPE_ZH[issue.expected ?? ""] ?? issue.expected ?? "正确类型"}`,
        en: `must be ${article(issue.expected ?? "the right type")}`,
      };
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return { zh: "不能为空", en: "must not be empty" };
      return {
        zh: `不能少于 ${String(issue.minimum)}${unit.zh}`,
        en: `must be at least ${String(issue.minimum)}${unit.en}`,
      };
    case "too_big":
      return {
        zh: `不能超过 ${String(issue.maximum)}${unit.zh}`,
        en: `must be at most ${String(issue.maximum)}${unit.en}`,
      };
    case "invalid_format":
      return {
        zh: `格式不正确，应为${FORMAT_ZH[issue.format ?? ""] ?? issue.format ?? "规定格式"}`,
        en: `must be a valid ${issue.format ?? "value"}`,
      };
    case "invalid_value":
      return {
        zh: `取值须为 ${(issue.values ?? []).map((v) => JSON.stringify(v)).join("、")} 之一`,
        en: `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`,
      };
    case "custom":
      return { zh: issue.message ?? "取值不正确", en: issue.message ?? "is invalid" };
    default:
      return { zh: "取值不正确", en: "is invalid" };
  }
}

function article(type: string): string {
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`;
}

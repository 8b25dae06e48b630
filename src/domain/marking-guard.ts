/**
 * The marking guard (DESIGN.md §1): finds a national secrecy marking (国家秘密标志, `密级★保密期限` and its variants,
 * RULES.md rule 5) in text, so that the platform — a non-classified system — can refuse to store it. Pure: no I/O.
 *
 * What counts: a level word (绝密 / 机密 / 秘密, traditional forms too) followed by a star (★ ☆ * ＊ and look-alikes),
 * allowing the usual evasions — blanks or zero-width characters inside the word or around the star, full-width forms,
 * compatibility characters. What does not: the words on their own (保密, 机密性, 秘密 in prose, 工作秘密), since only the
 * star makes a marking; work secrets never carry it (RULES.md rule 47), so a "工作秘密★" is still refused.
 */
import { AppError, type Localized } from "./errors.js";

/** The level a marking names, in the glossary's identifiers. */
export type MarkingLevel = "TOP_SECRET" | "SECRET" | "CONFIDENTIAL";

/** The first marking found: the text as it appears in the input, where it starts, and its level. */
export interface MarkingHit {
  text: string;
  index: number;
  level: MarkingLevel;
}

/**
 * Characters an evader can slip in without changing what a reader sees: soft hyphen, Mongolian vowel separator,
 * zero-width and joiner marks, bidi controls, word joiner and invisible operators, variation selectors, BOM.
 */
function isInvisible(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff
  );
}

// After NFKC: full-width ＊ and small ﹡ become "*", U+3000 and NBSP become " ". A line break is not a filler: a
// level word at the end of one cell or paragraph and a star at the start of the next are separate texts.
const BLANK = "[ \\t]";
const STARS = "★☆✦✧✩✪✫✬✭✮✯✰✱✲✳✴✵✶✷✸✹✺⋆⭐⭑⭒∗⁎*";
const NUMBER = "[0-9〇零一二三四五六七八九十百两]{1,4}";
// Only the standard tails are kept in the matched text: a free-form declassification condition could itself say
// something sensitive, and the hit is echoed back to the user and written to the audit log.
const TAIL = [
  `${NUMBER}${BLANK}{0,2}(?:年|个月|個月|月)`,
  "长期|長期|永久",
  `解密(?:时间|時間)${BLANK}{0,2}[:：]?${BLANK}{0,2}[0-9年月日.\\-/]{0,16}`,
  "解密(?:条件|條件)",
].join("|");
const MARKING = new RegExp(`([绝絕机機秘祕])${BLANK}{0,3}密${BLANK}{0,3}([${STARS}])${BLANK}{0,3}(?:${TAIL})?`, "gu");

const LEVELS: Record<string, MarkingLevel> = {
  绝: "TOP_SECRET",
  絕: "TOP_SECRET",
  机: "SECRET",
  機: "SECRET",
  秘: "CONFIDENTIAL",
  祕: "CONFIDENTIAL",
};

/** The text as the regex sees it, with the index in the original of each UTF-16 unit. */
interface Normalized {
  text: string;
  start: number[];
  end: number[];
}

function normalize(input: string): Normalized {
  let text = "";
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const char of input) {
    const from = i;
    i += char.length;
    const code = char.charCodeAt(0);
    if (isInvisible(code)) continue;
    // Per character, so every output unit maps back to the character it came from.
    const mapped = code < 0x80 ? char : char.normalize("NFKC");
    text += mapped;
    for (let k = 0; k < mapped.length; k++) {
      start.push(from);
      end.push(i);
    }
  }
  return { text, start, end };
}

/**
 * A Markdown emphasis around a level word (`**机密**性`, `*机密*`) is prose, not a marking: the ASCII asterisk is
 * then a delimiter. Only the plain ASCII "*" gets this benefit of the doubt; ★ and ＊ never do.
 */
function isEmphasis(input: string, norm: Normalized, match: RegExpExecArray): boolean {
  const starAt = match.index + match[0].indexOf(match[2] ?? "", (match[1] ?? "").length);
  if (input[norm.start[starAt] ?? -1] !== "*") return false;
  return norm.text[match.index - 1] === "*" || norm.text[starAt + 1] === "*";
}

function findInLine(input: string): MarkingHit | null {
  const norm = normalize(input);
  // One shared regex: the search is synchronous, so no other call can move its lastIndex in between.
  const regex = MARKING;
  regex.lastIndex = 0;
  for (let match = regex.exec(norm.text); match; match = regex.exec(norm.text)) {
    if (isEmphasis(input, norm, match)) {
      regex.lastIndex = match.index + 1;
      continue;
    }
    const from = norm.start[match.index] ?? 0;
    const to = norm.end[match.index + match[0].length - 1] ?? input.length;
    return { text: input.slice(from, to).trim(), index: from, level: LEVELS[match[1] ?? ""] ?? "SECRET" };
  }
  return null;
}

/** The first secrecy marking in the text, or null. Never throws. */
export function findSecrecyMarking(input: string): MarkingHit | null {
  if (typeof input !== "string") return null;
  // Every level word ends in 密, and a marking never spans a line break: only the lines holding a 密 are normalized,
  // so a long document costs little more than a substring search.
  for (let at = input.indexOf("密"); at !== -1;) {
    const start = input.lastIndexOf("\n", at) + 1;
    const newline = input.indexOf("\n", at);
    const end = newline === -1 ? input.length : newline;
    const hit = findInLine(input.slice(start, end));
    if (hit) return { ...hit, index: hit.index + start };
    at = newline === -1 ? -1 : input.indexOf("密", end);
  }
  return null;
}

/** Whether the text carries a secrecy marking. */
export function hasSecrecyMarking(input: string): boolean {
  return findSecrecyMarking(input) !== null;
}

/** The law the refusal cites, in both languages. */
export const MARKING_LAW: Localized = {
  zh: "《中华人民共和国保守国家秘密法》（2024）第三十一条第（三）项、《中华人民共和国保守国家秘密法实施条例》（2024）第四十一条",
  en: "Law on Guarding State Secrets (2024), Art. 31(3); its Implementing Regulations (2024), Art. 41",
};

/** Why a marking is refused, with where it was found (e.g. 工作表“人员”第 5 行 B 列), citing the law. */
export function markingMessage(hit: MarkingHit, where: Localized | null): Localized {
  const atZh = where ? `（${where.zh}）` : "";
  const atEn = where ? ` (${where.en})` : "";
  return {
    zh:
      `检测到国家秘密标志“${hit.text}”${atZh}，已拒绝。本平台为非涉密信息系统，不得存储、处理国家秘密` +
      `（${MARKING_LAW.zh}）。请勿录入或上传涉密内容；如属误标，请删除该标志后重试。`,
    en:
      `A state-secret marking "${hit.text}" was found${atEn} and refused. This platform is a non-classified system ` +
      `and must not store or process state secrets (${MARKING_LAW.en}). Do not enter or upload classified content; ` +
      `if the marking is a mistake, remove it and try again.`,
  };
}

/** The refusal as an AppError; `details.marking` holds the marking, its level and where it was found. */
export function markingRefusal(
  hit: MarkingHit,
  where: Localized | null,
  location: Record<string, unknown> = {},
): AppError {
  return new AppError("VALIDATION_FAILED", markingMessage(hit, where), {
    marking: { text: hit.text, level: hit.level, ...location },
  });
}

/** YAML syntax errors of a policy file, Chinese first; the parser's own English stays as the English text. */
import { type YAMLError } from "yaml";
import { type Localized } from "../../domain/errors.js";

const CODE_ZH: Record<string, string> = {
  DUPLICATE_KEY: "键重复",
  BAD_INDENT: "缩进不正确",
  TAB_AS_INDENT: "不能用制表符缩进，请使用空格",
  MULTIPLE_DOCS: "一个策略文件只能包含一个 YAML 文档",
  BLOCK_AS_IMPLICIT_KEY: "映射的嵌套写法不正确",
  MULTILINE_IMPLICIT_KEY: "键必须写在一行之内",
  MISSING_CHAR: "缺少配对的符号（引号或括号）",
  UNEXPECTED_TOKEN: "此处出现了不应有的内容",
  BAD_SCALAR_START: "值的开头字符不正确，请加引号",
  BAD_ALIAS: "别名引用不正确",
  BAD_DIRECTIVE: "指令不正确",
  TAG_RESOLVE_FAILED: "无法识别的标签",
};

/** A parser error as a bilingual message; `source` lets a duplicate key be named. */
export function describeYamlError(error: YAMLError, source: string): Localized {
  // The parser appends " at line L, column C:" and a code excerpt; the caller reports the position itself.
  const en = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
  if (error.code === "DUPLICATE_KEY") {
    const key = /^\s*["']?([^"':\n]*)/.exec(source.slice(error.pos[0]))?.[1]?.trim() ?? "";
    return { zh: `键“${key}”重复`, en: `duplicate key "${key}"` };
  }
  const zh = CODE_ZH[error.code];
  return { zh: zh ? `YAML 语法错误：${zh}` : "YAML 语法错误", en: `YAML syntax error: ${en}` };
}

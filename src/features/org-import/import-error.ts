/** One problem of an import file, placed on its sheet, row and column, with a message that says where. */
import { AppError, type Localized } from "../../domain/errors.js";

/** The sheet name used for problems of the file as a whole. */
export const FILE = "文件";

export interface ImportError {
  /** The sheet (单位 / 人员 / 任职), or 文件 for the file as a whole. */
  sheet: string;
  /** The row number as Excel shows it (the header is row 1); 0 for the file as a whole. */
  row: number;
  /** The column letter, when the problem is in one cell. */
  column: string | null;
  /** The column's header (e.g. 上级单位代码), or null for a whole row or file. */
  field: string | null;
  message: Localized;
}

/** An error naming sheet, row and field in its message, so that a list of them reads on its own. */
export function importError(
  sheet: string,
  row: number,
  column: string | null,
  field: string | null,
  problem: Localized,
): ImportError {
  const where =
    sheet === FILE
      ? { zh: "导入文件", en: "The file" }
      : row === 0
        ? { zh: `工作表“${sheet}”`, en: `Sheet "${sheet}"` }
        : {
            zh: `工作表“${sheet}”第 ${row} 行${field ? `“${field}”` : ""}`,
            en: `Sheet "${sheet}", row ${row}${field ? `, "${field}"` : ""}`,
          };
  return {
    sheet,
    row,
    column,
    field,
    message: { zh: `${where.zh}：${problem.zh}`, en: `${where.en}: ${problem.en}` },
  };
}

/** The refusal of a whole file: the first errors listed (at most `limit`), how many there are, and the first in words. */
export function importRefusal(errors: readonly ImportError[], limit: number): AppError {
  const first = errors[0]?.message ?? { zh: "", en: "" };
  const omitted = Math.max(0, errors.length - limit);
  const more =
    omitted > 0 ? { zh: `（仅列出前 ${limit} 处）`, en: ` (the first ${limit} are listed)` } : { zh: "", en: "" };
  return new AppError(
    "VALIDATION_FAILED",
    {
      zh: `导入文件有 ${errors.length} 处错误，未导入任何数据${more.zh}。第一处：${first.zh}`,
      en: `The import file has ${errors.length} errors and nothing was imported${more.en}. First: ${first.en}`,
    },
    { errors: errors.slice(0, limit), total: errors.length, omitted },
  );
}

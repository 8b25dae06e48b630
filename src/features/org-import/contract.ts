/** The organization import: what it answers, and how a refused file's errors are listed. Shared with the web. */
import { z } from "zod";

export const ImportResultSchema = z.object({
  units: z.number().int(),
  people: z.number().int(),
  appointments: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** One problem in `details.errors` of a refused import (VALIDATION_FAILED). */
export const ImportErrorSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type ImportErrorView = z.infer<typeof ImportErrorSchema>;

/** The file name the template downloads as. */
export const TEMPLATE_FILE_NAME = "组织机构导入模板.xlsx";

/** Units as the rest of the platform sees them. The organization capability extends this. Shared with the web. */
import { z } from "zod";

export const UNIT_KINDS = ["authority", "institution", "unit"] as const;

export const UnitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
});
export type UnitView = z.infer<typeof UnitSchema>;

export const UnitListSchema = z.object({ items: z.array(UnitSchema) });

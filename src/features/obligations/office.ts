/** Where an institution's secrecy office is: the unit coded SECRECY_OFFICE in its tree, else the institution itself. */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";
import { SECRECY_OFFICE_CODE } from "./bearers.js";

/** The secrecy office's unit id (Art. 13). */
export async function officeUnitOf(db: Kysely<Database>, institutionId: string): Promise<string> {
  const inst = await db.selectFrom("unit").select("path").where("id", "=", institutionId).executeTakeFirst();
  if (!inst) return institutionId;
  const office = await db
    .selectFrom("unit")
    .select("id")
    .where("path", "like", `${inst.path}%`)
    .where("code", "=", SECRECY_OFFICE_CODE)
    .executeTakeFirst();
  return office?.id ?? institutionId;
}

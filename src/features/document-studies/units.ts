/** Where a document's institution-level briefing (院级传达) is held: the institution itself and its secrecy office. */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";
import { SECRECY_OFFICE_CODE } from "../obligations/bearers.js";

/** The institution and its secrecy office (coded SECRECY_OFFICE): where the institution-level briefing is held. */
export async function institutionLevelUnits(db: Kysely<Database>, institutionId: string, institutionPath: string) {
  const rows = await db
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where((eb) =>
      eb.or([
        eb("id", "=", institutionId),
        eb.and([eb("code", "=", SECRECY_OFFICE_CODE), eb("path", "like", `${institutionPath}%`)]),
      ]),
    )
    .orderBy("path")
    .execute();
  return rows;
}

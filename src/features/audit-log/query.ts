/**
 * The auditor's filters as SQL, shared by the list and the export. The filters run on `audit_lookup`, which holds the
 * filter indexes (migration 0009), joined to `audit_entry` for the entries themselves.
 */
import { type Kysely } from "kysely";
import { catchUpLookup } from "../../platform/audit/lookup.js";
import { type Db } from "../../platform/db/database.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { type AuditEntryView } from "./contract.js";

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  result?: "success" | "failure" | "denied" | undefined;
}

/**
 * At most `limit` entries matching the filter, newest first; `beforeSeq` continues a page. The lookup trails the
 * chain by up to a timer tick, so it is caught up first: every entry committed before the call can be found.
 */
export async function findAuditEntries(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; beforeSeq?: number | undefined },
): Promise<Row[]> {
  await catchUpLookup(db);
  return auditEntries(db.kysely, filter, page.beforeSeq).limit(page.limit).execute();
}

/** The query behind `findAuditEntries`, without the catch-up: entries matching the filter, newest first. */
export function auditEntries(db: Kysely<Database>, filter: AuditFilter, beforeSeq?: number) {
  const { from, to, actor, action, objectType, objectId, result } = filter;
  return (
    db
      .selectFrom("audit_lookup as l")
      .innerJoin("audit_entry as e", "e.seq", "l.seq")
      .selectAll("e")
      // Stored instants are UTC text; a filter given with any offset is normalized to compare as text.
      .$if(from !== undefined, (q) => q.where("l.at", ">=", toInstant(new Date(from ?? ""))))
      .$if(to !== undefined, (q) => q.where("l.at", "<", toInstant(new Date(to ?? ""))))
      .$if(actor !== undefined, (q) => q.where("l.actor_username", "=", (actor ?? "").toLowerCase()))
      .$if(action !== undefined, (q) =>
        action?.endsWith(".")
          ? q.where("l.action", ">=", action).where("l.action", "<", action.slice(0, -1) + "/")
          : q.where("l.action", "=", action ?? ""),
      )
      .$if(objectType !== undefined, (q) => q.where("l.object_type", "=", objectType ?? ""))
      .$if(objectId !== undefined, (q) => q.where("l.object_id", "=", objectId ?? ""))
      .$if(result !== undefined, (q) => q.where("l.result", "=", result ?? "success"))
      .$if(beforeSeq !== undefined, (q) => q.where("l.seq", "<", beforeSeq ?? 0))
      .orderBy("l.seq", "desc")
  );
}

type Row = Awaited<ReturnType<ReturnType<typeof auditEntries>["executeTakeFirstOrThrow"]>>;

/** One entry as the API shows it. */
export function presentAuditEntry(row: Row): AuditEntryView {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    actorAccountId: row.actor_account_id,
    actorUsername: row.actor_username,
    actorRole: row.actor_role,
    unitId: row.unit_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    result: row.result,
    sourceIp: row.source_ip,
    requestId: row.request_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

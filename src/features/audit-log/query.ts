/** The auditor's filters as SQL, shared by the list and the export. */
import { type Kysely } from "kysely";
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

/** Entries matching the filter, newest first; `beforeSeq` continues a page. */
export function auditEntries(db: Kysely<Database>, filter: AuditFilter, beforeSeq?: number) {
  const { from, to, actor, action, objectType, objectId, result } = filter;
  return (
    db
      .selectFrom("audit_entry")
      .selectAll()
      // Stored instants are UTC text; a filter given with any offset is normalized to compare as text.
      .$if(from !== undefined, (q) => q.where("at", ">=", toInstant(new Date(from ?? ""))))
      .$if(to !== undefined, (q) => q.where("at", "<", toInstant(new Date(to ?? ""))))
      .$if(actor !== undefined, (q) => q.where("actor_username", "=", (actor ?? "").toLowerCase()))
      .$if(action !== undefined, (q) =>
        action?.endsWith(".")
          ? q.where("action", ">=", action).where("action", "<", action.slice(0, -1) + "/")
          : q.where("action", "=", action ?? ""),
      )
      .$if(objectType !== undefined, (q) => q.where("object_type", "=", objectType ?? ""))
      .$if(objectId !== undefined, (q) => q.where("object_id", "=", objectId ?? ""))
      .$if(result !== undefined, (q) => q.where("result", "=", result ?? "success"))
      .$if(beforeSeq !== undefined, (q) => q.where("seq", "<", beforeSeq ?? 0))
      .orderBy("seq", "desc")
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

/**
 * Raising a finding (发现问题), whatever found it: an inspector during an inspection, a cleared person's self-check, or a
 * unit's self-assessment (实施细则第七条第（二）项、第十一条第（四）项、第十三条第（六）项；实施条例第五十九条). The rule is
 * one: the owner is the unit head the resolver names on the day (frozen); a finding of the same unit and item as an
 * earlier one from another record of the same kind is a repeat; and the finding raises `finding.raised`, whose duty
 * (`art6.2.rectify-finding`) puts its rectification on the owner's obligations, due on its deadline — so an overdue
 * rectification is noticed and escalated up the chain by the obligations engine like any other duty.
 */
import { type Kysely, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { dateIn } from "../../domain/calendar.js";
import { type Localized } from "../../domain/errors.js";
import { type FindingCategory, type FindingSource, type Severity } from "../../domain/inspection.js";
import { type Policy } from "../../domain/policy/schema.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { eventObligations, insertEvent } from "../obligations/events.js";
import { responsibleFor } from "../responsibility/resolver.js";

type Db = Kysely<Database>;

/** The event every finding raises; the policy answers it with the owner's duty to rectify. */
export const FINDING_EVENT = "finding.raised";

export interface FindingDraft {
  source: FindingSource;
  sourceId: string;
  institutionId: string;
  unit: { id: string; kind: string };
  year: number;
  itemId: string;
  itemText: Localized;
  category: FindingCategory;
  severity: Severity;
  description: string;
  deadline: string;
}

/** A finding ready to insert, with the event and obligations it raises (read before the writing transaction). */
export interface PreparedFinding {
  id: string;
  repeatOf: string | null;
  insert: (trx: Transaction<Database>, createdBy: string | null) => Promise<void>;
}

/**
 * Reads what a finding needs — its owner, an earlier finding it repeats, the obligations it raises — outside the
 * writing transaction, and returns the insert to run inside it.
 */
export async function prepareFinding(
  db: Db,
  policy: Policy,
  policyVersion: string,
  draft: FindingDraft,
  now: Date,
): Promise<PreparedFinding> {
  const today = dateIn(now);
  const owner = (await responsibleFor(db, policy, draft.unit.id, "unitHead", today))[0] ?? null;
  const earlier = await db
    .selectFrom("inspection_finding")
    .select("id")
    .where("unit_id", "=", draft.unit.id)
    .where("item_id", "=", draft.itemId)
    // Checklists and rubrics may give one id different meanings: a repeat is of the same kind of record.
    .where("source", "=", draft.source)
    .where("source_id", "!=", draft.sourceId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const id = uuidv7();
  const event = {
    id: uuidv7(),
    name: FINDING_EVENT,
    institution: { id: draft.institutionId },
    unit: draft.unit,
    occurredAt: now,
    summary: `${draft.itemText.zh}：${draft.description}`.slice(0, 500),
  };
  const obligations = await eventObligations(db, policy, policyVersion, event, { dueOn: draft.deadline, now });
  const at = toInstant(now);
  return {
    id,
    repeatOf: earlier?.id ?? null,
    insert: async (trx, createdBy) => {
      await insertEvent(trx, event, obligations, createdBy, now);
      await trx
        .insertInto("inspection_finding")
        .values({
          id,
          institution_id: draft.institutionId,
          source: draft.source,
          source_id: draft.sourceId,
          inspection_id: draft.source === "inspection" ? draft.sourceId : null,
          unit_id: draft.unit.id,
          year: draft.year,
          item_id: draft.itemId,
          item_text: JSON.stringify(draft.itemText),
          category: draft.category,
          severity: draft.severity,
          description: draft.description,
          deadline: draft.deadline,
          status: "open",
          owner_person_id: owner?.personId ?? null,
          owner_name: owner?.personName ?? null,
          repeat_of: earlier?.id ?? null,
          event_id: event.id,
          plan_text: null,
          progress: null,
          evidence: null,
          submitted_by: null,
          submitted_at: null,
          return_reason: null,
          verified_by: null,
          verified_at: null,
          verification_note: null,
          created_by: createdBy,
          created_at: at,
          updated_at: at,
        })
        .execute();
    },
  };
}

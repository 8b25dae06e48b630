/** Regulations as the API shows them: the version in force, the history of versions, the obligations discharged. */
import { raisedOrDischarged } from "../obligations/discharge-view.js";
import { type FastifyRequest } from "fastify";
import { type Kysely, sql } from "kysely";
import { type Actor } from "../../domain/access.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { keysetPage } from "../../domain/paging.js";
import { scopesFor } from "../../domain/access.js";
import { authOf } from "../../platform/access/request-auth.js";
import { type Database } from "../../platform/db/schema.js";
import { reachableInstitutions } from "../meetings/queries.js";
import { activePolicy } from "../policy/active-policy.js";
import {
  CATEGORY_NAMES,
  type HigherRegulationView,
  type RegulationCategory,
  type RegulationLevel,
  type RegulationStatus,
  type RegulationView,
  REGULATION_STATUS_NAMES,
  VERSION_KIND_NAMES,
} from "./contract.js";
import {
  canManageRegulation,
  REGULATION_MANAGE,
  REGULATION_READ,
  regulationColumns,
  type RegulationRow,
} from "./service.js";

type Db = Kysely<Database>;
const RECORD_KIND = "regulation.adopted";

/** 第十三条第（四）项 for the institution's rules, 第六条第（一）项 for a unit's own. */
export function articleOf(row: Pick<RegulationRow, "unit_id" | "institution_id">): string {
  return row.unit_id === row.institution_id ? "art13.4" : "art6.1";
}

export interface RegulationFilter {
  status?: RegulationStatus | undefined;
  category?: RegulationCategory | undefined;
  level?: RegulationLevel | undefined;
  unitId?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

// The implementing rules come first, then the newest: cursor `flag|id`, flag 0 for the seed entry.
const seedLast = sql<number>`(case when regulation.seed_key is null then 1 else 0 end)`;

/** The regulations the actor reads: in force and repealed across the institution, drafts only where they keep them. */
export async function listRegulations(db: Db, actor: Actor, institutions: string[], filter: RegulationFilter) {
  if (institutions.length === 0) return { rows: [] as RegulationRow[], nextCursor: null };
  const [flag, id] = (filter.cursor ?? "").split("|");
  const like = `%${(filter.q ?? "").replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const manage = scopesFor(actor, REGULATION_MANAGE);
  const rows = await regulationColumns(db)
    .where("regulation.institution_id", "in", institutions)
    .where((eb) =>
      manage === "all"
        ? eb("regulation.id", "is not", null)
        : eb.or([
            eb("regulation.status", "!=", "draft"),
            ...manage.map((scope) => eb("issuer.path", "like", `${scope}%`)),
          ]),
    )
    .$if(filter.status !== undefined, (q) => q.where("regulation.status", "=", filter.status ?? "draft"))
    .$if(filter.category !== undefined, (q) => q.where("regulation.category", "=", filter.category ?? "general"))
    .$if(filter.level === "institution", (q) => q.whereRef("regulation.unit_id", "=", "regulation.institution_id"))
    .$if(filter.level === "unit", (q) => q.whereRef("regulation.unit_id", "!=", "regulation.institution_id"))
    .$if(filter.unitId !== undefined, (q) => q.where("regulation.unit_id", "=", filter.unitId ?? ""))
    .$if(filter.q !== undefined, (q) =>
      q.where((eb) => eb.or([eb("regulation.title", "like", like), eb("regulation.document_no", "like", like)])),
    )
    .$if(Boolean(flag && id), (q) =>
      q.where((eb) =>
        eb.or([
          eb(seedLast, ">", Number(flag)),
          eb.and([eb(seedLast, "=", Number(flag)), eb("regulation.id", "<", id ?? "")]),
        ]),
      ),
    )
    .orderBy(seedLast)
    .orderBy("regulation.id", "desc")
    .limit(filter.limit + 1)
    .execute();
  return keysetPage(rows, filter.limit, (row) => `${row.seed_key === null ? 1 : 0}|${row.id}`);
}

/** The versions of the page's regulations, without their content. */
async function versionHeads(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("regulation_version")
    .select(["regulation_id", "version_no", "effective_on", "adopted_at", "superseded_at"])
    .where("regulation_id", "in", ids)
    .execute();
}

function summaryOf(policy: Policy, row: RegulationRow, heads: Awaited<ReturnType<typeof versionHeads>>) {
  const own = heads.filter((h) => h.regulation_id === row.id);
  const current = own.find((h) => h.superseded_at === null) ?? own.at(-1);
  const article = articleOf(row);
  return {
    id: row.id,
    institution: { id: row.institution_id, name: row.institution_name },
    unit: { id: row.unit_id, name: row.unit_name },
    level: row.unit_id === row.institution_id ? ("institution" as const) : ("unit" as const),
    title: row.title,
    documentNo: row.document_no,
    category: row.category,
    categoryName: CATEGORY_NAMES[row.category].zh,
    status: row.status,
    statusName: REGULATION_STATUS_NAMES[row.status].zh,
    versionNo: current ? Number(current.version_no) : null,
    effectiveOn: current?.effective_on ?? null,
    repealedOn: row.repealed_on,
    seed: row.seed_key !== null,
    citation: citationOf(policy, article) ?? article,
  };
}

export async function presentRegulationSummaries(db: Db, policy: Policy, rows: RegulationRow[]) {
  const heads = await versionHeads(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => summaryOf(policy, row, heads));
}

export async function presentRegulation(request: FastifyRequest, row: RegulationRow): Promise<RegulationView> {
  const db = request.server.db.kysely;
  const { policy } = await activePolicy(db);
  const actor = authOf(request).actor;
  const versions = await db
    .selectFrom("regulation_version as v")
    .leftJoin("person", "person.id", "v.adopted_by_person")
    .leftJoin("account", "account.id", "v.adopted_by")
    .select([
      "v.id",
      "v.version_no",
      "v.kind",
      "v.text",
      "v.file_name",
      "v.file_type",
      "v.file_size",
      "v.file_sha256",
      "v.change_summary",
      "v.effective_on",
      "v.adopted_at",
      "v.superseded_at",
      "person.name as person_name",
      "account.display_name",
    ])
    .where("v.regulation_id", "=", row.id)
    .orderBy("v.version_no", "desc")
    .execute();
  const heads = versions.map((v) => ({
    regulation_id: row.id,
    version_no: v.version_no,
    effective_on: v.effective_on,
    adopted_at: v.adopted_at,
    superseded_at: v.superseded_at,
  }));
  const versionIds = versions.map((v) => v.id);
  const answers = versionIds.length
    ? await db
        .selectFrom("higher_regulation")
        .select(["id", "issuer", "document_no", "title"])
        .where("answered_by_version", "in", versionIds)
        .orderBy("issued_on")
        .execute()
    : [];
  const manage = canManageRegulation(actor, row);
  const seed = row.seed_key !== null;
  return {
    ...summaryOf(policy, row, heads),
    repealReason: row.repeal_reason,
    versions: versions.map((v) => ({
      id: v.id,
      versionNo: Number(v.version_no),
      kind: v.kind,
      kindName: VERSION_KIND_NAMES[v.kind].zh,
      effectiveOn: v.effective_on,
      adoptedAt: v.adopted_at,
      adoptedBy: v.person_name ?? v.display_name ?? (seed ? "（现行实施细则）" : null),
      changeSummary: v.change_summary,
      superseded: v.superseded_at !== null,
      supersededAt: v.superseded_at,
      current: v.superseded_at === null,
      text: v.text,
      file:
        v.file_name && v.file_type && v.file_size !== null && v.file_sha256
          ? { name: v.file_name, type: v.file_type, size: Number(v.file_size), sha256: v.file_sha256 }
          : null,
    })),
    answers: answers.map((a) => ({ id: a.id, issuer: a.issuer, documentNo: a.document_no, title: a.title })),
    discharges: await raisedOrDischarged(
      db,
      policy,
      { recordKind: RECORD_KIND, recordIds: versionIds },
      request.server.clock(),
    ),
    abilities: {
      edit: manage && row.status === "draft",
      adopt: manage && row.status === "draft",
      revise: manage && !seed && row.status === "inForce",
      repeal: manage && !seed && row.status === "inForce",
    },
  };
}

/** Higher regulations issued, newest first (cursor `issuedOn|id`), each with its answer and its obligation. */
export async function listHigherRegulations(
  request: FastifyRequest,
  filter: { id?: string; answered?: "true" | "false" | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: HigherRegulationView[]; nextCursor: string | null }> {
  const db = request.server.db.kysely;
  const institutions = await reachableInstitutions(db, authOf(request).actor, REGULATION_READ);
  if (institutions.length === 0) return { items: [], nextCursor: null };
  const [on, id] = (filter.cursor ?? "").split("|");
  const rows = await db
    .selectFrom("higher_regulation as h")
    .leftJoin("regulation_version as v", "v.id", "h.answered_by_version")
    .leftJoin("regulation", "regulation.id", "v.regulation_id")
    .selectAll("h")
    .select(["regulation.id as regulation_id", "regulation.title as regulation_title", "v.version_no"])
    .where("h.institution_id", "in", institutions)
    .$if(filter.id !== undefined, (q) => q.where("h.id", "=", filter.id ?? ""))
    .$if(filter.answered === "true", (q) => q.where("h.answered_by_version", "is not", null))
    .$if(filter.answered === "false", (q) => q.where("h.answered_by_version", "is", null))
    .$if(Boolean(on && id), (q) =>
      q.where((eb) =>
        eb.or([
          eb("h.issued_on", "<", on ?? ""),
          eb.and([eb("h.issued_on", "=", on ?? ""), eb("h.id", "<", id ?? "")]),
        ]),
      ),
    )
    .orderBy("h.issued_on", "desc")
    .orderBy("h.id", "desc")
    .limit(filter.limit + 1)
    .execute();
  const page = keysetPage(rows, filter.limit, (row) => `${row.issued_on}|${row.id}`);
  const { policy } = await activePolicy(db);
  const items = [];
  for (const h of page.rows)
    items.push({
      id: h.id,
      issuer: h.issuer,
      documentNo: h.document_no,
      title: h.title,
      issuedOn: h.issued_on,
      summary: h.summary,
      recordedAt: h.created_at,
      answeredBy:
        h.regulation_id && h.regulation_title && h.version_no !== null && h.answered_at
          ? {
              regulationId: h.regulation_id,
              title: h.regulation_title,
              versionNo: Number(h.version_no),
              answeredAt: h.answered_at,
            }
          : null,
      citation: citationOf(policy, "art13.4") ?? "art13.4",
      obligations: await raisedOrDischarged(
        db,
        policy,
        { eventId: h.event_id, recordKind: RECORD_KIND },
        request.server.clock(),
      ),
    });
  return { items, nextCursor: page.nextCursor };
}

/** Who is responsible: the chain of a unit, the committee roster (and its .xlsx), delegations, my duties, the rules. */
import { limitExports } from "../../platform/http/exports.js";
import { assertEndsAfterStart } from "../../domain/dated.js";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { v7 as uuidv7 } from "uuid";
import { authorize } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { inLocale } from "../../domain/locale.js";
import { citationOf, describeCadence, bearerName } from "../../domain/policy/catalogue.js";
import { pathIds } from "../../domain/responsibility.js";
import { authOf, auditContext } from "../../platform/access/request-auth.js";
import { notVisible, requirePermission } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { workbookOf, XLSX_TYPE } from "../../platform/documents/xlsx.js";
import { activePolicy } from "../policy/active-policy.js";
import { committeeRoster } from "./committee.js";
import {
  ChainQuerySchema,
  ChainSchema,
  CreateDelegationRequestSchema,
  MineQuerySchema,
  MyResponsibilitiesSchema,
  PolicySummarySchema,
  RosterQuerySchema,
  RosterSchema,
  type RosterView,
} from "./contract.js";
import { responsibilitiesOf, scopesOf } from "./mine.js";
import { basisName, presentHolder } from "./names.js";
import { responsibilityChain } from "./resolver.js";

const tags = ["responsibility"];

/** The institution a roster is asked for: the given one, or the root of the tree. */
async function institutionFor(request: FastifyRequest, institutionId: string | undefined) {
  const db = request.server.db.kysely;
  const row = institutionId
    ? await db
        .selectFrom("unit")
        .select(["id", "name", "path", "kind"])
        .where("id", "=", institutionId)
        .executeTakeFirst()
    : await db
        .selectFrom("unit")
        .select(["id", "name", "path", "kind"])
        .where("kind", "=", "institution")
        .orderBy("path")
        .executeTakeFirst();
  if (!row || row.kind !== "institution")
    throw new AppError("NOT_FOUND", { zh: "单位不存在或不是院校", en: "No such institution" });
  return row;
}

async function rosterView(request: FastifyRequest, institutionId: string | undefined, at: string): Promise<RosterView> {
  await requirePermission(request, "responsibility.read");
  const institution = await institutionFor(request, institutionId);
  const { policy } = await activePolicy(request.server.db.kysely);
  const roster = await committeeRoster(request.server.db.kysely, policy, institution.id, at);
  return {
    institution: { id: institution.id, name: institution.name },
    at,
    article: roster.article,
    citation: citationOf(policy, roster.article) ?? roster.article,
    seats: roster.seats.map((seat) => ({
      ...seat,
      basisName: seat.unit ? seat.unit.name : basisName(policy, seat.basis, request.locale),
      holders: seat.holders.map((h) => presentHolder(policy, h, request.locale)),
    })),
    delegations: roster.delegations,
  };
}

const SEAT_NAMES = { director: "主任", deputyDirector: "副主任", member: "委员" } as const;

export function registerResponsibilityRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => dateIn(app.clock());

  r.get(
    "/api/responsibility/chain",
    {
      schema: {
        tags,
        summary: "单位的责任链 / A unit's responsibility chain",
        querystring: ChainQuerySchema,
        response: { 200: ChainSchema },
      },
    },
    async (request) => {
      const actor = await requirePermission(request, "responsibility.read");
      const unit = await app.db.kysely
        .selectFrom("unit")
        .select(["id", "name", "path"])
        .where("id", "=", request.query.unitId)
        .executeTakeFirst();
      if (!unit || !authorize(actor, "responsibility.read", { unitPath: unit.path }))
        return notVisible(request, "responsibility.read", { type: "unit", id: request.query.unitId });
      const at = request.query.at ?? today();
      const { policy } = await activePolicy(app.db.kysely);
      const links = await responsibilityChain(app.db.kysely, policy, unit.id, at);
      const ancestors = await app.db.kysely
        .selectFrom("unit")
        .select(["id", "name", "path"])
        .where("id", "in", pathIds(unit.path))
        .orderBy("path")
        .execute();
      return {
        unit: { id: unit.id, name: unit.name, path: ancestors.map((a) => ({ id: a.id, name: a.name })) },
        at,
        links: links.map((link) => ({
          ...link,
          citation: citationOf(policy, link.article) ?? link.article,
          holders: link.holders.map((h) => presentHolder(policy, h, request.locale)),
        })),
      };
    },
  );

  r.get(
    "/api/responsibility/mine",
    {
      schema: {
        tags,
        summary: "我的职责 / My responsibilities",
        querystring: MineQuerySchema,
        response: { 200: MyResponsibilitiesSchema },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const at = request.query.at ?? today();
      const personId = auth.account.person_id;
      const person = personId
        ? await app.db.kysely.selectFrom("person").select(["id", "name"]).where("id", "=", personId).executeTakeFirst()
        : undefined;
      const { policy } = await activePolicy(app.db.kysely);
      return {
        at,
        person: person ?? null,
        roles: person ? await responsibilitiesOf(app.db.kysely, policy, person.id, at, request.locale) : [],
        scopes: scopesOf(auth.actor),
      };
    },
  );

  r.get(
    "/api/committee",
    {
      schema: {
        tags,
        summary: "保密委员会组成（某日）/ The committee on a date",
        querystring: RosterQuerySchema,
        response: { 200: RosterSchema },
      },
    },
    async (request) => rosterView(request, request.query.institutionId, request.query.at ?? today()),
  );

  r.get(
    "/api/committee/export",
    { schema: { tags, summary: "导出委员会名单 (.xlsx) / Export the roster", querystring: RosterQuerySchema } },
    async (request, reply) => {
      const at = request.query.at ?? today();
      const roster = await rosterView(request, request.query.institutionId, at);
      await limitExports(request);
      const rows = roster.seats.flatMap((seat) =>
        (seat.holders.length ? seat.holders : [null]).map((holder) => ({
          seat: SEAT_NAMES[seat.seat],
          basis: seat.basisName,
          holder,
        })),
      );
      const file = await workbookOf(
        "保密委员会",
        [
          { header: "职务", width: 10, value: (row) => row.seat },
          { header: "所任职务 / 所在单位", width: 28, value: (row) => row.basis },
          { header: "姓名", width: 14, value: (row) => row.holder?.personName ?? "（空缺）" },
          { header: "任职方式", width: 10, value: (row) => (row.holder ? (row.holder.acting ? "代理" : "正式") : "") },
          { header: "任职起始", width: 12, value: (row) => row.holder?.startsOn ?? "" },
        ],
        rows,
        `${roster.institution.name}保密委员会组成（截至 ${at}，依据${roster.citation}）`,
      );
      await app.audit.record({
        ...auditContext(request),
        action: "committee.export",
        object: { type: "unit", id: roster.institution.id },
        result: "success",
        details: { at, rows: rows.length },
      });
      return reply
        .header("content-disposition", `attachment; filename="committee-${at}.xlsx"`)
        .type(XLSX_TYPE)
        .send(file);
    },
  );

  r.post(
    "/api/committee/delegations",
    {
      schema: {
        tags,
        summary: "主任委托副主任召集主持（第十条第（二）项）/ Director's delegation",
        body: CreateDelegationRequestSchema,
        response: { 201: RosterSchema.shape.delegations.element },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const institution = await institutionFor(request, body.institutionId);
      await requirePermission(request, "org.manage", { unitPath: institution.path }, { type: "delegation", id: null });
      assertEndsAfterStart(body.startsOn, body.endsOn);
      const { policy } = await activePolicy(app.db.kysely);
      const roster = await committeeRoster(app.db.kysely, policy, institution.id, body.startsOn);
      const isDeputy = roster.seats.some(
        (s) => s.seat === "deputyDirector" && s.holders.some((h) => h.personId === body.delegatePersonId),
      );
      if (!isDeputy) {
        throw new AppError(
          "VALIDATION_FAILED",
          {
            zh: "只能委托在任的副主任（第十条第（二）项）",
            en: "Only a sitting deputy director can be delegated to (Art. 10(2))",
          },
          { issues: [{ field: "body.delegatePersonId", message: "该人员不是在任副主任" }] },
        );
      }
      const person = await app.db.kysely
        .selectFrom("person")
        .select(["id", "name"])
        .where("id", "=", body.delegatePersonId)
        .executeTakeFirstOrThrow();
      const id = uuidv7();
      await app.db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto("delegation")
          .values({
            id,
            institution_id: institution.id,
            delegate_person_id: person.id,
            purpose: body.purpose,
            starts_on: body.startsOn,
            ends_on: body.endsOn,
            created_by: authOf(request).account.id,
            created_at: toInstant(app.clock()),
          })
          .execute();
        await app.audit.append(trx, {
          ...auditContext(request),
          action: "delegation.create",
          object: { type: "delegation", id },
          result: "success",
          details: { ...body },
        });
      });
      return reply.status(201).send({
        id,
        delegate: { personId: person.id, name: person.name },
        purpose: body.purpose,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
      });
    },
  );

  r.get(
    "/api/policy",
    {
      schema: {
        tags: ["policy"],
        summary: "现行实施细则 / The implementing rules in force",
        response: { 200: PolicySummarySchema },
      },
    },
    async (request) => {
      const { policy, versionId } = await activePolicy(app.db.kysely);
      return {
        id: policy.id,
        version: policy.version,
        title: policy.title,
        docNo: policy.docNo,
        versionId,
        positions: policy.positions.map((p) => ({ code: p.code, name: p.name, scope: p.scope, holders: p.holders })),
        articles: policy.articles.map((a) => ({
          id: a.id,
          citation: a.citation,
          text: a.text,
          items: a.items.map((i) => ({ id: i.id, citation: i.citation, text: i.text })),
        })),
        duties: policy.duties.map((d) => ({
          id: d.id,
          article: d.article,
          citation: citationOf(policy, d.article) ?? d.article,
          title: inLocale(d.title, request.locale),
          bearer: inLocale(bearerName(policy, d.bearer), request.locale),
          cadence: inLocale(describeCadence(d.cadence), request.locale),
        })),
      };
    },
  );
}

/**
 * The academic calendar (校历) the semester duties fall in, the year windows and timings, and events: the secrecy
 * office keeps the institution's semesters and records the events that raise obligations.
 */
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { v7 as uuidv7 } from "uuid";
import { inLocale, type Locale } from "../../domain/locale.js";
import { eventName } from "../../domain/policy/catalogue.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { requirePermission } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { activePolicy } from "../policy/active-policy.js";
import { institutionFor } from "../agreements/signers.js";
import { academicTerms, type Term, termName } from "./academic-calendar.js";
import {
  CalendarQuerySchema,
  CalendarSchema,
  RaiseEventRequestSchema,
  RaiseEventResultSchema,
  SaveTermRequestSchema,
  TermSchema,
} from "./contract.js";
import { raiseEvent } from "./events.js";
import { presentSummary } from "./presenter.js";
import { obligationColumns } from "./queries.js";
import { OBLIGATION_MANAGE } from "./service.js";
import { readObligationSettings } from "./settings.js";

const tags = ["obligations"];

const WINDOW_NAMES = {
  start: { zh: "年初", en: "Start of year" },
  mid: { zh: "年中", en: "Mid-year" },
  end: { zh: "年底", en: "Year end" },
} as const;

function termView(term: Term, locale: Locale) {
  return {
    id: term.id,
    academicYear: term.academicYear,
    ordinal: term.ordinal,
    name: inLocale(termName(term), locale),
    startsOn: term.startsOn,
    endsOn: term.endsOn,
    stored: term.stored,
  };
}

export function registerCalendarRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/academic-calendar",
    {
      schema: {
        tags,
        summary: "校历与年度时间窗 / Academic calendar and year windows",
        querystring: CalendarQuerySchema,
        response: { 200: CalendarSchema },
      },
    },
    async (request) => {
      const db = app.db.kysely;
      const year = Number(authOf(request).actor.today.slice(0, 4));
      const from = request.query.from ?? year - 1;
      const to = Math.min(request.query.to ?? year + 1, from + 20);
      const institution = await institutionFor(db, request.query.institutionId);
      const settings = await readObligationSettings(db);
      const terms = await academicTerms(db, institution.id, from, to);
      return {
        institution: { id: institution.id, name: institution.name },
        terms: terms.map((t) => termView(t, request.locale)),
        windows: (["start", "mid", "end"] as const).map((id) => ({
          id,
          name: inLocale(WINDOW_NAMES[id], request.locale),
          from: settings.windows[id].from,
          to: settings.windows[id].to,
        })),
        timings: settings.timings,
      };
    },
  );

  r.put(
    "/api/academic-calendar/terms",
    {
      schema: {
        tags,
        summary: "设置学期起止日期 / Set a semester's dates",
        body: SaveTermRequestSchema,
        response: { 200: TermSchema },
      },
    },
    async (request) => {
      const db = app.db.kysely;
      const body = request.body;
      const institution = await institutionFor(db, body.institutionId);
      await requirePermission(
        request,
        OBLIGATION_MANAGE,
        { unitPath: institution.path },
        { type: "unit", id: institution.id },
      );
      const now = toInstant(app.clock());
      const accountId = authOf(request).account.id;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("academic_term")
          .values({
            id: uuidv7(),
            institution_id: institution.id,
            academic_year: body.academicYear,
            ordinal: body.ordinal,
            starts_on: body.startsOn,
            ends_on: body.endsOn,
            updated_at: now,
            updated_by: accountId,
          })
          .onConflict((oc) =>
            oc
              .columns(["institution_id", "academic_year", "ordinal"])
              .doUpdateSet({ starts_on: body.startsOn, ends_on: body.endsOn, updated_at: now, updated_by: accountId }),
          )
          .execute();
        await app.audit.append(trx, {
          ...auditContext(request),
          action: "academicCalendar.update",
          object: { type: "unit", id: institution.id },
          result: "success",
          details: {
            academicYear: body.academicYear,
            ordinal: body.ordinal,
            startsOn: body.startsOn,
            endsOn: body.endsOn,
          },
        });
      });
      const [term] = (await academicTerms(db, institution.id, body.academicYear, body.academicYear)).filter(
        (t) => t.ordinal === body.ordinal,
      );
      if (!term) throw new Error("term vanished after save");
      return termView(term, request.locale);
    },
  );

  r.post(
    "/api/obligation-events",
    {
      schema: {
        tags,
        summary: "登记事件（产生相应履职事项）/ Record an event",
        body: RaiseEventRequestSchema,
        response: { 201: RaiseEventResultSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await eventResult(request, await raiseEvent(request, request.body))),
  );
}

async function eventResult(request: FastifyRequest, raised: { id: string; obligationIds: string[] }) {
  const db = request.server.db.kysely;
  const { policy } = await activePolicy(db);
  const settings = await readObligationSettings(db);
  const today = authOf(request).actor.today;
  const rows = raised.obligationIds.length
    ? await obligationColumns(db).where("o.id", "in", raised.obligationIds).orderBy("o.id").execute()
    : [];
  const event = (request.body as { event: string }).event;
  return {
    id: raised.id,
    event,
    eventName: inLocale(eventName(event), request.locale),
    obligations: rows.map((row) =>
      presentSummary(policy, row, request.locale, today, settings.timings, request.server.clock().toISOString()),
    ),
  };
}

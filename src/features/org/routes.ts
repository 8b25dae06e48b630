/** The organization: units, people, appointments and portfolios, each read within the actor's scope. */
import { type FastifyInstance } from "fastify";
import { keysetPage } from "../../domain/paging.js";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { authorize } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import { requirePermission } from "../../platform/access/require.js";
import { visibleTo } from "../../platform/access/visible-to.js";
import { containsText } from "../../platform/db/like.js";
import { activePolicy } from "../policy/active-policy.js";
import { appoint, appointmentColumns, endAppointment, presentAppointment } from "./appointments.js";
import {
  AppointmentListQuerySchema,
  AppointmentListSchema,
  AppointmentSchema,
  CreateAppointmentRequestSchema,
  CreatePersonRequestSchema,
  CreatePortfolioRequestSchema,
  CreateUnitRequestSchema,
  EndRequestSchema,
  IdParamsSchema,
  PersonListQuerySchema,
  PersonListSchema,
  PersonSchema,
  PortfolioListQuerySchema,
  PortfolioListSchema,
  PortfolioSchema,
  UnitListSchema,
  UnitSchema,
  UpdatePersonRequestSchema,
  UpdateUnitRequestSchema,
} from "./contract.js";
import { createPerson, personColumns, presentPerson, updatePerson, visiblePerson } from "./people.js";
import { assignPortfolio, endPortfolio, portfolioColumns, presentPortfolio } from "./portfolios.js";
import { createUnit, presentUnit, unitColumns, updateUnit, visibleUnit } from "./units.js";

const tags = ["org"];

export function registerOrgRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => dateIn(app.clock());

  r.get(
    "/api/units",
    { schema: { tags, summary: "单位树（可见范围内）/ Units in scope", response: { 200: UnitListSchema } } },
    async (request) => {
      const actor = await requirePermission(request, "unit.read");
      const rows = await unitColumns(app.db.kysely)
        .where(visibleTo(actor, "unit.read", "path"))
        .orderBy("path")
        .limit(20_000)
        .execute();
      return { items: rows.map((row) => presentUnit(row, authorize(actor, "org.manage", { unitPath: row.path }))) };
    },
  );

  r.post(
    "/api/units",
    {
      schema: { tags, summary: "新增单位 / Add a unit", body: CreateUnitRequestSchema, response: { 201: UnitSchema } },
    },
    async (request, reply) => {
      const id = await createUnit(request, request.body);
      const row = await visibleUnit(request, id);
      return reply.status(201).send(presentUnit(row, true));
    },
  );

  r.patch(
    "/api/units/:id",
    {
      schema: {
        tags,
        summary: "修改单位 / Change a unit",
        params: IdParamsSchema,
        body: UpdateUnitRequestSchema,
        response: { 200: UnitSchema },
      },
    },
    async (request) => {
      await updateUnit(request, request.params.id, request.body);
      return presentUnit(await visibleUnit(request, request.params.id), true);
    },
  );

  r.get(
    "/api/people",
    {
      schema: {
        tags,
        summary: "人员 / People",
        querystring: PersonListQuerySchema,
        response: { 200: PersonListSchema },
      },
    },
    async (request) => {
      const actor = await requirePermission(request, "person.read");
      const { q, unitId, cursor, limit } = request.query;
      const unit = unitId ? await visibleUnit(request, unitId) : undefined;
      const rows = await personColumns(app.db.kysely)
        .where(visibleTo(actor, "person.read", "unit.path"))
        .$if(unit !== undefined, (qb) => qb.where("unit.path", "like", `${unit?.path ?? ""}%`))
        .$if(Boolean(q), (qb) =>
          qb.where((eb) => eb.or([containsText("person.name", q ?? ""), containsText("person.staff_no", q ?? "")])),
        )
        .$if(cursor !== undefined, (qb) => qb.where("person.id", ">", cursor ?? ""))
        .orderBy("person.id")
        .limit(limit + 1)
        .execute();
      const { rows: items, nextCursor } = keysetPage(rows, limit, (row) => row.id);
      return { items: items.map((row) => presentPerson(row, request)), nextCursor };
    },
  );

  r.post(
    "/api/people",
    {
      schema: {
        tags,
        summary: "新增人员 / Add a person",
        body: CreatePersonRequestSchema,
        response: { 201: PersonSchema },
      },
    },
    async (request, reply) => {
      const id = await createPerson(request, request.body);
      return reply.status(201).send(presentPerson(await visiblePerson(request, id), request));
    },
  );

  r.patch(
    "/api/people/:id",
    {
      schema: {
        tags,
        summary: "修改人员 / Change a person",
        params: IdParamsSchema,
        body: UpdatePersonRequestSchema,
        response: { 200: PersonSchema },
      },
    },
    async (request) => {
      await updatePerson(request, request.params.id, request.body);
      return presentPerson(await visiblePerson(request, request.params.id), request);
    },
  );

  r.get(
    "/api/appointments",
    {
      schema: {
        tags,
        summary: "任职 / Appointments",
        querystring: AppointmentListQuerySchema,
        response: { 200: AppointmentListSchema },
      },
    },
    async (request) => {
      const actor = await requirePermission(request, "person.read");
      const { unitId, personId, at, cursor, limit } = request.query;
      const rows = await appointmentColumns(app.db.kysely)
        .where(visibleTo(actor, "person.read", "unit.path"))
        .$if(unitId !== undefined, (qb) => qb.where("appointment.unit_id", "=", unitId ?? ""))
        .$if(personId !== undefined, (qb) => qb.where("appointment.person_id", "=", personId ?? ""))
        .$if(at !== undefined, (qb) =>
          qb
            .where("appointment.starts_on", "<=", at ?? "")
            .where((eb) => eb.or([eb("appointment.ends_on", "is", null), eb("appointment.ends_on", ">=", at ?? "")])),
        )
        .$if(cursor !== undefined, (qb) => qb.where("appointment.id", "<", cursor ?? ""))
        .orderBy("appointment.id", "desc")
        .limit(limit + 1)
        .execute();
      const { policy } = await activePolicy(app.db.kysely);
      const { rows: items, nextCursor } = keysetPage(rows, limit, (row) => row.id);
      return { items: items.map((row) => presentAppointment(row, policy, today())), nextCursor };
    },
  );

  r.post(
    "/api/appointments",
    {
      schema: {
        tags,
        summary: "任命 / Appoint",
        body: CreateAppointmentRequestSchema,
        response: { 201: AppointmentSchema },
      },
    },
    async (request, reply) => {
      const { policy } = await activePolicy(app.db.kysely);
      const id = await appoint(request, policy, request.body);
      const row = await appointmentColumns(app.db.kysely).where("appointment.id", "=", id).executeTakeFirstOrThrow();
      return reply.status(201).send(presentAppointment(row, policy, today()));
    },
  );

  r.post(
    "/api/appointments/:id/end",
    {
      schema: {
        tags,
        summary: "免职 / End an appointment",
        params: IdParamsSchema,
        body: EndRequestSchema,
        response: { 200: AppointmentSchema },
      },
    },
    async (request) => {
      await endAppointment(request, request.params.id, request.body.endsOn);
      const { policy } = await activePolicy(app.db.kysely);
      const row = await appointmentColumns(app.db.kysely)
        .where("appointment.id", "=", request.params.id)
        .executeTakeFirstOrThrow();
      return presentAppointment(row, policy, today());
    },
  );

  r.get(
    "/api/portfolios",
    {
      schema: {
        tags,
        summary: "分管 / Portfolios",
        querystring: PortfolioListQuerySchema,
        response: { 200: PortfolioListSchema },
      },
    },
    async (request) => {
      const actor = await requirePermission(request, "unit.read");
      const { personId, area, cursor, limit } = request.query;
      const rows = await portfolioColumns(app.db.kysely)
        .where(visibleTo(actor, "unit.read", "unit.path"))
        .$if(personId !== undefined, (qb) => qb.where("portfolio.person_id", "=", personId ?? ""))
        .$if(area !== undefined, (qb) => qb.where("portfolio.area", "=", area ?? ""))
        .$if(cursor !== undefined, (qb) => qb.where("portfolio.id", "<", cursor ?? ""))
        .orderBy("portfolio.id", "desc")
        .limit(limit + 1)
        .execute();
      const { rows: items, nextCursor } = keysetPage(rows, limit, (row) => row.id);
      return { items: items.map((row) => presentPortfolio(row, today())), nextCursor };
    },
  );

  r.post(
    "/api/portfolios",
    {
      schema: {
        tags,
        summary: "确定分管 / Assign a portfolio",
        body: CreatePortfolioRequestSchema,
        response: { 201: PortfolioSchema },
      },
    },
    async (request, reply) => {
      const id = await assignPortfolio(request, request.body);
      const row = await portfolioColumns(app.db.kysely).where("portfolio.id", "=", id).executeTakeFirstOrThrow();
      return reply.status(201).send(presentPortfolio(row, today()));
    },
  );

  r.post(
    "/api/portfolios/:id/end",
    {
      schema: {
        tags,
        summary: "结束分管 / End a portfolio",
        params: IdParamsSchema,
        body: EndRequestSchema,
        response: { 200: PortfolioSchema },
      },
    },
    async (request) => {
      await endPortfolio(request, request.params.id, request.body.endsOn);
      const row = await portfolioColumns(app.db.kysely)
        .where("portfolio.id", "=", request.params.id)
        .executeTakeFirstOrThrow();
      return presentPortfolio(row, today());
    },
  );
}

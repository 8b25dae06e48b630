/**
 * GET /api/institutions?for=<permission>: the institutions an account may act on with a permission. A university's
 * staff have one and never see a choice; a provincial authority's account (DESIGN.md §1: many institutions on one
 * deployment) picks which institution's committee work it opens or records. Reading reaches an institution from any
 * unit of it (a unit head reads their institution's meetings); recording needs a scope over the whole institution,
 * as the services decide (meetings/policy.ts).
 */
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { PERMISSIONS, type Permission } from "../../domain/permissions.js";
import { authOf } from "../../platform/access/request-auth.js";
import { coversInstitution, reachesInstitution } from "../meetings/policy.js";

export const InstitutionListQuerySchema = z.strictObject({
  for: z.enum(PERMISSIONS),
});

export const InstitutionListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** Reading and proposing reach an institution from inside it; every other action needs it whole. */
const reaching = (permission: Permission) => permission.endsWith(".read") || permission === "meeting.propose";

export function registerInstitutionRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/institutions",
    {
      schema: {
        tags: ["org"],
        summary: "可办理的院校 / Institutions the account may act on",
        querystring: InstitutionListQuerySchema,
        response: { 200: InstitutionListSchema },
      },
    },
    async (request) => {
      const actor = authOf(request).actor;
      const permission = request.query.for;
      const test = reaching(permission) ? reachesInstitution : coversInstitution;
      const rows = await app.db.kysely
        .selectFrom("unit")
        .select(["id", "name", "path"])
        .where("kind", "=", "institution")
        .where("closed_on", "is", null)
        .orderBy("sort_order")
        .orderBy("name")
        .execute();
      return { items: rows.filter((row) => test(actor, permission, row.path)).map(({ id, name }) => ({ id, name })) };
    },
  );
}

/** The unit tree, as far as the actor may see it. The organization capability adds editing. */
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { requirePermission } from "../../platform/access/require.js";
import { visibleTo } from "../../platform/access/visible-to.js";
import { UnitListSchema } from "./contract.js";

export function registerOrgRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/units",
    { schema: { tags: ["org"], summary: "单位树（可见范围内）/ Units in scope", response: { 200: UnitListSchema } } },
    async (request) => {
      const actor = await requirePermission(request, "unit.read");
      const rows = await app.db.kysely
        .selectFrom("unit")
        .select(["id", "parent_id", "path", "name", "kind"])
        .where(visibleTo(actor, "unit.read", "unit.path"))
        .orderBy("path")
        .orderBy("sort_order")
        .limit(10_000)
        .execute();
      return { items: rows.map((row) => ({ id: row.id, parentId: row.parent_id, path: row.path, name: row.name, kind: row.kind })) };
    },
  );
}

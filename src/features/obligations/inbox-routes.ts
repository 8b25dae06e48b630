/** 待办: the signed-in account's notices (reminders, overdue notices, escalations), newest first. */
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParamsSchema, keysetPage } from "../../domain/paging.js";
import { authOf } from "../../platform/access/request-auth.js";
import { NOT_FOUND } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { InboxQuerySchema, InboxSchema } from "./contract.js";

const tags = ["inbox"];

export function registerInboxRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.db.kysely;

  r.get(
    "/api/inbox",
    { schema: { tags, summary: "待办 / Inbox", querystring: InboxQuerySchema, response: { 200: InboxSchema } } },
    async (request) => {
      const accountId = authOf(request).account.id;
      const { cursor, limit, unread } = request.query;
      const rows = await db()
        .selectFrom("notification")
        .select(["id", "kind", "title", "body", "obligation_id", "created_at", "read_at"])
        .where("account_id", "=", accountId)
        .$if(unread === "true", (qb) => qb.where("read_at", "is", null))
        .$if(cursor !== undefined, (qb) => qb.where("id", "<", cursor ?? ""))
        .orderBy("id", "desc")
        .limit(limit + 1)
        .execute();
      const count = await db()
        .selectFrom("notification")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("account_id", "=", accountId)
        .where("read_at", "is", null)
        .executeTakeFirstOrThrow();
      const page = keysetPage(rows, limit, (row) => row.id);
      return {
        items: page.rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          obligationId: n.obligation_id,
          createdAt: n.created_at,
          readAt: n.read_at,
        })),
        nextCursor: page.nextCursor,
        unread: Number(count.n),
      };
    },
  );

  // Reading one's own notices changes nothing anyone else sees: not audited, like reading them.
  r.post(
    "/api/inbox/:id/read",
    { schema: { tags, summary: "标为已读 / Mark read", params: IdParamsSchema } },
    async (request, reply) => {
      const accountId = authOf(request).account.id;
      const own = await db()
        .selectFrom("notification")
        .select("id")
        .where("id", "=", request.params.id)
        .where("account_id", "=", accountId)
        .executeTakeFirst();
      // Someone else's notice is as absent as one that never existed.
      if (!own) throw NOT_FOUND;
      await db()
        .updateTable("notification")
        .set({ read_at: toInstant(app.clock()) })
        .where("id", "=", own.id)
        .where("read_at", "is", null)
        .execute();
      return reply.status(204).send();
    },
  );

  r.post(
    "/api/inbox/read-all",
    { schema: { tags, summary: "全部标为已读 / Mark all read" } },
    async (request, reply) => {
      await db()
        .updateTable("notification")
        .set({ read_at: toInstant(app.clock()) })
        .where("account_id", "=", authOf(request).account.id)
        .where("read_at", "is", null)
        .execute();
      return reply.status(204).send();
    },
  );
}

/**
 * The obligations engine's settings: the year windows and the reminder/escalation timings (the secrecy office, over
 * the institution), and the webhooks reminders are posted to (the system administrator: an outside connection).
 */
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { authorize } from "../../domain/access.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, requirePermission } from "../../platform/access/require.js";
import { describeWebhookUrl, postWebhook } from "../../platform/webhooks/deliver.js";
import { institutionFor } from "../agreements/signers.js";
import {
  ObligationSettingsSchema,
  SaveWebhooksRequestSchema,
  ScheduleSettingsSchema,
  WebhookTestResultSchema,
} from "./contract.js";
import { touchObligations } from "./dashboard-cache.js";
import { type ObligationSettings, readObligationSettings, writeObligationSettings } from "./settings.js";
import { OBLIGATION_MANAGE } from "./service.js";

const tags = ["obligations"];

/** The settings as shown: robot URLs carry an access token, so only the system administrator sees them whole. */
function view(settings: ObligationSettings, fullUrls: boolean) {
  return {
    windows: settings.windows,
    timings: settings.timings,
    webhooks: settings.webhooks.map((w) => ({
      name: w.name ?? null,
      url: fullUrls ? w.url : describeWebhookUrl(w.url),
      format: w.format,
      hasSecret: w.secret !== undefined,
    })),
  };
}

export function registerSettingsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.db.kysely;

  r.get(
    "/api/obligation-settings",
    { schema: { tags, summary: "履职提醒设置 / Obligation settings", response: { 200: ObligationSettingsSchema } } },
    async (request) => {
      const actor = authOf(request).actor;
      // Those who change them read them: the secrecy office and the system administrator.
      if (!authorize(actor, OBLIGATION_MANAGE) && !authorize(actor, "config.manage"))
        return deny(request, FORBIDDEN, { action: "obligationSettings.read" });
      return view(await readObligationSettings(db()), authorize(actor, "config.manage"));
    },
  );

  r.put(
    "/api/obligation-settings/schedule",
    {
      schema: {
        tags,
        summary: "设置年度时间窗与提醒、上报时限 / Set the year windows and timings",
        body: ScheduleSettingsSchema,
        response: { 200: ObligationSettingsSchema },
      },
    },
    async (request) => {
      const institution = await institutionFor(db(), undefined);
      await requirePermission(
        request,
        OBLIGATION_MANAGE,
        { unitPath: institution.path },
        { type: "setting", id: null },
      );
      const current = await readObligationSettings(db());
      const next = { ...current, windows: request.body.windows, timings: request.body.timings };
      await db()
        .transaction()
        .execute(async (trx) => {
          await writeObligationSettings(trx, next, app.clock());
          await app.audit.append(trx, {
            ...auditContext(request),
            action: "obligationSettings.schedule",
            object: { type: "setting", id: "obligations" },
            result: "success",
            details: { windows: next.windows, timings: next.timings },
          });
        });
      touchObligations();
      return view(next, false);
    },
  );

  r.put(
    "/api/obligation-settings/webhooks",
    {
      schema: {
        tags,
        summary: "设置提醒 Webhook（钉钉、企业微信、通用）/ Set the reminder webhooks",
        body: SaveWebhooksRequestSchema,
        response: { 200: ObligationSettingsSchema },
      },
    },
    async (request) => {
      await requirePermission(request, "config.manage", {}, { type: "setting", id: null });
      const current = await readObligationSettings(db());
      // A target saved without its secret keeps the one it had: the form never sees secrets to send them back.
      const webhooks = request.body.webhooks.map(({ secret: given, ...w }) => {
        const secret = given === null ? undefined : (given ?? current.webhooks.find((c) => c.url === w.url)?.secret);
        return { ...w, ...(secret !== undefined ? { secret } : {}) };
      });
      const next = { ...current, webhooks };
      await db()
        .transaction()
        .execute(async (trx) => {
          await writeObligationSettings(trx, next, app.clock());
          await app.audit.append(trx, {
            ...auditContext(request),
            action: "obligationSettings.webhooks",
            object: { type: "setting", id: "obligations" },
            result: "success",
            // Robot URLs carry their token in the query: the audit keeps the address without it.
            details: { webhooks: webhooks.map((w) => ({ url: describeWebhookUrl(w.url), format: w.format })) },
          });
        });
      return view(next, true);
    },
  );

  r.post(
    "/api/obligation-settings/webhooks/test",
    {
      schema: {
        tags,
        summary: "发送测试消息 / Send a test message to each webhook",
        response: { 200: WebhookTestResultSchema },
      },
    },
    async (request) => {
      await requirePermission(request, "config.manage", {}, { type: "setting", id: null });
      const settings = await readObligationSettings(db());
      const results = [];
      for (const target of settings.webhooks) {
        const result = await postWebhook(target, {
          title: "【测试】保密工作责任制管理平台",
          text: "这是一条测试消息：履职提醒将以此方式送达。",
          data: { kind: "test" },
        });
        results.push({ url: describeWebhookUrl(target.url), ok: result.ok, error: result.error ?? null });
      }
      await app.audit.record({
        ...auditContext(request),
        action: "obligationSettings.webhookTest",
        object: { type: "setting", id: "obligations" },
        result: "success",
        details: { sent: results.length, failed: results.filter((r) => !r.ok).length },
      });
      return { results };
    },
  );
}

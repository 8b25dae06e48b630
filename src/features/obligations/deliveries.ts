/**
 * The delivery outbox: e-mails and webhook posts queued with each new notice, sent after the notices commit (a
 * slow or dead mail server never holds a transaction open) and retried on the next run until sent or given up.
 */
import { type Kysely } from "kysely";
import { type Mailer } from "../../platform/mail/mailer.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { postWebhook } from "../../platform/webhooks/deliver.js";
import { WebhookTargetSchema } from "../../platform/webhooks/target.js";

/** A delivery is given up after this many failed attempts (one per run). */
export const MAX_ATTEMPTS = 5;

export interface DeliveryCounts {
  sent: number;
  failed: number;
}

/** Sends every pending delivery once; a failure is recorded with its reason and retried next time. */
export async function deliverPending(
  db: Kysely<Database>,
  mailer: Mailer | null,
  clock: () => Date,
  link: (obligationId: string | null) => string | undefined,
): Promise<DeliveryCounts> {
  const pending = await db
    .selectFrom("delivery")
    .leftJoin("notification", "notification.id", "delivery.notification_id")
    .select([
      "delivery.id",
      "delivery.channel",
      "delivery.target",
      "delivery.subject",
      "delivery.body",
      "delivery.attempts",
      "notification.obligation_id",
      "notification.kind",
    ])
    .where("delivery.status", "=", "pending")
    .orderBy("delivery.id")
    .limit(5_000)
    .execute();
  const counts: DeliveryCounts = { sent: 0, failed: 0 };
  for (const item of pending) {
    let error: string | null = null;
    const url = link(item.obligation_id);
    if (item.channel === "email") {
      if (!mailer) continue;
      try {
        const text = url ? `${item.body}\n\n${url}` : item.body;
        await mailer.send({ to: item.target, subject: item.subject, text });
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    } else {
      const target = WebhookTargetSchema.safeParse(JSON.parse(item.target));
      if (!target.success) error = "invalid webhook target";
      else {
        const result = await postWebhook(target.data, {
          title: item.subject,
          text: item.body,
          ...(url ? { link: url } : {}),
          data: { kind: item.kind, obligationId: item.obligation_id },
        });
        if (!result.ok) error = result.error ?? `HTTP ${result.status ?? "?"}`;
      }
    }
    const attempts = Number(item.attempts) + 1;
    await db
      .updateTable("delivery")
      .set(
        error === null
          ? { status: "sent", attempts, sent_at: toInstant(clock()), last_error: null }
          : { status: attempts >= MAX_ATTEMPTS ? "failed" : "pending", attempts, last_error: error.slice(0, 500) },
      )
      .where("id", "=", item.id)
      .execute();
    if (error === null) counts.sent++;
    else counts.failed++;
  }
  return counts;
}

/** A configured webhook target, validated when an administrator saves it. Zod only, so the web form can use it too. */
import { z } from "zod";
import { WEBHOOK_FORMATS } from "./formats.js";

/** Where reminders are posted: an http(s) address, its format, and the robot's signing secret when it has one. */
export const WebhookTargetSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  url: z.string().trim().max(2000).refine(isHttpUrl, "须为以 http:// 或 https:// 开头的完整网址"),
  format: z.enum(WEBHOOK_FORMATS),
  // DingTalk: the robot's 加签 secret (SEC…); generic: signs each post (see deliver.ts); WeCom robots have none.
  secret: z.string().trim().min(1).max(200).optional(),
});

/** A validated webhook target. */
export type WebhookTarget = z.infer<typeof WebhookTargetSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

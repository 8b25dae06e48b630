/**
 * The JSON bodies posted to webhooks: a generic shape for the institution's own receivers, and the markdown messages
 * of DingTalk's custom robot (自定义机器人) and WeCom's group robot (群机器人). Pure and free of Node imports, so the
 * settings form can share the format list.
 */

/** The webhook formats a target may use. */
export const WEBHOOK_FORMATS = ["generic", "dingtalk", "wecom"] as const;

/** One of `WEBHOOK_FORMATS`. */
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** A notification: a title, plain text (line breaks kept), an optional link into Baomi and machine-readable data. */
export interface WebhookMessage {
  title: string;
  text: string;
  link?: string;
  data: Record<string, unknown>;
}

/** WeCom refuses markdown content over 4096 bytes of UTF-8. */
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

const ELLIPSIS = "…";
const LINK_LABEL = "查看详情";

/** The request body for a format; generic receivers get every field, the robots get markdown. */
export function webhookBody(format: WebhookFormat, message: WebhookMessage): unknown {
  switch (format) {
    case "generic":
      // link is null rather than absent so a receiver can rely on every key being there.
      return { title: message.title, text: message.text, link: message.link ?? null, data: message.data };
    case "dingtalk":
      return { msgtype: "markdown", markdown: { title: message.title, text: dingtalkMarkdown(message) } };
    case "wecom":
      return { msgtype: "markdown", markdown: { content: wecomMarkdown(message) } };
  }
}

function dingtalkMarkdown(message: WebhookMessage): string {
  // DingTalk's markdown joins single line breaks into one line: a trailing double space makes each a hard break.
  const text = message.text.replace(/\r?\n/g, "  \n");
  return `### ${message.title}\n\n${text}${message.link ? `\n\n${markdownLink(message.link)}` : ""}`;
}

function wecomMarkdown(message: WebhookMessage): string {
  const main = `### ${message.title}\n${message.text}`;
  const link = message.link ? `\n${markdownLink(message.link)}` : "";
  if (utf8Length(main) + utf8Length(link) <= WECOM_MARKDOWN_MAX_BYTES) return main + link;
  // Too long: cut the text, never the link, which is what the reader needs to see the rest (unless the link alone
  // would not fit, then it is dropped).
  const tail = utf8Length(link) + utf8Length(ELLIPSIS) < WECOM_MARKDOWN_MAX_BYTES ? link : "";
  return truncateUtf8(main, WECOM_MARKDOWN_MAX_BYTES - utf8Length(tail) - utf8Length(ELLIPSIS)) + ELLIPSIS + tail;
}

function markdownLink(url: string): string {
  // A bracket or space in the address would end the markdown link early.
  const safe = url.replace(/[()\s<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return `[${LINK_LABEL}](${safe})`;
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, cut between characters, never inside one. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  // for…of walks code points, so a surrogate pair (an emoji, a rare 汉字) is kept or dropped whole.
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** The UTF-8 length of a string; a lone surrogate counts 3, as it is sent as U+FFFD. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truncateUtf8, utf8Length, WECOM_MARKDOWN_MAX_BYTES, webhookBody, type WebhookMessage } from "./formats.js";
import { WebhookTargetSchema } from "./target.js";

const message: WebhookMessage = {
  title: "保密待办：年度自查即将到期",
  text: "信息学院《2027 年度保密自查》将于 2027-03-15 到期。\n责任人：张三",
  link: "https://baomi.gdpt.edu.cn/obligations/0190b1c2",
  data: { obligationId: "0190b1c2", dueOn: "2027-03-15" },
};

describe("webhookBody", () => {
  it("generic: every field, link null when there is none", () => {
    expect(webhookBody("generic", message)).toEqual({
      title: message.title,
      text: message.text,
      link: message.link,
      data: message.data,
    });
    expect(webhookBody("generic", { title: "t", text: "x", data: {} })).toEqual({
      title: "t",
      text: "x",
      link: null,
      data: {},
    });
  });

  it("dingtalk: a markdown message with the title, hard line breaks and the link", () => {
    expect(webhookBody("dingtalk", message)).toEqual({
      msgtype: "markdown",
      markdown: {
        title: message.title,
        text:
          "### 保密待办：年度自查即将到期\n\n" +
          "信息学院《2027 年度保密自查》将于 2027-03-15 到期。  \n责任人：张三\n\n" +
          "[查看详情](https://baomi.gdpt.edu.cn/obligations/0190b1c2)",
      },
    });
  });

  it("wecom: markdown content with the title, the text and the link", () => {
    expect(webhookBody("wecom", message)).toEqual({
      msgtype: "markdown",
      markdown: {
        content:
          "### 保密待办：年度自查即将到期\n" +
          "信息学院《2027 年度保密自查》将于 2027-03-15 到期。\n责任人：张三\n" +
          "[查看详情](https://baomi.gdpt.edu.cn/obligations/0190b1c2)",
      },
    });
  });

  it("keeps a bracket or space in the link from ending the markdown link", () => {
    const body = webhookBody("wecom", { ...message, link: "https://x.cn/a (b)" }) as { markdown: { content: string } };
    expect(body.markdown.content).toContain("[查看详情](https://x.cn/a%20%28b%29)");
  });

  it("wecom: a long text is cut to 4096 bytes and keeps the link at the end", () => {
    const long = { ...message, text: "保".repeat(5000) };
    const content = (webhookBody("wecom", long) as { markdown: { content: string } }).markdown.content;
    expect(Buffer.byteLength(content, "utf8")).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
    expect(Buffer.byteLength(content, "utf8")).toBeGreaterThan(WECOM_MARKDOWN_MAX_BYTES - 3);
    expect(content).toMatch(/保…\n\[查看详情\]\(https:\/\/baomi\.gdpt\.edu\.cn\/obligations\/0190b1c2\)$/);
  });

  it("wecom: never over 4096 bytes, never a broken character, the whole message when it fits", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 3000 }),
      fc.string({ unit: "grapheme", maxLength: 1500 }),
    );
    const link = fc.webUrl().filter((url) => !/[()\s<>]/.test(url)); // escaping is tested above
    fc.assert(
      fc.property(text, text, fc.option(link, { nil: undefined }), (title, body, link) => {
        const input: WebhookMessage = { title, text: body, data: {}, ...(link === undefined ? {} : { link }) };
        const content = (webhookBody("wecom", input) as { markdown: { content: string } }).markdown.content;
        const bytes = Buffer.from(content, "utf8");
        expect(bytes.length).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
        // Decoding what is sent gives back the same string: no character was cut in half.
        expect(bytes.toString("utf8")).toBe(content);
        const whole = `### ${title}\n${body}${link === undefined ? "" : `\n[查看详情](${link})`}`;
        if (Buffer.byteLength(whole, "utf8") <= WECOM_MARKDOWN_MAX_BYTES) expect(content).toBe(whole);
        else expect(whole.startsWith(content.slice(0, content.indexOf("…")))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("truncateUtf8", () => {
  it("cuts between characters, counting 1 to 4 bytes each", () => {
    expect(truncateUtf8("a保😀b", 1)).toBe("a");
    expect(truncateUtf8("a保😀b", 3)).toBe("a");
    expect(truncateUtf8("a保😀b", 4)).toBe("a保");
    expect(truncateUtf8("a保😀b", 7)).toBe("a保");
    expect(truncateUtf8("a保😀b", 8)).toBe("a保😀");
    expect(truncateUtf8("a保😀b", 100)).toBe("a保😀b");
  });

  it("agrees with Buffer on the length of any well-formed string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
    );
  });
});

describe("WebhookTargetSchema", () => {
  it("accepts the three formats over http or https", () => {
    expect(
      WebhookTargetSchema.parse({
        name: "保密办群",
        url: "https://oapi.dingtalk.com/robot/send?access_token=abc",
        format: "dingtalk",
        secret: "SECabc",
      }),
    ).toMatchObject({ format: "dingtalk", secret: "SECabc" });
    expect(WebhookTargetSchema.parse({ url: "http://10.0.0.8:9000/hook", format: "generic" }).url).toBe(
      "http://10.0.0.8:9000/hook",
    );
  });

  it.each([
    [{ url: "ftp://x.cn/hook", format: "generic" }, "url", "须为以 http:// 或 https:// 开头的完整网址"],
    [{ url: "not a url", format: "generic" }, "url", "须为以 http:// 或 https:// 开头的完整网址"],
    [{ url: "https://x.cn", format: "slack" }, "format", undefined],
    [{ url: "https://x.cn", format: "wecom", secret: "" }, "secret", undefined],
    [{ url: "https://x.cn", format: "wecom", extra: 1 }, "", undefined],
  ])("refuses %o at %s", (input, field, message) => {
    const result = WebhookTargetSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path.join(".")).toBe(field);
    if (message) expect(issue?.message).toBe(message);
  });
});

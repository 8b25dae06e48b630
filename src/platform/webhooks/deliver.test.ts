import { createHmac } from "node:crypto";
import http from "node:http";
import type net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { describeWebhookUrl, postWebhook } from "./deliver.js";
import { type WebhookMessage } from "./formats.js";

interface Posted {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Answer = (response: http.ServerResponse) => void;

const servers: http.Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A real HTTP receiver on a free loopback port that records each post and answers as told. */
async function receiver(
  answer: Answer = json({ errcode: 0, errmsg: "ok" }),
): Promise<{ base: string; posts: Posted[] }> {
  const posts: Posted[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      posts.push({
        method: request.method ?? "",
        url: new URL(request.url ?? "/", "http://receiver"),
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      answer(response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, posts };
}

function json(value: unknown, status = 200): Answer {
  return (response) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(value));
  };
}

const message: WebhookMessage = {
  title: "保密待办提醒",
  text: "《年度保密自查》将于 2027-03-15 到期",
  link: "https://baomi.gdpt.edu.cn/obligations/1",
  data: { obligationId: "1" },
};
const NOW = 1_700_000_000_000;

describe("postWebhook", () => {
  it("posts the generic body as UTF-8 JSON", async () => {
    const hook = await receiver(json({ received: true }));

    const result = await postWebhook({ url: `${hook.base}/hook`, format: "generic" }, message);

    expect(result).toEqual({ ok: true, status: 200 });
    const [post] = hook.posts;
    expect(post?.method).toBe("POST");
    expect(post?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(post?.body ?? "")).toEqual({ ...message });
    expect(post?.headers["x-baomi-signature"]).toBeUndefined();
  });

  it("signs a generic post when the target has a secret", async () => {
    const hook = await receiver(json({}));

    await postWebhook({ url: `${hook.base}/hook`, format: "generic", secret: "k" }, message, { now: () => NOW });

    const post = hook.posts[0];
    const expected = createHmac("sha256", "k")
      .update(`${NOW}.${post?.body ?? ""}`)
      .digest("hex");
    expect(post?.headers["x-baomi-timestamp"]).toBe(String(NOW));
    expect(post?.headers["x-baomi-signature"]).toBe(`sha256=${expected}`);
  });

  it("signs a DingTalk post in the query, keeping the access token", async () => {
    const hook = await receiver();
    const secret = "SEC0123456789abcdef";

    const result = await postWebhook(
      { url: `${hook.base}/robot/send?access_token=abc123`, format: "dingtalk", secret },
      message,
      { now: () => NOW },
    );

    expect(result).toEqual({ ok: true, status: 200 });
    const post = hook.posts[0];
    const sign = createHmac("sha256", secret).update(`${NOW}\n${secret}`).digest("base64");
    expect(post?.url.searchParams.get("access_token")).toBe("abc123");
    expect(post?.url.searchParams.get("timestamp")).toBe(String(NOW));
    expect(post?.url.searchParams.get("sign")).toBe(sign);
    expect(JSON.parse(post?.body ?? "")).toMatchObject({ msgtype: "markdown", markdown: { title: "保密待办提醒" } });
  });

  it("posts WeCom markdown without signing", async () => {
    const hook = await receiver();

    const result = await postWebhook({ url: `${hook.base}/cgi-bin/webhook/send?key=k1`, format: "wecom" }, message);

    expect(result.ok).toBe(true);
    expect(hook.posts[0]?.url.search).toBe("?key=k1");
    const body = JSON.parse(hook.posts[0]?.body ?? "") as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.content).toContain("### 保密待办提醒");
  });

  it("reports a robot's refusal given with HTTP 200", async () => {
    const hook = await receiver(json({ errcode: 310000, errmsg: "sign not match" }));

    const result = await postWebhook(
      { url: `${hook.base}/robot/send?access_token=abc`, format: "dingtalk", secret: "SECx" },
      message,
    );

    expect(result.ok).toBe(false);
    expect(result.status).toBe(200);
    expect(result.error).toContain("errcode 310000");
    expect(result.error).toContain("sign not match");
  });

  it("does not read a generic receiver's own errcode as a refusal", async () => {
    const hook = await receiver(json({ errcode: 1 }));
    expect((await postWebhook({ url: hook.base, format: "generic" }, message)).ok).toBe(true);
  });

  it("reports an HTTP error status", async () => {
    const hook = await receiver(json({ error: "boom" }, 500));

    const result = await postWebhook(
      { url: `${hook.base}/cgi-bin/webhook/send?key=secret-key`, format: "wecom" },
      message,
    );

    expect(result).toMatchObject({ ok: false, status: 500 });
    expect(result.error).toContain("HTTP 500");
    expect(result.error).not.toContain("secret-key");
  });

  it("reports a redirect instead of following it", async () => {
    const hook = await receiver((response) => {
      response.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" });
      response.end();
    });

    expect(await postWebhook({ url: hook.base, format: "generic" }, message)).toMatchObject({ ok: false, status: 302 });
    expect(hook.posts).toHaveLength(1);
  });

  it("gives up after the timeout when the receiver never answers", async () => {
    const hook = await receiver(() => undefined);

    const started = Date.now();
    const result = await postWebhook({ url: hook.base, format: "generic" }, message, { timeoutMs: 200 });

    expect(result.ok).toBe(false);
    expect(result.error).toContain("no answer within 200 ms");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("reports an unreachable receiver without throwing or naming the address", async () => {
    const hook = await receiver();
    const url = `${hook.base}/robot/send?access_token=tok-123`;
    await new Promise<void>((resolve) => servers.pop()?.close(() => resolve()));

    const result = await postWebhook({ url, format: "dingtalk" }, message);

    expect(result.ok).toBe(false);
    expect(result.error).toContain("ECONNREFUSED");
    expect(result.error).not.toContain("tok-123");
  });

  it("reports a malformed address without throwing", async () => {
    const result = await postWebhook({ url: "not a url ?key=k9", format: "dingtalk", secret: "s" }, message);
    expect(result.ok).toBe(false);
    expect(result.error).not.toContain("k9");
  });
});

describe("describeWebhookUrl", () => {
  it("drops the query, where the robots keep their credential", () => {
    expect(describeWebhookUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc")).toBe(
      "https://qyapi.weixin.qq.com/cgi-bin/webhook/send",
    );
  });
});

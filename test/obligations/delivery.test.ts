/**
 * Delivering notices to real peers: e-mail through a real SMTP server (smtp-server on loopback) for each new notice
 * of a person with an address, and DingTalk-format webhook posts to a real HTTP receiver; a failing receiver is tried
 * again on the next run and given up after MAX_ATTEMPTS.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type net from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTEMPTS } from "../../src/features/obligations/deliveries.js";
import { runEngine } from "../../src/features/obligations/engine.js";
import { OBLIGATION_SETTINGS_KEY } from "../../src/features/obligations/settings.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { createMailer, type Mailer } from "../../src/platform/mail/mailer.js";
import { testDialects } from "../databases.js";
import { obligationWorld, type ObligationWorld } from "./fixtures.js";

interface Received {
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as net.AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A header's value with RFC 2047 encoded words decoded, after unfolding. */
function header(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  const line = head.split("\r\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? "";
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeURIComponent(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, "%$1")),
    );
}

/** A single-part body with its transfer encoding undone. */
function body(raw: string): string {
  const text = raw.slice(raw.indexOf("\r\n\r\n") + 4);
  const encoding = header(raw, "Content-Transfer-Encoding").toLowerCase();
  if (encoding === "base64") return Buffer.from(text.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable")
    return decodeURIComponent(
      text
        .replace(/=\r\n/g, "")
        .replace(/%/g, "%25")
        .replace(/=([0-9A-F]{2})/gi, "%$1"),
    );
  return text;
}

interface Posted {
  url: URL;
  body: string;
}

async function receiver(status: number): Promise<{ base: string; posts: Posted[]; close(): Promise<void> }> {
  const posts: Posted[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      posts.push({
        url: new URL(request.url ?? "/", "http://receiver"),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(status === 200 ? { errcode: 0, errmsg: "ok" } : { error: "down" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    posts,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.each(testDialects)("delivering notices on %s", (dialect) => {
  let w: ObligationWorld;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: Mailer;
  let good: Awaited<ReturnType<typeof receiver>>;
  let failing: Awaited<ReturnType<typeof receiver>>;
  const BASE = "https://baomi.gdpt.edu.cn/";

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    smtp = await startSmtp();
    mailer = createMailer(
      { url: `smtp://127.0.0.1:${smtp.port}`, from: "保密办 <baomi@gdpt.edu.cn>" },
      { timeoutMs: 5000 },
    );
    good = await receiver(200);
    failing = await receiver(500);
    await w.runOn("2027-03-01");
    await w.app.db.kysely
      .updateTable("person")
      .set({ email: "head-a@gdpt.edu.cn" })
      .where("id", "=", w.people.headA)
      .execute();
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await good.close();
    await failing.close();
    await w.t.close();
  });

  const run = (day: string) => {
    w.setDay(day);
    return runEngine({ ...w.engine(mailer), baseUrl: BASE }, day);
  };
  const deliveries = () => w.app.db.kysely.selectFrom("delivery").selectAll().orderBy("id").execute();

  it("mails each new notice of a person with an address, once, with the Chinese subject and a link", async () => {
    const first = await run("2027-03-20");
    expect(first.reminders.dueSoon).toBe(10);
    // Only 吴院长 has an address: one mail for their one new notice, none for the others'.
    expect(first.deliveries).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const raw = smtp.received[0]?.raw ?? "";
    expect(smtp.received[0]?.to).toEqual(["head-a@gdpt.edu.cn"]);
    expect(header(raw, "Subject")).toBe("【即将到期】签订年度保密工作责任书（二级单位负责人）");
    const agreementA = await w.obligation("art6.responsibility-agreement", { unitId: w.units.a.id });
    const text = body(raw).replace(/\r\n/g, "\n");
    expect(text).toContain("将于 2027-03-31 到期");
    expect(text).toContain(`${BASE}obligations/${agreementA}`);
    expect((await deliveries()).map((d) => [d.channel, d.status, d.attempts])).toEqual([["email", "sent", 1]]);

    expect((await run("2027-03-20")).deliveries).toEqual({ sent: 0, failed: 0 });
    expect((await run("2027-03-21")).deliveries).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);

    await run("2027-04-01");
    expect(smtp.received).toHaveLength(2);
    expect(header(smtp.received[1]?.raw ?? "", "Subject")).toBe("【已逾期】签订年度保密工作责任书（二级单位负责人）");
  });

  it("posts every new notice to each webhook in DingTalk form; retries a failing one until MAX_ATTEMPTS", async () => {
    await w.app.db.kysely
      .insertInto("setting")
      .values({
        key: OBLIGATION_SETTINGS_KEY,
        value: JSON.stringify({
          webhooks: [
            { url: `${good.base}/hook?access_token=t1`, format: "dingtalk", secret: "s" },
            { url: `${failing.base}/hook`, format: "dingtalk" },
          ],
        }),
        updated_at: toInstant(w.clock()),
      })
      .execute();
    const before = (await deliveries()).length;
    const summary = await run("2027-04-08");
    const fresh = summary.reminders.dueSoon + summary.reminders.overdue + summary.reminders.escalated;
    expect(summary.reminders.escalated).toBeGreaterThan(0);
    const notices = await w.app.db.kysely
      .selectFrom("notification")
      .select(["id", "title"])
      .where("created_at", "=", toInstant(w.clock()))
      .execute();
    expect(notices).toHaveLength(fresh);
    expect(good.posts).toHaveLength(fresh);
    expect(failing.posts).toHaveLength(fresh);
    // 吴院长 is told of 陈核心's overdue self-check: that mail goes out with the posts.
    expect(smtp.received).toHaveLength(3);
    expect((await deliveries()).length).toBe(before + 2 * fresh + 1);

    const post = good.posts[0];
    const timestamp = post?.url.searchParams.get("timestamp") ?? "";
    expect(post?.url.pathname).toBe("/hook");
    expect(post?.url.searchParams.get("access_token")).toBe("t1");
    expect(post?.url.searchParams.get("sign")).toBe(
      createHmac("sha256", "s").update(`${timestamp}\ns`).digest("base64"),
    );
    const message = JSON.parse(post?.body ?? "{}") as { msgtype: string; markdown: { title: string; text: string } };
    expect(message.msgtype).toBe("markdown");
    expect(notices.map((n) => n.title)).toContain(message.markdown.title);
    expect(message.markdown.text).toContain(`### ${message.markdown.title}`);
    expect(message.markdown.text).toContain(`](${BASE}obligations/`);
    expect(summary.deliveries).toEqual({ sent: fresh + 1, failed: fresh });

    const failed = () => deliveries().then((all) => all.filter((d) => d.target.includes(failing.base)));
    expect(new Set((await failed()).map((d) => `${d.status}:${d.attempts}`))).toEqual(new Set(["pending:1"]));
    expect((await failed())[0]?.last_error).toContain("HTTP 500");

    // Each run tries once more, the same day or later; nothing new reaches the good receiver.
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      const again = await run("2027-04-08");
      expect(again.deliveries).toEqual({ sent: 0, failed: fresh });
      expect(failing.posts).toHaveLength(fresh * attempt);
    }
    expect(new Set((await failed()).map((d) => `${d.status}:${d.attempts}`))).toEqual(
      new Set([`failed:${MAX_ATTEMPTS}`]),
    );
    expect((await run("2027-04-09")).deliveries).toEqual({ sent: 0, failed: 0 });
    expect(failing.posts).toHaveLength(fresh * MAX_ATTEMPTS);
    expect(good.posts).toHaveLength(fresh);
  });
});

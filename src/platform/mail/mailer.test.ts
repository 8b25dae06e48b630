import net from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { createMailer, describeSmtpUrl, MailError, type Mailer } from "./mailer.js";

interface Received {
  from: string | false;
  to: string[];
  user: string | undefined;
  raw: string;
}

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real SMTP server on a free loopback port, plain text (no TLS) so the test needs no certificate. */
async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "baomi@gdpt" && auth.password === "p@ss:word") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.server.address() as net.AddressInfo).port, received };
}

function mailerFor(url: string, timeoutMs?: number): Mailer {
  const mailer = createMailer(
    { url, from: "保密办 <baomi@gdpt.edu.cn>" },
    timeoutMs === undefined ? {} : { timeoutMs },
  );
  cleanups.push(() => mailer.close());
  return mailer;
}

/** A header's value with RFC 2047 encoded words (B and Q) decoded, after unfolding. */
function header(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  const line = head.split("\r\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) throw new Error(`no ${name} header`);
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : qp(text.replace(/_/g, " ")),
    );
}

/** The body of a single-part message, transfer encoding undone. */
function body(raw: string): string {
  const text = raw.slice(raw.indexOf("\r\n\r\n") + 4);
  const encoding = header(raw, "Content-Transfer-Encoding").toLowerCase();
  if (encoding === "base64") return Buffer.from(text.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return qp(text.replace(/=\r\n/g, ""));
  return text;
}

function qp(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i] ?? "", "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

describe("createMailer", () => {
  it("delivers a Chinese subject and body intact, with the envelope and the URL's credentials", async () => {
    const smtp = await startSmtp();
    const mailer = mailerFor(`smtp://baomi%40gdpt:p%40ss%3Aword@127.0.0.1:${smtp.port}`);
    const text = "张老师：您负责的《2027 年度保密自查》将于 2027-03-15 到期，请及时办理。\n— 保密工作责任制管理平台";

    await mailer.send({ to: "zhang@gdpt.edu.cn", subject: "【保密】待办提醒：年度自查即将到期", text });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail).toMatchObject({ from: "baomi@gdpt.edu.cn", to: ["zhang@gdpt.edu.cn"], user: "baomi@gdpt" });
    const raw = mail?.raw ?? "";
    expect(header(raw, "Subject")).toBe("【保密】待办提醒：年度自查即将到期");
    expect(header(raw, "From")).toBe("保密办 <baomi@gdpt.edu.cn>");
    expect(header(raw, "Content-Type")).toMatch(/^text\/plain; charset=utf-8/i);
    expect(body(raw).replace(/\r\n/g, "\n").trimEnd()).toBe(text);
  });

  it("sends the html copy as an alternative to the text", async () => {
    const smtp = await startSmtp();
    const mailer = mailerFor(`smtp://127.0.0.1:${smtp.port}`);

    await mailer.send({ to: "li@gdpt.edu.cn", subject: "提醒", text: "纯文本", html: "<p>网页版</p>" });

    const raw = smtp.received[0]?.raw ?? "";
    expect(header(raw, "Content-Type")).toMatch(/^multipart\/alternative/);
    expect(raw).toContain("text/plain");
    expect(raw).toContain("text/html");
  });

  it("rejects with the server's refusal when the recipient is refused", async () => {
    const smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("5.1.1 mailbox unavailable"), { responseCode: 550 }));
      },
    });
    const mailer = mailerFor(`smtp://127.0.0.1:${smtp.port}`);

    const error = await refusal(mailer.send({ to: "nobody@gdpt.edu.cn", subject: "提醒", text: "正文" }));

    expect(error.message).toContain(`mail not sent via smtp://127.0.0.1:${smtp.port}`);
    expect(error.message).toContain("mailbox unavailable");
    expect(error.responseCode).toBe(550);
    expect(smtp.received).toHaveLength(0);
  });

  it("rejects a wrong password without ever repeating it", async () => {
    const smtp = await startSmtp({
      onAuth(auth, _session, callback) {
        callback(new Error(`Invalid login for ${auth.username} with ${auth.password ?? ""}`));
      },
    });
    const mailer = mailerFor(`smtp://baomi:Top%20Secret@127.0.0.1:${smtp.port}`);

    const error = await refusal(mailer.send({ to: "a@gdpt.edu.cn", subject: "提醒", text: "正文" }));

    expect(error.code).toBe("EAUTH");
    expect(error.message).toContain("Invalid login");
    expect(error.message).not.toContain("Top Secret");
    expect(error.message).not.toContain("Top%20Secret");
  });

  it("rejects at once when nothing listens on the port", async () => {
    const port = await freePort();
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`, 500);

    await expect(mailer.send({ to: "a@gdpt.edu.cn", subject: "s", text: "t" })).rejects.toThrow(/mail not sent/);
  });

  it("gives up after the timeout when the server accepts but never greets", async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => {
      silent.close();
    });
    const mailer = mailerFor(`smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}`, 300);

    const started = Date.now();
    await expect(mailer.send({ to: "a@gdpt.edu.cn", subject: "s", text: "t" })).rejects.toThrow(/mail not sent/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("refuses to send once closed", async () => {
    const mailer = mailerFor("smtp://127.0.0.1:25");
    mailer.close();
    await expect(mailer.send({ to: "a@gdpt.edu.cn", subject: "s", text: "t" })).rejects.toThrow(/closed/);
  });
});

describe("describeSmtpUrl", () => {
  it("keeps scheme, host and port, never the credentials", () => {
    expect(describeSmtpUrl("smtps://baomi:s3cret@mail.gdpt.edu.cn:465")).toBe("smtps://mail.gdpt.edu.cn:465");
    expect(describeSmtpUrl("smtp://mail.gdpt.edu.cn")).toBe("smtp://mail.gdpt.edu.cn");
  });
});

async function refusal(sending: Promise<void>): Promise<MailError> {
  const error = await sending.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof MailError)) throw new Error(`expected a MailError, got ${String(error)}`);
  return error;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Outgoing e-mail over SMTP (nodemailer). The daily reminder job must never hang on a dead mail server, and a failure
 * must be readable in the log without ever showing the SMTP password.
 */
/** One message to one recipient; text is required so every client can read it, html is an optional richer copy. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends mail; `send` rejects with a `MailError` when the server is unreachable or refuses the message. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** `url` is `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; `from` is the sender address. */
export interface MailSettings {
  url: string;
  from: string;
}

/** Tuning for tests; production uses the defaults. */
export interface MailerOptions {
  /** Limit for connecting, for the greeting and for each silence on the socket (default 10 s). */
  timeoutMs?: number;
}

/** A message that was not sent; `responseCode` is the SMTP reply (5xx: permanent, 4xx: try again later). */
export class MailError extends Error {
  readonly code: string | undefined;
  readonly responseCode: number | undefined;

  constructor(message: string, code: string | undefined, responseCode: number | undefined) {
    super(message);
    this.name = "MailError";
    this.code = code;
    this.responseCode = responseCode;
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The part of a nodemailer transporter used here. */
interface Transport {
  sendMail(message: Mail & { from: string; signal: AbortSignal }): Promise<unknown>;
  close(): void;
}

/** A mailer for the configured server; nodemailer is loaded on the first send so server start stays fast. */
export function createMailer(settings: MailSettings, options: MailerOptions = {}): Mailer {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const where = describeSmtpUrl(settings.url);
  const password = passwordOf(settings.url);
  let transport: Promise<Transport> | null = null;
  let closed = false;

  const open = async (): Promise<Transport> => {
    const nodemailer = await import("nodemailer");
    // One connection per message, no pool: a day's reminders are few, and an idle pooled connection would only wait
    // for the server to drop it.
    return nodemailer.createTransport({
      url: settings.url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      dnsTimeout: timeoutMs,
    });
  };

  return {
    async send(mail) {
      if (closed) {
        throw new MailError(`邮件发送失败 / mail not sent via ${where}: the mailer is closed`, undefined, undefined);
      }
      try {
        transport ??= open().catch((error: unknown) => {
          transport = null; // a failed load is tried again on the next send
          throw error;
        });
        await (
          await transport
        ).sendMail({
          from: settings.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html === undefined ? {} : { html: mail.html }),
          // The per-step timeouts cannot stop a server that answers one byte at a time: bound the whole send too.
          signal: AbortSignal.timeout(timeoutMs * 6),
        });
      } catch (error) {
        throw mailError(error, where, password);
      }
    },
    close() {
      closed = true;
      void transport?.then((t) => t.close()).catch(() => undefined);
    },
  };
}

/** The SMTP URL without user name, password or query, safe to print: `smtp://mail.example.edu.cn:587`. */
export function describeSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "smtp://…";
  }
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return "";
  }
}

function mailError(error: unknown, where: string, password: string): MailError {
  const details = error instanceof Error ? (error as Error & { code?: unknown; responseCode?: unknown }) : null;
  let reason = details?.message ?? String(error);
  // nodemailer does not put the password in its messages today; this keeps it so if a server ever echoes it back.
  if (password) reason = reason.split(password).join("***");
  return new MailError(
    `邮件发送失败 / mail not sent via ${where}: ${reason}`,
    typeof details?.code === "string" ? details.code : undefined,
    typeof details?.responseCode === "number" ? details.responseCode : undefined,
  );
}

/**
 * Server configuration from the environment, validated once at start. A bad setting stops the server with one line
 * naming the setting in Chinese and English (see `ConfigError`), never with a stack trace.
 */
import path from "node:path";
import { type Localized } from "../../domain/errors.js";
import { type MailSettings } from "../mail/mailer.js";

export type DatabaseTarget = { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };

export interface Config {
  dataDir: string;
  database: DatabaseTarget;
  host: string;
  port: number;
  logLevel: LogLevel;
  metrics: boolean;
  /** Where the built web UI lives; null means the default next to the installed package. */
  webDir: string | null;
  /** Whether to believe X-Forwarded-For / X-Forwarded-Proto: only behind a reverse proxy that sets them. */
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  audit: {
    /** The Ed25519 private key that signs checkpoints; it must live outside the database. */
    keyFile: string;
    /** A checkpoint after this many entries… */
    checkpointEvery: number;
    /** …or after this many minutes with at least one new entry, whichever comes first. */
    checkpointMinutes: number;
  };
  /**
   * Outgoing mail; null when no SMTP server is configured (reminders then go only to the web UI and webhooks).
   * `loadConfig` always sets it; it is optional only so hand-built configurations (tests, benchmarks) may leave it out.
   */
  mail?: MailSettings | null;
  /** The address people open the platform at (https://baomi.example.edu.cn), for links in e-mails and webhooks. */
  publicUrl?: string | null;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A setting that cannot be used; `setting` is the environment variable's name. */
export class ConfigError extends Error {
  readonly setting: string;
  readonly localized: Localized;

  constructor(setting: string, message: Localized) {
    super(`${setting}: ${message.en}`);
    this.name = "ConfigError";
    this.setting = setting;
    this.localized = message;
  }

  /** The one line printed when the server refuses to start. */
  line(): string {
    return `配置错误 ${this.setting}：${this.localized.zh} / Invalid setting ${this.setting}: ${this.localized.en}`;
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates every setting; throws `ConfigError` for the first bad one. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const dataDir = path.resolve(cwd, nonEmpty(env, "BAOMI_DATA_DIR") ?? "./data");
  return {
    dataDir,
    database: parseDatabaseUrl(nonEmpty(env, "BAOMI_DATABASE_URL"), dataDir, cwd),
    host: parseHost(nonEmpty(env, "BAOMI_HOST") ?? "127.0.0.1"),
    port: parsePort(nonEmpty(env, "BAOMI_PORT") ?? "8080"),
    logLevel: parseLogLevel(nonEmpty(env, "BAOMI_LOG_LEVEL") ?? "info"),
    metrics: parseSwitch("BAOMI_METRICS", nonEmpty(env, "BAOMI_METRICS") ?? "off"),
    webDir: env.BAOMI_WEB_DIR ? path.resolve(cwd, env.BAOMI_WEB_DIR) : null,
    trustProxy: parseSwitch("BAOMI_TRUST_PROXY", nonEmpty(env, "BAOMI_TRUST_PROXY") ?? "off"),
    session: {
      idleMinutes: parseWhole(
        "BAOMI_SESSION_IDLE_MINUTES",
        nonEmpty(env, "BAOMI_SESSION_IDLE_MINUTES") ?? "30",
        1,
        24 * 60,
      ),
      absoluteHours: parseWhole(
        "BAOMI_SESSION_ABSOLUTE_HOURS",
        nonEmpty(env, "BAOMI_SESSION_ABSOLUTE_HOURS") ?? "12",
        1,
        7 * 24,
      ),
    },
    audit: {
      keyFile: path.resolve(
        cwd,
        nonEmpty(env, "BAOMI_AUDIT_KEY_FILE") ?? path.join(dataDir, "keys", "audit-ed25519.pem"),
      ),
      checkpointEvery: parseWhole(
        "BAOMI_AUDIT_CHECKPOINT_EVERY",
        nonEmpty(env, "BAOMI_AUDIT_CHECKPOINT_EVERY") ?? "1000",
        1,
        1_000_000,
      ),
      checkpointMinutes: parseWhole(
        "BAOMI_AUDIT_CHECKPOINT_MINUTES",
        nonEmpty(env, "BAOMI_AUDIT_CHECKPOINT_MINUTES") ?? "60",
        1,
        7 * 24 * 60,
      ),
    },
    mail: parseMail(nonEmpty(env, "BAOMI_SMTP_URL"), nonEmpty(env, "BAOMI_MAIL_FROM")),
    publicUrl: parsePublicUrl(nonEmpty(env, "BAOMI_PUBLIC_URL")),
  };
}

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** `sqlite:relative/or/absolute.db`, `sqlite:///abs.db`, `postgres://…` or `postgresql://…`; unset means SQLite in the data dir. */
export function parseDatabaseUrl(raw: string | undefined, dataDir: string, cwd: string): DatabaseTarget {
  if (raw === undefined) return { dialect: "sqlite", file: path.join(dataDir, "baomi.sqlite") };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError("BAOMI_DATABASE_URL", {
        zh: "PostgreSQL 连接串格式不正确",
        en: "the PostgreSQL connection string is malformed",
      });
    }
    return { dialect: "postgres", url: raw };
  }
  if (scheme === "sqlite") {
    const rest = raw.slice("sqlite:".length).replace(/^\/\//, "");
    if (!rest || rest.endsWith("/")) {
      throw new ConfigError("BAOMI_DATABASE_URL", {
        zh: "sqlite: 之后须给出数据库文件路径",
        en: "sqlite: must be followed by a database file path",
      });
    }
    return { dialect: "sqlite", file: path.resolve(cwd, rest) };
  }
  throw new ConfigError("BAOMI_DATABASE_URL", {
    zh: `不支持的数据库类型“${scheme ?? raw.slice(0, 20)}”，只支持 sqlite: 与 postgres://`,
    en: `unsupported database scheme "${scheme ?? raw.slice(0, 20)}"; use sqlite: or postgres://`,
  });
}

/** `smtp://[user:pass@]host[:port]` or `smtps://…`; an error never repeats the value, which may hold a password. */
function parseMail(url: string | undefined, from: string | undefined): MailSettings | null {
  if (from !== undefined && !isMailAddress(from)) {
    throw new ConfigError("BAOMI_MAIL_FROM", {
      zh: `发件地址“${from}”不是合法的电子邮件地址（可写作 a@b.cn 或 名称 <a@b.cn>）`,
      en: `"${from}" is not a valid e-mail address (write a@b.cn or Name <a@b.cn>)`,
    });
  }
  if (url === undefined) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== "smtp" && scheme !== "smtps") {
    throw new ConfigError("BAOMI_SMTP_URL", {
      zh: `不支持的协议“${scheme ?? "（无）"}”，只支持 smtp:// 与 smtps://`,
      en: `unsupported scheme "${scheme ?? "(none)"}"; use smtp:// or smtps://`,
    });
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError("BAOMI_SMTP_URL", {
      zh: "发信服务器地址格式不正确（用户名与密码中的特殊字符须百分号编码）",
      en: "the SMTP URL is malformed (percent-encode special characters in the user name and password)",
    });
  }
  if (!parsed.hostname || parsed.port === "0") {
    throw new ConfigError("BAOMI_SMTP_URL", {
      zh: "须写成 smtp://主机[:端口] 或 smtps://主机[:端口]",
      en: "must be smtp://host[:port] or smtps://host[:port]",
    });
  }
  if (from === undefined) {
    throw new ConfigError("BAOMI_MAIL_FROM", {
      zh: "设置了 BAOMI_SMTP_URL 时必须同时设置发件地址",
      en: "a sender address is required when BAOMI_SMTP_URL is set",
    });
  }
  return { url, from };
}

/** `a@b.cn` or `Display Name <a@b.cn>`; commas and quotes are refused so the value is always exactly one address. */
function isMailAddress(raw: string): boolean {
  const address = /^[^<>",;]*<([^<>]+)>$/.exec(raw)?.[1] ?? raw;
  return address.length <= 254 && /^[^\s@<>",;:()[\]]+@[^\s@<>",;:()[\]]+\.[^\s@<>",;:()[\]]+$/.test(address);
}

function parsePort(raw: string): number {
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError("BAOMI_PORT", {
      zh: `端口须为 1–65535 之间的整数，当前值为“${raw}”`,
      en: `the port must be an integer from 1 to 65535, got "${raw}"`,
    });
  }
  return port;
}

function parseWhole(setting: string, raw: string, min: number, max: number): number {
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(setting, {
      zh: `须为 ${min}–${max} 之间的整数，当前值为“${raw}”`,
      en: `must be an integer from ${min} to ${max}, got "${raw}"`,
    });
  }
  return value;
}

function parseHost(raw: string): string {
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(raw)) {
    throw new ConfigError("BAOMI_HOST", {
      zh: `监听地址“${raw}”不是合法的主机名或 IP 地址`,
      en: `"${raw}" is not a valid host name or IP address`,
    });
  }
  return raw.replace(/^\[(.*)\]$/, "$1");
}

function parseLogLevel(raw: string): LogLevel {
  const level = LOG_LEVELS.find((candidate) => candidate === raw.toLowerCase());
  if (!level) {
    throw new ConfigError("BAOMI_LOG_LEVEL", {
      zh: `日志级别须为 ${LOG_LEVELS.join("、")} 之一，当前值为“${raw}”`,
      en: `the log level must be one of ${LOG_LEVELS.join(", ")}, got "${raw}"`,
    });
  }
  return level;
}

function parseSwitch(setting: string, raw: string): boolean {
  const value = raw.toLowerCase();
  if (["1", "true", "on", "yes"].includes(value)) return true;
  if (["0", "false", "off", "no"].includes(value)) return false;
  throw new ConfigError(setting, {
    zh: `须为 on 或 off，当前值为“${raw}”`,
    en: `must be on or off, got "${raw}"`,
  });
}

/** The database URL with any password replaced, safe to print. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.dialect === "sqlite") return `sqlite:${target.file}`;
  try {
    const url = new URL(target.url);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "postgres://…";
  }
}

/** An http(s) address without a query or fragment; a trailing slash is dropped. */
export function parsePublicUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash)
    throw new ConfigError("BAOMI_PUBLIC_URL", {
      zh: "须为以 http:// 或 https:// 开头、不带查询参数的网址",
      en: "must be an http:// or https:// address without a query",
    });
  return raw.replace(/\/+$/, "");
}

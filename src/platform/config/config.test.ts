import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, describeDatabase, loadConfig } from "./config.js";

const cwd = "/srv/baomi";

function refused(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("defaults to SQLite in ./data on 127.0.0.1:8080", () => {
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      dataDir: "/srv/baomi/data",
      database: { dialect: "sqlite", file: "/srv/baomi/data/baomi.sqlite" },
      host: "127.0.0.1",
      port: 8080,
      logLevel: "info",
      metrics: false,
      webDir: null,
      mail: null,
    });
  });

  it("reads every setting", () => {
    const config = loadConfig(
      {
        BAOMI_DATA_DIR: "/var/lib/baomi",
        BAOMI_DATABASE_URL: "postgresql://u:p@db:5432/baomi",
        BAOMI_HOST: "0.0.0.0",
        BAOMI_PORT: "9000",
        BAOMI_LOG_LEVEL: "WARN",
        BAOMI_METRICS: "on",
        BAOMI_WEB_DIR: "web",
      },
      cwd,
    );
    expect(config).toMatchObject({
      dataDir: "/var/lib/baomi",
      database: { dialect: "postgres", url: "postgresql://u:p@db:5432/baomi" },
      host: "0.0.0.0",
      port: 9000,
      logLevel: "warn",
      metrics: true,
      webDir: path.join(cwd, "web"),
    });
  });

  it("accepts the sqlite: forms", () => {
    expect(loadConfig({ BAOMI_DATABASE_URL: "sqlite:db/x.sqlite" }, cwd).database).toEqual({
      dialect: "sqlite",
      file: "/srv/baomi/db/x.sqlite",
    });
    expect(loadConfig({ BAOMI_DATABASE_URL: "sqlite:///tmp/y.sqlite" }, cwd).database).toEqual({
      dialect: "sqlite",
      file: "/tmp/y.sqlite",
    });
  });

  it("reads the mail settings", () => {
    const env = {
      BAOMI_SMTP_URL: "smtps://baomi%40gdpt:pw@mail.gdpt.edu.cn:465",
      BAOMI_MAIL_FROM: "保密办 <baomi@gdpt.edu.cn>",
    };
    expect(loadConfig(env, cwd).mail).toEqual({
      url: "smtps://baomi%40gdpt:pw@mail.gdpt.edu.cn:465",
      from: "保密办 <baomi@gdpt.edu.cn>",
    });
    expect(loadConfig({ BAOMI_SMTP_URL: "smtp://10.1.1.5", BAOMI_MAIL_FROM: "baomi@gdpt.edu.cn" }, cwd).mail).toEqual({
      url: "smtp://10.1.1.5",
      from: "baomi@gdpt.edu.cn",
    });
    expect(loadConfig({ BAOMI_MAIL_FROM: "baomi@gdpt.edu.cn" }, cwd).mail).toBeNull();
  });

  it("reads the public address, without its trailing slash", () => {
    expect(loadConfig({ BAOMI_PUBLIC_URL: "https://baomi.gdpt.edu.cn/" }, cwd).publicUrl).toBe(
      "https://baomi.gdpt.edu.cn",
    );
    expect(loadConfig({}, cwd).publicUrl).toBeNull();
  });

  it("never repeats the SMTP password in a refusal", () => {
    for (const url of [
      "smtp://u:hunter2@",
      "smtp://u:hunter2@host:0",
      "smtp://u:hunter2@bad host",
      "imap://u:hunter2@h",
    ]) {
      const error = refused({ BAOMI_SMTP_URL: url, BAOMI_MAIL_FROM: "a@b.cn" });
      expect(error.setting).toBe("BAOMI_SMTP_URL");
      expect(error.line()).not.toContain("hunter2");
    }
  });

  it.each([
    [{ BAOMI_PORT: "abc" }, "BAOMI_PORT", "端口须为 1–65535 之间的整数"],
    [{ BAOMI_PORT: "0" }, "BAOMI_PORT", "当前值为“0”"],
    [{ BAOMI_PORT: "65536" }, "BAOMI_PORT", "65536"],
    [{ BAOMI_PORT: "80.5" }, "BAOMI_PORT", "80.5"],
    [{ BAOMI_DATABASE_URL: "mysql://x/y" }, "BAOMI_DATABASE_URL", "不支持的数据库类型“mysql”"],
    [{ BAOMI_DATABASE_URL: "/just/a/path" }, "BAOMI_DATABASE_URL", "只支持 sqlite: 与 postgres://"],
    [{ BAOMI_DATABASE_URL: "sqlite:" }, "BAOMI_DATABASE_URL", "须给出数据库文件路径"],
    [{ BAOMI_DATABASE_URL: "postgres://[bad" }, "BAOMI_DATABASE_URL", "连接串格式不正确"],
    [{ BAOMI_HOST: "bad host!" }, "BAOMI_HOST", "不是合法的主机名"],
    [{ BAOMI_LOG_LEVEL: "loud" }, "BAOMI_LOG_LEVEL", "日志级别"],
    [{ BAOMI_METRICS: "maybe" }, "BAOMI_METRICS", "须为 on 或 off"],
    [{ BAOMI_PUBLIC_URL: "ftp://x" }, "BAOMI_PUBLIC_URL", "http://"],
    [{ BAOMI_PUBLIC_URL: "https://x/?a=1" }, "BAOMI_PUBLIC_URL", "不带查询参数"],
    [{ BAOMI_SMTP_URL: "mailto:a@b.cn", BAOMI_MAIL_FROM: "a@b.cn" }, "BAOMI_SMTP_URL", "不支持的协议“mailto”"],
    [{ BAOMI_SMTP_URL: "mail.gdpt.edu.cn", BAOMI_MAIL_FROM: "a@b.cn" }, "BAOMI_SMTP_URL", "只支持 smtp:// 与 smtps://"],
    [{ BAOMI_SMTP_URL: "smtp://h:99999", BAOMI_MAIL_FROM: "a@b.cn" }, "BAOMI_SMTP_URL", "格式不正确"],
    [{ BAOMI_SMTP_URL: "smtp:host", BAOMI_MAIL_FROM: "a@b.cn" }, "BAOMI_SMTP_URL", "须写成 smtp://主机"],
    [{ BAOMI_SMTP_URL: "smtp://mail.gdpt.edu.cn" }, "BAOMI_MAIL_FROM", "必须同时设置发件地址"],
    [{ BAOMI_SMTP_URL: "smtp://h", BAOMI_MAIL_FROM: "baomi" }, "BAOMI_MAIL_FROM", "不是合法的电子邮件地址"],
    [{ BAOMI_SMTP_URL: "smtp://h", BAOMI_MAIL_FROM: "a@b.cn, c@d.cn" }, "BAOMI_MAIL_FROM", "不是合法的电子邮件地址"],
    [{ BAOMI_SMTP_URL: "smtp://h", BAOMI_MAIL_FROM: "办公室 <a@b>" }, "BAOMI_MAIL_FROM", "不是合法的电子邮件地址"],
  ])("refuses %o naming %s", (env, setting, zh) => {
    const error = refused(env);
    expect(error.setting).toBe(setting);
    expect(error.localized.zh).toContain(zh);
    const line = error.line();
    expect(line).not.toContain("\n");
    expect(line).toMatch(new RegExp(`^配置错误 ${setting}：.* / Invalid setting ${setting}: `));
  });
});

describe("describeDatabase", () => {
  it("never prints a password", () => {
    expect(describeDatabase({ dialect: "postgres", url: "postgres://admin:s3cret@db/baomi" })).toBe(
      "postgres://admin:***@db/baomi",
    );
  });
});

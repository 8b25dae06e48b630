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

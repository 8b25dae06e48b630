import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt, totpStep } from "../src/platform/auth/totp.js";
import { genericSignature } from "../src/platform/webhooks/signing.js";
import { ApiSession, rootUnitId } from "./api.js";
import type { WatchedPage } from "./browser.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { LOGIN_BUTTON, screenshot, signIn, textOf } from "./ui.js";

/**
 * Settings journeys. The system administrator adds a generic webhook pointing at a real HTTP receiver this file starts
 * on loopback, with a signing secret; a test message arrives there as the JSON the docs describe, signed; editing the
 * target with the secret left blank keeps it. The secrecy office changes the due-soon lead time on the 校历 page
 * (a wrong window is refused in the form first) and gives a person an e-mail address for reminders.
 */

const harness = useHarness();
let current: WatchedPage | undefined;

const SYSADMIN_PASSWORD = "Admin-of-systems-passphrase-1";
const OFFICE = { username: "e2e-set-office", displayName: "刘洋", password: "保密办的长句密码-e2e-2027" };
const SECRET = "e2e-webhook-signing-secret";
const TARGET_NAME = "保密办接收服务";

let sysadmin: Credentials;
let sysadminApi: ApiSession;
let office: Credentials;
let officeApi: ApiSession;
let totp = { secret: "", lastStep: 0 };

/** What the receiver got: one entry per POST, the body as the bytes spelled it (the signature covers them). */
interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let receiver: Server;
let receiverUrl = "";

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/baomi/hook`;

  const { baseUrl, credentials } = harness;
  sysadminApi = new ApiSession(baseUrl);
  const { totpSecret } = await sysadminApi.completeFirstSignIn(credentials.sysadmin, SYSADMIN_PASSWORD);
  if (!totpSecret) throw new Error("the system administrator was not asked to enrol TOTP");
  // The step the enrolment used, or a later one: the next sign-in must use a step after it (no reuse).
  totp = { secret: totpSecret, lastStep: totpStep(new Date()) };
  sysadmin = { username: credentials.sysadmin.username, password: SYSADMIN_PASSWORD };
  const secadmin = new ApiSession(baseUrl);
  await secadmin.completeFirstSignIn(credentials.secadmin, "Admin-of-security-passphrase-1");

  const rootId = await rootUnitId(sysadminApi);
  const created = await sysadminApi.call<{ account: { id: string }; oneTimePassword: string }>(
    "POST",
    "/api/accounts",
    { username: OFFICE.username, displayName: OFFICE.displayName, unitId: rootId },
  );
  await new ApiSession(baseUrl).completeFirstSignIn(
    { username: OFFICE.username, password: created.oneTimePassword },
    OFFICE.password,
  );
  await secadmin.call("POST", "/api/grants", {
    accountId: created.account.id,
    role: "secrecyOffice",
    unitId: rootId,
    startsOn: "2024-01-01",
    endsOn: null,
  });
  office = { username: OFFICE.username, password: OFFICE.password };
  officeApi = new ApiSession(baseUrl);
  await officeApi.login(office);
});

afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

afterEach(async () => {
  if (!current) return;
  const { errors } = current;
  await current.close();
  current = undefined;
  expect(errors, "the page logged errors").toEqual([]);
});

async function open(height = 800): Promise<WatchedPage> {
  current = await harness.openPage();
  await current.page.setViewportSize({ width: 1280, height });
  return current;
}

/** Password, then the TOTP code for a step the server has not seen (it refuses reuse and allows ±1 step). */
async function signInSysadmin(page: Page): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(sysadmin.username);
  await page.getByLabel("密码", { exact: true }).fill(sysadmin.password);
  await page.locator("form").getByRole("button", { name: LOGIN_BUTTON }).click();
  await page.waitForURL((url) => url.pathname === "/login/totp");
  const step = Math.max(totp.lastStep + 1, totpStep(new Date()));
  await page.getByLabel("动态验证码").fill(totpCodeAt(totp.secret, step));
  await page
    .locator(".login-card")
    .getByRole("button", { name: /验\s?证/ })
    .click();
  totp.lastStep = step;
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByTestId("user-menu").waitFor();
}

const content = (page: Page) => page.locator(".app-content");
const SAVE = /^保\s?存$/;
const EDIT = /^修\s?改$/;

interface Settings {
  windows: Record<"start" | "mid" | "end", { from: string; to: string }>;
  timings: { dueSoonDays: number; escalationDays: number };
  webhooks: { name: string | null; url: string; format: string; hasSecret: boolean }[];
}

/** The latest post the receiver got, checked to be signed with SECRET over its exact bytes. */
function lastSignedPost(): { title: string; text: string; link: unknown; data: unknown } {
  const post = received.at(-1);
  if (!post) throw new Error("the receiver got nothing");
  expect(post.method).toBe("POST");
  expect(post.path).toBe("/baomi/hook");
  expect(post.headers["content-type"]).toMatch(/^application\/json/);
  const timestamp = Number(post.headers["x-baomi-timestamp"]);
  expect(Math.abs(Date.now() - timestamp)).toBeLessThan(60_000);
  expect(post.headers["x-baomi-signature"]).toBe(genericSignature(SECRET, timestamp, post.body));
  return JSON.parse(post.body) as { title: string; text: string; link: unknown; data: unknown };
}

describe("settings", () => {
  it("the system administrator adds a generic webhook, and its test message reaches the receiver, signed", async () => {
    const { page } = await open(900);
    await signInSysadmin(page);

    // 系统管理 lists the page for the system administrator, and the menu opens it.
    const menu = page.getByRole("menu");
    const item = menu.getByRole("menuitem", { name: "通知 Webhook" });
    if (!(await item.isVisible())) await menu.getByRole("menuitem", { name: "系统管理" }).click();
    await item.click();
    await page.waitForURL((url) => url.pathname === "/admin/webhooks");
    await content(page).getByRole("heading", { name: "通知 Webhook" }).waitFor();
    expect(await textOf(content(page))).toContain("内网中的中转服务");
    await content(page).getByText("还没有推送地址").waitFor();
    expect(await content(page).getByRole("button", { name: "发送测试消息" }).isDisabled()).toBe(true);

    await content(page).getByRole("button", { name: "添加推送地址" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("通用 JSON").waitFor();
    // An address that is not a web address is refused in the form, before anything is sent.
    await dialog.getByLabel("网址").fill("relay.gdpt.edu.cn/baomi");
    await dialog.getByRole("button", { name: SAVE }).click();
    await dialog.getByText("须为以 http:// 或 https:// 开头的完整网址").waitFor();
    await dialog.getByLabel("网址").fill(receiverUrl);
    await dialog.getByLabel("名称").fill(TARGET_NAME);
    await dialog.getByLabel("加签密钥").fill(SECRET);
    await dialog.getByRole("button", { name: SAVE }).click();
    await dialog.waitFor({ state: "hidden" });

    const row = content(page).getByTestId("webhooks").locator("tr.ant-table-row");
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const text = await textOf(row.first());
    for (const part of [TARGET_NAME, receiverUrl, "通用 JSON", "已设置"]) expect(text).toContain(part);
    const saved = await sysadminApi.call<Settings>("GET", "/api/obligation-settings");
    expect(saved.webhooks).toEqual([{ name: TARGET_NAME, url: receiverUrl, format: "generic", hasSecret: true }]);

    // The test message: delivered, and the receiver got the generic JSON, signed with the secret.
    await content(page).getByRole("button", { name: "发送测试消息" }).click();
    const results = page.getByTestId("webhook-test-results");
    await results.getByTestId("webhook-test-result").first().waitFor();
    expect(await textOf(results)).toContain("1 个送达，0 个失败");
    expect(await textOf(results.getByTestId("webhook-test-result").first())).toContain("已送达");
    expect(received).toHaveLength(1);
    const body = lastSignedPost();
    expect(body).toEqual({
      title: "【测试】保密工作责任制管理平台",
      text: expect.stringContaining("测试消息") as unknown,
      link: null,
      data: { kind: "test" },
    });
    await page.locator(".ant-message-notice").waitFor({ state: "detached" });
    await page.mouse.move(0, 0);
    await screenshot(page, "webhooks.png");

    // Renamed with the secret left blank: the secret stays, and the next post is still signed.
    await row.first().getByRole("button", { name: EDIT }).click();
    await dialog.getByText("留空则保留原密钥").waitFor();
    await dialog.getByLabel("名称").fill("保密办公室内网中转");
    await dialog.getByRole("button", { name: SAVE }).click();
    await dialog.waitFor({ state: "hidden" });
    await row.first().getByText("保密办公室内网中转").waitFor();
    expect(await textOf(row.first())).toContain("已设置");
    await content(page).getByRole("button", { name: "发送测试消息" }).click();
    await results.getByTestId("webhook-test-result").first().waitFor();
    await expect.poll(() => received.length).toBe(2);
    expect(lastSignedPost().data).toEqual({ kind: "test" });
  });

  it("the secrecy office changes the due-soon lead time on the 校历 page and sees it saved", async () => {
    const before = await officeApi.call<Settings>("GET", "/api/obligation-settings");
    expect(before.timings.dueSoonDays).toBe(14);
    const { page } = await open(1400);
    await signIn(page, office);
    await page.goto("/obligations/academic-calendar");
    const card = page.getByTestId("schedule-settings");
    await card.getByText("实施细则第十二条第（二）项").waitFor();
    const dueSoon = card.getByLabel("即将到期提前天数");
    await expect.poll(() => dueSoon.inputValue()).toBe("14");

    // A window that ends before it begins is refused in the form.
    const midTo = card.getByLabel("年中结束日");
    await midTo.fill("05-31");
    await card.getByRole("button", { name: "保存设置" }).click();
    await card.getByText("年中的结束日不能早于开始日").waitFor();
    await midTo.fill(before.windows.mid.to);

    await dueSoon.fill("21");
    await card.getByRole("button", { name: "保存设置" }).click();
    await page.getByText("履职提醒设置已保存").waitFor();
    const after = await officeApi.call<Settings>("GET", "/api/obligation-settings");
    expect(after.timings).toEqual({ dueSoonDays: 21, escalationDays: before.timings.escalationDays });
    expect(after.windows).toEqual(before.windows);

    // Read again from the server: the page shows what was stored.
    await page.reload();
    await expect
      .poll(() => page.getByTestId("schedule-settings").getByLabel("即将到期提前天数").inputValue())
      .toBe("21");
    await page.evaluate("window.scrollTo(0, 0)");
    await screenshot(page, "obligation-settings.png");
  });

  it("the secrecy office gives a person an e-mail address for reminders", async () => {
    const { page } = await open(900);
    await signIn(page, office);
    await page.goto("/org/people");
    const row = content(page).locator("tr.ant-table-row").filter({ hasText: OFFICE.displayName });
    await row.first().getByRole("button", { name: EDIT }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("用于接收履职提醒邮件").waitFor();
    await dialog.getByLabel("电子邮箱").fill("liuyang@");
    await dialog.getByRole("button", { name: SAVE }).click();
    await dialog.getByText("请填写有效的电子邮箱地址").waitFor();
    await dialog.getByLabel("电子邮箱").fill("liuyang@gdpt.edu.cn");
    await dialog.getByRole("button", { name: SAVE }).click();
    await dialog.waitFor({ state: "hidden" });
    await row.first().getByText("liuyang@gdpt.edu.cn").waitFor();
    const { items } = await officeApi.call<{ items: { name: string; email: string | null }[] }>(
      "GET",
      `/api/people?q=${encodeURIComponent(OFFICE.displayName)}`,
    );
    expect(items.find((p) => p.name === OFFICE.displayName)?.email).toBe("liuyang@gdpt.edu.cn");
  });
});

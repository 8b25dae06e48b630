import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { totpCodeAt, totpStep } from "../src/platform/auth/totp.js";
import type { WatchedPage } from "./browser.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, submitLogin, textOf } from "./ui.js";

/**
 * Identity journeys (the three administrators and a business user): first sign-in with a one-time password, the
 * password policy, TOTP enrolment with recovery codes, signing in with TOTP, the auditor's audit viewer, the system
 * administrator creating an account, the security administrator granting it a role, and "my security".
 * The tests run in order and share state: the second signs the auditor in again with the secret the first enrolled.
 */

const harness = useHarness();
let current: WatchedPage | undefined;

/** What each journey learned that a later one needs. */
const state: {
  auditor?: { password: string; secret: string; lastStep: number };
  newUser?: Credentials;
} = {};

const NEW_USER = { username: "zhangwei", displayName: "张伟" };

async function open(): Promise<WatchedPage> {
  current = await harness.openPage();
  return current;
}

afterEach(async () => {
  if (!current) return;
  const { errors } = current;
  await current.close();
  current = undefined;
  expect(errors, "the page logged errors").toEqual([]);
});

/** The code an authenticator shows for the first step the server has not seen yet (it refuses reuse, allows ±1). */
function nextCode(secret: string, lastStep: number): { code: string; step: number } {
  const step = Math.max(lastStep + 1, totpStep(new Date()));
  return { code: totpCodeAt(secret, step), step };
}

const card = (page: Page) => page.locator(".login-card");

/** On /login/password: replaces the one-time password. */
async function changeInitialPassword(page: Page, oneTime: string, next: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === "/login/password");
  await page.getByLabel("当前密码").fill(oneTime);
  await page.getByLabel("新密码", { exact: true }).fill(next);
  await page.getByLabel("确认新密码").fill(next);
  await card(page).getByRole("button", { name: "设置新密码并继续" }).click();
}

/** On /login/totp-enrollment: reads the secret off the page, confirms a code computed here, sees the recovery codes. */
async function enrolTotp(page: Page, shot?: string): Promise<{ secret: string; lastStep: number; codes: string[] }> {
  await page.waitForURL((url) => url.pathname === "/login/totp-enrollment");
  const secret = (await textOf(page.getByTestId("totp-secret"))).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.locator(".totp-qr canvas, .totp-qr svg").first().waitFor();
  if (shot) await screenshot(page, shot);
  const step = totpStep(new Date());
  await page.getByLabel("动态验证码").fill(totpCodeAt(secret, step));
  await page.getByRole("button", { name: "确认启用" }).click();
  const codesBox = page.getByTestId("recovery-codes");
  await codesBox.waitFor();
  const codes = (await codesBox.locator("li").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
  expect(await textOf(codesBox)).toContain("只显示这一次");
  return { secret, lastStep: step, codes };
}

/** Signs an administrator in for the first time: one-time password → new password → TOTP → the dashboard. */
async function firstSignIn(page: Page, credentials: Credentials, newPassword: string): Promise<void> {
  await page.goto("/login");
  await submitLogin(page, credentials);
  await changeInitialPassword(page, credentials.password, newPassword);
  await enrolTotp(page);
  await page.getByRole("button", { name: "我已妥善保存，继续" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByTestId("user-menu").waitFor();
}

/** Opens a 系统管理 page from the menu (the sub-menu opens first). */
async function openAdminPage(page: Page, label: string, path: string): Promise<void> {
  const menu = page.getByRole("menu");
  const item = menu.getByRole("menuitem", { name: label });
  if (!(await item.isVisible())) await menu.getByRole("menuitem", { name: "系统管理" }).click();
  await item.click();
  await page.waitForURL((url) => url.pathname === path);
  // The page's own heading, so nothing reads the previous page's text.
  await page.locator(".app-content").getByRole("heading", { name: label }).waitFor();
}

describe("identity and the audit log", () => {
  it("the auditor signs in for the first time: new password (policy enforced), TOTP, recovery codes, then reads the audit log", async () => {
    const watched = await open();
    const { page } = watched;
    const { auditor } = harness.credentials;
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/login");
    await submitLogin(page, auditor);

    // The one-time password must be replaced; the server's policy messages land under the field they name.
    await page.waitForURL((url) => url.pathname === "/login/password");
    expect(await textOf(card(page))).toContain("8～128 个字符");
    watched.expectFailedRequest("/api/me/password");
    const newPasswordError = page.locator("#newPassword_help, .ant-form-item-explain-error");
    await page.getByLabel("当前密码").fill(auditor.password);
    await page.getByLabel("新密码", { exact: true }).fill("short1");
    await page.getByLabel("确认新密码").fill("short1");
    await card(page).getByRole("button", { name: "设置新密码并继续" }).click();
    await page.getByText("新密码至少需要 8 个字符").waitFor();

    await page.getByLabel("新密码", { exact: true }).fill("password123");
    await page.getByLabel("确认新密码").fill("password123");
    await card(page).getByRole("button", { name: "设置新密码并继续" }).click();
    await page.getByText(/新密码过于常见/).waitFor();
    expect(await newPasswordError.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/过于常见/)]),
    );
    await screenshot(page, "password-change.png");

    const password = "审计员的长句密码-e2e-2025";
    await page.getByLabel("新密码", { exact: true }).fill(password);
    await page.getByLabel("确认新密码").fill(password);
    await card(page).getByRole("button", { name: "设置新密码并继续" }).click();

    // Administrators must enrol a second factor before anything else (GB/T 22239-2019 8.1.4.1 d).
    const { secret, lastStep } = await enrolTotp(page, "totp-enrollment.png");
    state.auditor = { password, secret, lastStep };
    await screenshot(page, "recovery-codes.png");
    await page.getByRole("button", { name: "我已妥善保存，继续" }).click();
    await page.waitForURL((url) => url.pathname === "/");

    // The auditor's menu holds the dashboard and 审计日志 under 系统管理 — no business module, no other admin page.
    expect(await textOf(page.getByTestId("user-menu"))).toContain("安全审计员");
    const menu = page.getByRole("menu");
    await menu.getByRole("menuitem", { name: "系统管理" }).click();
    await menu.getByRole("menuitem", { name: "审计日志" }).waitFor();
    const items = await menu.getByRole("menuitem").allTextContents();
    expect(items).toEqual(["工作台", "系统管理", "审计日志"]);

    await openAdminPage(page, "审计日志", "/admin/audit");
    const content = page.locator(".app-content");
    expect(await textOf(content)).toContain("网络安全法》第二十一条");

    // Filter by the auth. prefix: the auditor's own sign-in is there, shown in Beijing time with its offset.
    await page.getByLabel("操作", { exact: true }).fill("auth.");
    await page.keyboard.press("Escape");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/audit-entries?") && r.url().includes("action=auth.")),
      page.getByRole("button", { name: /查\s?询/ }).click(),
    ]);
    expect(response.status()).toBe(200);
    const rows = content.locator(".ant-table-tbody tr.ant-table-row");
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/auth\./);
    const ownLogin = rows.filter({ hasText: "auth.login" }).filter({ hasText: auditor.username }).first();
    expect(await textOf(ownLogin)).toContain("成功");
    expect(await textOf(ownLogin)).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00/);
    await screenshot(page, "audit-viewer.png");

    await ownLogin.getByRole("button", { name: "详情" }).click();
    const drawer = page.locator(".audit-drawer");
    await drawer.getByText("详细内容").waitFor();
    const drawerText = await textOf(drawer);
    expect(drawerText).toContain("登录（auth.login）");
    expect(drawerText).toContain("请求编号");
    expect(drawerText).toContain("127.0.0.1");
    expect(await textOf(page.getByTestId("audit-details-json"))).toMatch(/^\{/);
    await screenshot(page, "audit-entry.png");
    await drawer.getByRole("button", { name: /close|关闭/i }).click();

    // Usable on a phone: the table scrolls inside its card and the filters stack.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "audit-viewer-mobile.png");
  });

  it("the auditor signs out, and signing in again asks for the TOTP code before the page asked for", async () => {
    const saved = state.auditor;
    if (!saved) throw new Error("the first journey did not enrol the auditor");
    const { page } = await open();
    const credentials = { username: harness.credentials.auditor.username, password: saved.password };

    await page.goto("/admin/audit");
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/admin/audit");
    await submitLogin(page, credentials);
    await page.waitForURL((url) => url.pathname === "/login/totp");
    expect(await textOf(card(page))).toContain("6 位动态验证码");
    const { code, step } = nextCode(saved.secret, saved.lastStep);
    await page.getByLabel("动态验证码").fill(code);
    await screenshot(page, "login-totp.png");
    await card(page)
      .getByRole("button", { name: /验\s?证/ })
      .click();
    saved.lastStep = step;
    await page.waitForURL((url) => url.pathname === "/admin/audit");
    await page.locator(".app-content").getByText("审计日志", { exact: true }).first().waitFor();

    // Sign out from the user menu: back to /login, and the app is closed again.
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "退出登录" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.goto("/admin/audit");
    await page.waitForURL((url) => url.pathname === "/login");
  });

  it("the system administrator creates an account for a unit and sees its one-time password once", async () => {
    const { page } = await open();
    await firstSignIn(page, harness.credentials.sysadmin, "系统管理员的长句密码-e2e-2025");
    expect(await textOf(page.getByTestId("user-menu"))).toContain("系统管理员");
    await openAdminPage(page, "账号管理", "/admin/accounts");

    // The three administrators are listed but not manageable from here.
    const content = page.locator(".app-content");
    const auditorRow = content.locator("tr.ant-table-row").filter({ hasText: harness.credentials.auditor.username });
    await auditorRow.waitFor();
    expect(await auditorRow.getByRole("button", { name: /停\s?用/ }).isDisabled()).toBe(true);

    await content.getByRole("button", { name: "新建账号" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("用户名").fill(NEW_USER.username);
    await dialog.getByLabel("姓名").fill(NEW_USER.displayName);
    await dialog.getByLabel("所在单位").click();
    await page.locator(".ant-select-tree-node-content-wrapper").first().click();
    await dialog.getByRole("button", { name: /创\s?建/ }).click();

    const otpBox = page.getByTestId("one-time-password");
    await otpBox.waitFor();
    const oneTimePassword = (await textOf(page.getByTestId("otp-value"))).trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    expect(await textOf(otpBox)).toContain("只显示这一次");
    expect(await textOf(otpBox)).toContain(NEW_USER.username);
    await screenshot(page, "accounts.png");
    state.newUser = { username: NEW_USER.username, password: oneTimePassword };

    await page.getByRole("button", { name: "我已记下，关闭" }).click();
    const row = content.locator("tr.ant-table-row").filter({ hasText: NEW_USER.username });
    expect(await textOf(row)).toContain("待修改初始密码");
  });

  it("the security administrator grants the new account 二级单位负责人 on a unit", async () => {
    const { page } = await open();
    await firstSignIn(page, harness.credentials.secadmin, "安全管理员的长句密码-e2e-2025");
    expect(await textOf(page.getByTestId("user-menu"))).toContain("安全保密管理员");
    await page.getByRole("menu").getByRole("menuitem", { name: "系统管理" }).click();
    const items = await page.getByRole("menu").getByRole("menuitem").allTextContents();
    expect(items).toEqual(["工作台", "系统管理", "授权管理", "涉密人员等级", "安全设置"]);
    await openAdminPage(page, "授权管理", "/admin/grants");

    const content = page.locator(".app-content");
    await content.getByText("还没有授权").waitFor();
    await content.getByRole("button", { name: "新增授权" }).click();
    const dialog = page.getByRole("dialog");
    // Each picker: open, type to narrow, choose, and wait for its list to close before the next one.
    const choose = async (label: string, typed: string, option: string | RegExp) => {
      await dialog.getByLabel(label).click();
      await page.keyboard.type(typed);
      const list = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
      await list
        .locator(".ant-select-item-option, .ant-select-tree-node-content-wrapper")
        .filter({ hasText: option })
        .first()
        .click();
      await list.waitFor({ state: "hidden" });
    };
    await choose("账号", "zhang", `${NEW_USER.displayName}（${NEW_USER.username}）`);
    await choose("角色", "二级单位", "二级单位负责人");
    await choose("作用范围", "", /./);
    await dialog.getByRole("button", { name: /授\s?权/ }).click();

    const row = content.locator("tr.ant-table-row").filter({ hasText: NEW_USER.username });
    const text = await textOf(row);
    expect(text).toContain("二级单位负责人");
    expect(text).toContain("及下级单位");
    expect(text).toContain("生效中");
    await screenshot(page, "grants.png");
  });

  it("the new user changes the one-time password and sees their own security page", async () => {
    const created = state.newUser;
    if (!created) throw new Error("the system administrator journey did not create the account");
    const { page } = await open();
    await page.goto("/login");
    await submitLogin(page, created);
    const password = "张伟的长句密码-e2e-2025";
    await changeInitialPassword(page, created.password, password);
    // A business user is not required to enrol TOTP: straight to the dashboard with the business modules.
    await page.waitForURL((url) => url.pathname === "/");
    const userMenu = page.getByTestId("user-menu");
    expect(await textOf(userMenu)).toContain("二级单位负责人");
    expect(await page.getByRole("menu").getByRole("menuitem").allTextContents()).toContain("组织与职责");

    await userMenu.click();
    await page.getByRole("menuitem", { name: "我的安全设置" }).click();
    await page.waitForURL((url) => url.pathname === "/me/security");
    const security = page.getByTestId("my-security");
    await security.getByText("当前会话").waitFor();
    const text = await textOf(security);
    expect(text).toContain(NEW_USER.username);
    expect(text).toContain("二级单位负责人");
    expect(await textOf(page.getByTestId("two-step"))).toContain("未启用");
    // Tall enough to show the sessions below the two forms.
    await page.setViewportSize({ width: 1280, height: 1160 });
    await screenshot(page, "my-security.png");
  });
});

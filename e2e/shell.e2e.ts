import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBusinessUser } from "./api.js";
import type { WatchedPage } from "./browser.js";
import { measureCjkRendering, SAMPLE } from "./cjk-font.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { LOGIN_BUTTON, pixelBox, screenshot, signIn, textOf } from "./ui.js";

/** Each module's menu label, path, and a fragment of the article its empty state must cite (null: built already). */
const MODULES = [
  { label: "组织与职责", path: "/org", cites: null },
  { label: "责任落实", path: "/obligations", cites: null },
  { label: "委员会工作", path: "/committee", cites: null },
  { label: "督查考核", path: "/committee/supervision", cites: null },
  { label: "检查整改", path: "/inspections", cites: "第十三条第（六）项" },
  { label: "个人自查", path: "/self-checks", cites: null },
  { label: "涉密人员", path: "/personnel", cites: "第七条" },
  { label: "定密与载体", path: "/classification", cites: "第十一条第（四）项" },
  { label: "事件与问责", path: "/incidents", cites: "第十五条" },
  { label: "报告请示", path: "/reports", cites: null },
] as const;

const harness = useHarness();
let current: WatchedPage | undefined;
let user: Credentials;

// The shell is for signed-in users: a business user (no administrator role) sees the ten modules.
beforeAll(async () => {
  user = await createBusinessUser(harness.baseUrl, harness.credentials.sysadmin, {
    username: "e2e-shell",
    displayName: "李明",
    password: "Shell-journey-passphrase-1",
  });
});

/** A fresh page per journey, signed in as the business user; afterEach checks it logged nothing wrong. */
async function open(path: string): Promise<Page> {
  current = await harness.openPage();
  await signIn(current.page, user);
  if (path !== "/") await current.page.goto(path);
  return current.page;
}

/** A fresh page that is not signed in. */
async function openSignedOut(path: string): Promise<Page> {
  current = await harness.openPage();
  await current.page.goto(path);
  return current.page;
}

afterEach(async () => {
  if (!current) return;
  const { errors } = current;
  await current.close();
  current = undefined;
  expect(errors, "the page logged errors").toEqual([]);
});

const menu = (page: Page) => page.getByRole("menu");
const statusCard = (page: Page) => page.getByTestId("system-status");

describe("web shell", () => {
  it("opens on the dashboard in Chinese with the module menu and a ready system", async () => {
    const page = await open("/");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await textOf(page.locator(".app-header"))).toContain("保密工作责任制管理平台");
    expect(await textOf(page.getByTestId("user-menu"))).toContain("李明");
    await page.getByText("欢迎使用保密工作责任制管理平台").waitFor();

    const items = await menu(page).getByRole("menuitem").allTextContents();
    expect(items).toEqual(["工作台", ...MODULES.map((m) => m.label)]);

    const status = statusCard(page);
    await status.getByText("就绪", { exact: true }).waitFor();
    const text = await textOf(status);
    expect(text).toContain("系统状态");
    expect(text).toMatch(/sqlite/i);
    expect(text).toContain("0.1.0");
    await screenshot(page, "home.png");
  });

  it("draws Chinese with a real CJK font, not boxes", async () => {
    const page = await open("/");
    await page.getByRole("menuitem", { name: "工作台" }).waitFor();
    const r = await measureCjkRendering(page, ".app-title");
    const detail = `${SAMPLE} in ${r.fontFamily}: ${JSON.stringify(r)}`;
    expect(Math.abs(r.advance - r.fontSize) / r.fontSize, `full-width advance; ${detail}`).toBeLessThan(0.1);
    expect(r.ink[0], `保 has ink; ${detail}`).toBeGreaterThan(20);
    expect(r.ink[1], `密 has ink; ${detail}`).toBeGreaterThan(20);
    expect(r.differingPixels, `保 and 密 differ; ${detail}`).toBeGreaterThan(20);
  });

  it("opens every business module from the menu and says plainly which are not enabled yet", async () => {
    const page = await open("/");
    for (const module of MODULES) {
      await menu(page).getByRole("menuitem", { name: module.label }).click();
      if (module.path === "/org") {
        // 组织与职责 is built: it opens on 我的职责, which even a user holding no role may read.
        await page.waitForURL((url) => url.pathname === "/org/mine");
        await page.locator(".app-content").getByRole("heading", { name: "我的职责" }).waitFor();
        continue;
      }
      if (module.path === "/obligations") {
        // 责任落实 is built: without obligation.read it opens on 我的事项, which everyone may read.
        await page.waitForURL((url) => url.pathname === "/obligations" && url.searchParams.get("mine") === "true");
        await page.locator(".app-content").getByRole("heading", { name: "我的事项" }).waitFor();
        continue;
      }
      await page.waitForURL((url) => url.pathname === module.path);
      if (module.path === "/inspections") {
        // 检查整改 is built and every business user's (an inspector on a plan's team needs no grant): a user on no
        // team and without a role reaches no plan.
        await page.locator(".app-content").getByText("暂无检查计划").waitFor();
        continue;
      }
      if (module.path === "/self-checks") {
        // 个人自查 is every business user's own: a user holding no clearance owes no self-check.
        await page.locator(".app-content").getByText("您目前没有需要填写的个人保密自查。").waitFor();
        continue;
      }
      if (module.cites === null) {
        // Built, and kept to those whose role reads it (Art. 12): a user holding no role is told so, not shown a page.
        await page.locator(".app-content").getByText("您的账号无权使用此页面", { exact: false }).waitFor();
        continue;
      }
      // The card title changes with the route; wait for it so we never read the previous module's text.
      const content = page.locator(".app-content");
      await content.getByText(module.label, { exact: true }).waitFor();
      const text = await textOf(content);
      expect(text, module.path).toContain("本模块尚未启用");
      expect(text, module.path).toContain("广师保密〔2012〕14号");
      expect(text, module.path).toContain(module.cites);
    }
  });

  it("on a phone, trades the side menu for a drawer opened from the header", async () => {
    const page = await open("/");
    const desktopItems = await menu(page).getByRole("menuitem").allTextContents();
    await page.setViewportSize({ width: 390, height: 844 });
    // Load the page at phone size, watching for the sider: it must never be drawn, not even for a frame.
    await page.addInitScript(
      `new MutationObserver(() => { if (document.querySelector(".app-sider")) window.siderSeen = true; })` +
        `.observe(document, { childList: true, subtree: true });`,
    );
    await page.reload();
    await statusCard(page).getByText("就绪", { exact: true }).waitFor();
    expect(await page.evaluate("window.siderSeen === true"), "the sider was drawn").toBe(false);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    // The content starts at the window's edge (its own padding), not beside an 80 px collapsed sider.
    expect((await pixelBox(page.locator(".app-content"))).x).toBe(0);

    await page.getByRole("button", { name: "打开菜单" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("menuitem", { name: "检查整改" }).waitFor();
    // The same menu as the sider's.
    expect(await drawer.getByRole("menuitem").allTextContents()).toEqual(desktopItems);
    expect(desktopItems).toEqual(expect.arrayContaining(["工作台", ...MODULES.map((m) => m.label)]));
    await screenshot(page, "phone-menu.png");

    await drawer.getByRole("menuitem", { name: "检查整改" }).click();
    await page.waitForURL((url) => url.pathname === "/inspections");
    await drawer.waitFor({ state: "hidden" });
    await page.locator(".app-content").getByText("暂无检查计划").waitFor();

    // A desktop window has the sider again and no menu button.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator(".app-sider").waitFor();
    expect(await page.getByRole("button", { name: "打开菜单" }).count()).toBe(0);
  });

  it("keeps 系统管理 to the three administrators: a business user gets a 403 that says why", async () => {
    const page = await open("/admin");
    expect(await menu(page).getByRole("menuitem").allTextContents()).not.toContain("系统管理");
    const result = page.locator(".ant-result");
    expect(await textOf(result)).toContain("403");
    expect(await textOf(result)).toContain("三员");
    await page.goto("/admin/audit");
    await page.locator(".ant-result").getByText("403").waitFor();
    expect(await textOf(page.locator(".ant-result"))).toContain("无权访问");
  });

  it("switches to English and back, remembering the choice", async () => {
    const page = await open("/");
    await page.getByText("English", { exact: true }).click();
    await menu(page).getByRole("menuitem", { name: "Dashboard" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en-US");
    const items = await menu(page).getByRole("menuitem").allTextContents();
    expect(items).toContain("Committee Work");
    expect(items).toContain("Classification & Carriers");
    await statusCard(page).getByText("Ready", { exact: true }).waitFor();
    expect(await textOf(page.locator(".app-header"))).toContain("Baomi — Secrecy Responsibility Platform");
    await screenshot(page, "home-en.png");

    await page.reload();
    await menu(page).getByRole("menuitem", { name: "Dashboard" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en-US");

    await page.getByText("中文", { exact: true }).click();
    await menu(page).getByRole("menuitem", { name: "工作台" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
  });

  it("shows a 404 page for an unknown route, with a way back", async () => {
    const page = await open("/no-such-page");
    const result = page.locator(".ant-result");
    expect(await textOf(result)).toContain("您访问的页面不存在");
    await screenshot(page, "not-found.png");
    await page.getByRole("button", { name: "返回工作台" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await statusCard(page).waitFor();
  });

  it("sends a signed-out visitor to sign in, validates in Chinese, and shows the server's refusal", async () => {
    const page = await openSignedOut("/reports");
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/reports");
    const form = page.locator("form");
    await form.waitFor();
    await screenshot(page, "login.png");

    await form.getByRole("button", { name: LOGIN_BUTTON }).click();
    expect(await textOf(page.getByText("请输入用户名"))).toBe("请输入用户名");
    expect(await textOf(page.getByText("请输入密码"))).toBe("请输入密码");

    current?.expectFailedRequest("/api/auth/login");
    await page.getByLabel("用户名").fill("e2e-nobody");
    await page.getByLabel("密码").fill("not-a-real-password-1");
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/login"),
      form.getByRole("button", { name: LOGIN_BUTTON }).click(),
    ]);
    expect(response.ok(), "this journey expects the login to be refused").toBe(false);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.message).toBeTruthy();

    const alert = page.getByRole("alert").filter({ hasText: "登录失败" });
    expect(await textOf(alert)).toContain(body.message);
    expect(body.message).toBe("用户名或密码错误");

    // The real password goes on to the page the visitor first asked for.
    await page.getByLabel("用户名").fill(user.username);
    await page.getByLabel("密码").fill(user.password);
    await form.getByRole("button", { name: LOGIN_BUTTON }).click();
    await page.waitForURL((url) => url.pathname === "/reports");
    await page.locator(".app-content").getByText("您的账号无权使用此页面", { exact: false }).waitFor();
  });

  it("signs out from the user menu, back to the sign-in page", async () => {
    const page = await open("/");
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "退出登录" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.locator("form").waitFor();
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/login");
  });
});

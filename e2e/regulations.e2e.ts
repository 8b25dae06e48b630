import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { committeeWorld, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, textOf } from "./ui.js";

/**
 * 规章制度库 journeys (第十三条第（四）项、第六条第（一）项). Through the API: an institution with its secrecy office and a
 * cleared person of a school. In the browser: the office finds the implementing rules as the library's first entry,
 * drafts a rule, adopts it (制定施行) and revises it (修订), and sees both versions — the first superseded, its text kept;
 * the cleared person, who reads only the rules, lands on 规章制度 from 委员会工作 and finds the rule in force.
 */

const harness = useHarness();

const OFFICE = { username: "e2e-rg-office", displayName: "刘洋", password: "保密办的长句密码-e2e-2026" };
const CLEARED = { username: "e2e-rg-cleared", displayName: "黄伟", password: "涉密人员的长句密码-e2e-2026" };

const beijingDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const YEAR = Number(beijingDay().slice(0, 4));
const RULE = "学院涉密计算机及移动存储介质保密管理办法";
const TEXT =
  "第一条 为加强学院涉密计算机和移动存储介质的保密管理，根据有关保密法规，结合学院实际，制定本办法。\n第二条 涉密计算机实行专人管理，严禁接入互联网。";
const ADDED = "第三条 移动存储介质实行统一登记、统一标识，定期清查。";
const SEED = "广东技术师范学院保密工作责任制实施细则";

let office: Credentials;
let cleared: Credentials;

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  office = world.office.credentials;
  const school = await world.unit("计算机科学学院", "CS_SCHOOL", true);
  const clearedAccount = await world.account(CLEARED, school);
  cleared = clearedAccount.credentials;
  await world.grant(clearedAccount.accountId, "clearedPerson", school);
});

const { open } = signedInPages(harness);

const content = (page: Page) => page.locator(".app-content");
const detail = (page: Page) => page.getByTestId("regulation-detail");
const statusOf = async (page: Page) => textOf(detail(page).locator(".page-header .status-tag"));
const label = (text: string) => new RegExp(`${[...text].join("\\s?")}$`);

async function toast(page: Page, text: string): Promise<void> {
  const notice = page.locator(".ant-message-notice").filter({ hasText: text });
  await notice.waitFor();
  await notice.waitFor({ state: "detached" });
}

describe("the regulations library", () => {
  it("the office finds the implementing rules first, drafts a rule, adopts it and revises it into a second version", async () => {
    const { page } = await open(office, "/committee/regulations", 1100);
    await content(page).getByRole("heading", { name: "保密规章制度" }).waitFor();
    const list = content(page).getByTestId("regulation-list");
    const first = list.locator("tr.ant-table-row").first();
    expect(await textOf(first)).toContain(SEED);
    expect(await textOf(first)).toContain("实施细则");
    expect(await textOf(first)).toContain("现行有效");

    await content(page).getByRole("button", { name: "起草制度" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("制度名称").fill(RULE);
    await dialog.getByLabel("制度正文").fill(TEXT);
    await dialog.getByRole("button", { name: label("起草") }).click();
    await page.waitForURL((url) => /^\/committee\/regulations\/[^/]+$/.test(url.pathname));
    await detail(page).getByRole("heading", { name: RULE }).waitFor();
    expect(await statusOf(page)).toBe("草拟中");
    expect(await textOf(page.getByTestId("regulation-facts"))).toContain("第十三条第（四）项");

    await detail(page).getByRole("button", { name: "制定施行" }).click();
    const adopt = page.getByRole("dialog");
    await adopt.getByLabel("发文字号").fill(`广师保密〔${YEAR}〕3号`);
    await adopt.getByRole("button", { name: "制定施行" }).click();
    await adopt.waitFor({ state: "hidden" });
    await expect.poll(() => statusOf(page)).toBe("现行有效");
    await toast(page, "制度已制定施行");

    await detail(page)
      .getByRole("button", { name: label("修订") })
      .click();
    const revise = page.getByRole("dialog");
    await revise.getByLabel("修订说明").fill("增加移动存储介质登记和清查的规定");
    const body = revise.getByLabel("制度正文");
    expect(await body.inputValue()).toBe(TEXT);
    await body.fill(`${TEXT}\n${ADDED}`);
    await revise.getByRole("button", { name: label("修订") }).click();
    await revise.waitFor({ state: "hidden" });
    await toast(page, "已形成新版本");

    const versions = page.getByTestId("regulation-versions");
    const second = versions.locator("tr.ant-table-row").filter({ hasText: "第 2 版" });
    const firstVersion = versions.locator("tr.ant-table-row").filter({ hasText: "第 1 版" });
    expect(await textOf(second)).toContain("现行");
    expect(await textOf(second)).toContain("增加移动存储介质登记和清查的规定");
    expect(await textOf(firstVersion)).toContain("已被修订");
    expect(await textOf(page.getByTestId("regulation-text"))).toContain(ADDED);
    // The superseded version keeps its text.
    await firstVersion.getByRole("button", { name: "查看文本" }).click();
    await versions.locator(".regulation-text").filter({ hasNotText: ADDED }).waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate("window.scrollTo(0, 0)");
    await screenshot(page, "regulations.png");
  });

  it("a cleared person lands on 规章制度 from 委员会工作 and reads the rules in force, without keeping them", async () => {
    const { page } = await open(cleared, "/committee");
    await page.waitForURL((url) => url.pathname === "/committee/regulations");
    await content(page).getByRole("heading", { name: "保密规章制度" }).waitFor();
    const tabs = await content(page).locator(".ant-tabs-tab").allTextContents();
    expect(tabs).toEqual(["规章制度"]);
    const list = content(page).getByTestId("regulation-list");
    await list.getByRole("link", { name: RULE }).waitFor();
    expect(await textOf(list.locator("tr.ant-table-row").first())).toContain(SEED);
    expect(await content(page).getByRole("button", { name: "起草制度" }).count()).toBe(0);
    await list.getByRole("link", { name: RULE }).click();
    await detail(page).getByRole("heading", { name: RULE }).waitFor();
    expect(await textOf(page.getByTestId("regulation-text"))).toContain(ADDED);
    expect(
      await detail(page)
        .getByRole("button", { name: label("修订") })
        .count(),
    ).toBe(0);
  });
});

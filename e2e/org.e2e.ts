import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApiSession, createBusinessAccount, rootUnitId } from "./api.js";
import type { WatchedPage } from "./browser.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, signIn, textOf, typeDate } from "./ui.js";

/**
 * 组织与职责 journeys. The organization is set up through the API as the three administrators and the secrecy office
 * (units with their agreed codes, people, the leaders' posts and portfolios, a school with its head); then, in the
 * browser, the secrecy office adds a unit and appoints its head, reads that unit's responsibility chain, the committee
 * roster (recording a delegation and exporting it), and the people directory; the school's head reads 我的职责 and
 * the implementing rules. Every journey checks the page logged no errors.
 */

const harness = useHarness();
let current: WatchedPage | undefined;

const OFFICE = { username: "e2e-office", displayName: "刘洋", password: "保密办的长句密码-e2e-2025" };
const HEAD = { username: "e2e-head", displayName: "周明", password: "学院院长的长句密码-e2e-2025" };
const NEW_UNIT = { name: "外事处", code: "FOREIGN_AFFAIRS" };
const NEW_HEAD = "黄伟";

let office: Credentials;
let head: Credentials;
let rootName = "";

/** Today and a week on, in Beijing (the server's calendar). */
function beijingDate(offsetDays = 0): string {
  const at = new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000);
  return at.toISOString().slice(0, 10);
}

beforeAll(async () => {
  const { baseUrl, credentials } = harness;
  const sysadmin = new ApiSession(baseUrl);
  await sysadmin.completeFirstSignIn(credentials.sysadmin, "Admin-of-systems-passphrase-1");
  const secadmin = new ApiSession(baseUrl);
  await secadmin.completeFirstSignIn(credentials.secadmin, "Admin-of-security-passphrase-1");
  const rootId = await rootUnitId(sysadmin);
  const { items } = await sysadmin.call<{ items: { id: string; name: string }[] }>("GET", "/api/units");
  rootName = items.find((u) => u.id === rootId)?.name ?? "";

  // The secrecy office keeps the organization (Art. 13): 保密办 on the root unit.
  const officeAccount = await createBusinessAccount(sysadmin, OFFICE, rootId);
  office = officeAccount.credentials;
  const grant = (accountId: string, role: string, unitId: string) =>
    secadmin.call("POST", "/api/grants", { accountId, role, unitId, startsOn: "2024-01-01", endsOn: null });
  await grant(officeAccount.accountId, "secrecyOffice", rootId);
  const org = new ApiSession(baseUrl);
  await org.login(office);

  const unit = async (name: string, code: string, classified = false) =>
    (await org.call<{ id: string }>("POST", "/api/units", { parentId: rootId, name, code, classified })).id;
  const securityDept = await unit("保卫处", "SECURITY_DEPT");
  await unit("党委办公室", "PARTY_OFFICE");
  const school = await unit("计算机科学学院", "CS_SCHOOL", true);

  const person = async (name: string, unitId: string, staffNo: string) =>
    (await org.call<{ id: string }>("POST", "/api/people", { name, unitId, staffNo })).id;
  const appoint = (personId: string, unitId: string, position: string, startsOn = "2024-09-01") =>
    org.call("POST", "/api/appointments", { personId, unitId, position, acting: false, startsOn, endsOn: null });
  const portfolio = (personId: string, unitId: string, area: string) =>
    org.call("POST", "/api/portfolios", { personId, unitId, area, startsOn: "2024-09-01", endsOn: null });

  const secretary = await person("王建国", rootId, "T0001");
  const president = await person("陈志强", rootId, "T0002");
  const vicePresident = await person("赵立新", rootId, "T0003");
  const deputySecretary = await person("孙红", rootId, "T0004");
  const securityHead = await person("郑海", securityDept, "T0101");
  await person(NEW_HEAD, rootId, "T0201");
  await appoint(secretary, rootId, "PARTY_SECRETARY");
  await appoint(president, rootId, "PRESIDENT");
  await appoint(vicePresident, rootId, "VICE_PRESIDENT");
  await appoint(deputySecretary, rootId, "DEPUTY_PARTY_SECRETARY");
  await appoint(securityHead, securityDept, "UNIT_HEAD");
  // 分管保卫工作的副院长 sits on the committee as a deputy (Art. 8); the same leader oversees the school (Art. 5).
  await portfolio(vicePresident, rootId, "security");
  await portfolio(vicePresident, school, "business");
  await portfolio(deputySecretary, rootId, "secrecy");

  // The school's head signs in with an account of their own: the account's person is the one appointed.
  const headAccount = await createBusinessAccount(sysadmin, HEAD, school);
  head = headAccount.credentials;
  await appoint(headAccount.personId, school, "UNIT_HEAD", "2025-01-01");
  await grant(headAccount.accountId, "unitHead", school);
});

async function open(credentials: Credentials, path: string): Promise<WatchedPage> {
  current = await harness.openPage();
  await signIn(current.page, credentials);
  await current.page.goto(path);
  return current;
}

afterEach(async () => {
  if (!current) return;
  const { errors } = current;
  await current.close();
  current = undefined;
  expect(errors, "the page logged errors").toEqual([]);
});

const content = (page: Page) => page.locator(".app-content");
const tabs = (page: Page) => page.locator(".org-tabs .ant-tabs-tab");

/** Opens a picker in a dialog, types to narrow it, and chooses the option (waiting for its list to close). */
async function choose(page: Page, label: string, typed: string, option: string | RegExp): Promise<void> {
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(label).click();
  if (typed) await page.keyboard.type(typed);
  const list = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  await list
    .locator(".ant-select-item-option, .ant-select-tree-node-content-wrapper")
    .filter({ hasText: option })
    .first()
    .click();
  await list.waitFor({ state: "hidden" });
}

describe("organization and responsibility", () => {
  it("the secrecy office adds a unit to the tree and appoints its head", async () => {
    const { page } = await open(office, "/org");
    // 我的职责 is the module's landing page; the office sees every page of the module.
    await page.waitForURL((url) => url.pathname === "/org/mine");
    expect(await tabs(page).allTextContents()).toEqual([
      "我的职责",
      "责任链",
      "保密委员会",
      "组织机构",
      "人员",
      "导入",
      "实施细则",
    ]);
    await tabs(page).filter({ hasText: "组织机构" }).click();
    await page.waitForURL((url) => url.pathname === "/org/units");

    const detail = page.getByTestId("unit-detail");
    await detail.getByText(rootName, { exact: true }).waitFor();
    const tree = page.locator(".unit-tree");
    expect(await textOf(tree)).toContain("SECURITY_DEPT");
    expect(await textOf(tree.locator(".ant-tree-treenode").filter({ hasText: "计算机科学学院" }))).toContain(
      "涉密单位",
    );

    await detail.getByRole("button", { name: "新增下级单位" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("单位名称").fill(NEW_UNIT.name);
    await dialog.getByLabel("单位代码").fill(NEW_UNIT.code.toLowerCase());
    await dialog.getByRole("button", { name: /新\s?增/ }).click();
    await dialog.waitFor({ state: "hidden" });
    await detail.locator(".ant-card-head").getByText(NEW_UNIT.name, { exact: true }).waitFor();
    // The code was typed in lower case and saved as the rules spell it.
    expect(await textOf(detail.locator(".ant-descriptions"))).toContain(NEW_UNIT.code);

    await detail.getByRole("button", { name: /任\s?命/ }).click();
    await choose(page, "人员", NEW_HEAD, NEW_HEAD);
    await choose(page, "职务", "单位主要", "单位主要负责人");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /任\s?命/ })
      .click();
    const row = detail.locator("tr.ant-table-row").filter({ hasText: NEW_HEAD });
    const text = await textOf(row);
    expect(text).toContain("单位主要负责人");
    expect(text).toContain("在任");
    expect(text).toContain(`自 ${beijingDate()} 起`);
    await screenshot(page, "org-units.png");
  });

  it("the chain of the new unit names its head, shows the vacant portfolio level, and cites the articles", async () => {
    const { page } = await open(office, "/org/units");
    await page.locator(".unit-tree").getByText(NEW_UNIT.name, { exact: true }).click();
    // The detail shows the unit first selected until the click lands: its link would open that unit's chain.
    const detail = page.getByTestId("unit-detail");
    await detail.locator(".ant-card-head").getByText(NEW_UNIT.name, { exact: true }).waitFor();
    await detail.getByRole("link", { name: "查看本单位责任链" }).click();
    await page.waitForURL((url) => url.pathname === "/org/chain" && url.searchParams.has("unitId"));

    const chain = page.getByTestId("chain");
    // The chain of the unit the office person belongs to may be on screen for a moment (the previous query's data is
    // kept while the new one loads): wait for the new unit's chain before reading it.
    const breadcrumb = chain.locator(".ant-breadcrumb").filter({ hasText: NEW_UNIT.name });
    expect(await textOf(breadcrumb)).toContain(`${rootName}/${NEW_UNIT.name}`);
    const unitHead = await textOf(page.getByTestId("chain-unitHead"));
    expect(unitHead).toContain("第六条");
    expect(unitHead).toContain(NEW_HEAD);
    const portfolio = await textOf(page.getByTestId("chain-portfolioLeader"));
    expect(portfolio).toContain("第五条");
    expect(portfolio).toContain("空缺");
    const secrecy = await textOf(page.getByTestId("chain-secrecyLeader"));
    expect(secrecy).toContain("第四条");
    expect(secrecy).toContain("孙红");
    const principal = await textOf(page.getByTestId("chain-principalLeaders"));
    expect(principal).toContain("第三条");
    expect(principal).toContain("王建国");
    expect(principal).toContain("陈志强");
    expect(await textOf(chain)).toContain("有 1 级空缺");

    // A citation opens the words it cites.
    await page.getByTestId("chain-unitHead").getByRole("button", { name: "第六条" }).click();
    await page
      .locator(".citation-popover")
      .getByText(/二级单位负责人对本单位保密工作负有直接领导责任/)
      .waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("chain-unitHead").getByRole("button", { name: "第六条" }).blur();

    await page.setViewportSize({ width: 1280, height: 1000 });
    await screenshot(page, "chain.png");
  });

  it("the committee roster follows the posts, records a delegation, and exports to .xlsx", async () => {
    const watched = await open(office, "/org/committee");
    const { page } = watched;
    const roster = page.getByTestId("committee-roster");
    const seat = (name: string) => roster.locator("tr.ant-table-row").filter({ hasText: name });
    await seat("王建国").waitFor();
    expect(await textOf(roster.locator(".ant-card-head"))).toContain("第八条");
    expect(await textOf(seat("王建国"))).toContain("主任");
    expect(await textOf(seat("陈志强"))).toContain("副主任");
    expect(await textOf(seat("赵立新"))).toContain("分管保卫工作");
    expect(await textOf(seat("纪委书记"))).toContain("空缺");
    expect(await textOf(seat("郑海"))).toContain("保卫处主要负责人");
    expect(await textOf(seat(NEW_HEAD))).toContain(`${NEW_UNIT.name}主要负责人`);
    const school = await textOf(seat("周明"));
    expect(school).toContain("计算机科学学院主要负责人");
    expect(school).toContain("涉密单位");
    // 党委办公室 has no head yet: its seat is listed, vacant.
    expect(await textOf(seat("党委办公室"))).toContain("空缺");

    // 第十条第（二）项: the director delegates chairing a meeting to a sitting deputy.
    await page.getByRole("button", { name: "记录主任委托" }).click();
    await choose(page, "受托副主任", "", "陈志强");
    await page.getByRole("dialog").getByLabel("委托事项").fill("召集、主持本学期保密委员会例会");
    await typeDate(page, "开始日期", beijingDate());
    await typeDate(page, "结束日期", beijingDate(7));
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /记\s?录/ })
      .click();
    const delegations = page.getByTestId("delegations");
    await delegations.locator("tr.ant-table-row").filter({ hasText: "陈志强" }).waitFor();
    expect(await textOf(delegations)).toContain("第十条第（二）项");

    await page.setViewportSize({ width: 1280, height: 1180 });
    await screenshot(page, "committee.png");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出 Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^committee-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = await download.path();
    expect(path).toBeTruthy();
  });

  it("the school's head sees 单位主要负责人 duties citing 第六条 in 我的职责", async () => {
    const { page } = await open(head, "/org");
    await page.waitForURL((url) => url.pathname === "/org/mine");
    // A unit head reads the organization but does not keep it: no import page.
    expect(await tabs(page).allTextContents()).toEqual([
      "我的职责",
      "责任链",
      "保密委员会",
      "组织机构",
      "人员",
      "实施细则",
    ]);
    const duties = page.getByTestId("my-duties");
    const card = duties.getByTestId("role-card").filter({ hasText: "二级单位负责人" });
    const text = await textOf(card);
    expect(text).toContain("单位主要负责人 · 计算机科学学院");
    expect(text).toContain("第六条");
    expect(text).toContain("对本单位保密工作负有直接领导责任");
    expect(text).toContain("第六条第（一）项");
    // The head of a classified unit also sits on the committee (Art. 8).
    expect(await textOf(duties.getByTestId("role-card").filter({ hasText: "保密委员会委员" }))).toContain("第十一条");
    expect(await textOf(page.getByTestId("my-scopes"))).toContain("计算机科学学院及下级单位");
    // 我的职责 leads to the obligations those duties gave (我的事项).
    expect(
      await content(page)
        .getByRole("link", { name: /我的履职事项/ })
        .getAttribute("href"),
    ).toBe("/obligations?mine=true");

    await card.getByRole("button", { name: "第六条第（一）项" }).first().click();
    await page
      .locator(".citation-popover")
      .getByText(/把保密工作纳入本单位工作议程/)
      .waitFor();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await screenshot(page, "my-duties.png");
  });

  it("the head reads the organization within their scope, without the secrecy office's buttons", async () => {
    const { page } = await open(head, "/org/units");
    const detail = page.getByTestId("unit-detail");
    // The top of the head's scope is their school, chosen without asking.
    await detail.locator(".ant-card-head").getByText("计算机科学学院", { exact: true }).waitFor();
    const tree = await textOf(page.locator(".unit-tree"));
    expect(tree).toContain("计算机科学学院");
    expect(tree).not.toContain("保卫处");
    const row = detail.locator("tr.ant-table-row").filter({ hasText: "周明" });
    expect(await textOf(row)).toContain("单位主要负责人");
    expect(await detail.getByRole("button", { name: "新增下级单位" }).count()).toBe(0);
    expect(await row.getByRole("button").count()).toBe(0);
  });

  it("the implementing rules read in full, with the duty catalogue filtered by article", async () => {
    const { page } = await open(head, "/org/policy");
    const policy = page.getByTestId("policy");
    await policy.locator("#art17").waitFor();
    expect(await textOf(policy.locator("#art6"))).toContain("二级单位负责人对本单位保密工作负有直接领导责任");
    expect(await textOf(policy.locator("#art8"))).toContain("学院保密委员会是学院保密工作领导机构");
    expect(await textOf(policy.locator(".ant-card-head"))).toContain("广师保密〔2012〕14号");
    await screenshot(page, "policy.png");

    await policy
      .locator("#art6")
      .getByText(/查看第六条的 \d+ 项职责/)
      .click();
    await policy.getByRole("tab", { name: /职责清单/, selected: true }).waitFor();
    const rows = policy.locator(".ant-table-tbody tr.ant-table-row");
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const row of texts) expect(row).toContain("第六条");
  });

  it("the people directory finds a person and shows their appointments", async () => {
    const { page } = await open(office, "/org/people");
    await page.getByLabel("搜索姓名或工号").fill(NEW_HEAD);
    await page.getByLabel("搜索姓名或工号").press("Enter");
    const row = content(page).locator("tr.ant-table-row").filter({ hasText: NEW_HEAD });
    await row.waitFor();
    expect(await content(page).locator("tr.ant-table-row").count()).toBe(1);
    await row.getByRole("button", { name: "任职记录" }).click();
    const drawer = page.locator(".ant-drawer");
    const appointment = drawer.locator("tr.ant-table-row").filter({ hasText: NEW_UNIT.name });
    expect(await textOf(appointment)).toContain("单位主要负责人");
  });

  it("an import that the server refuses imports nothing and says why", async () => {
    const watched = await open(office, "/org/import");
    const { page } = watched;
    watched.expectFailedRequest("/api/org/import");
    await page.locator(".import-upload input[type=file]").setInputFiles({
      name: "not-a-workbook.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("这不是一个 Excel 文件"),
    });
    await page.locator(".import-submit").click();
    const errors = page.getByTestId("import-errors");
    // allTextContents does not wait: wait for the server's answer to be on screen first.
    await errors.locator(".ant-alert-title").first().waitFor();
    const [message] = await errors.locator(".ant-alert-title").allTextContents();
    expect(message?.trim()).toBeTruthy();
    // When the server lists what is wrong (details.errors), every problem is a row of the table, in Chinese.
    const rows = errors.locator("tr.ant-table-row");
    if ((await rows.count()) > 0) {
      expect(await textOf(errors)).toContain("未导入任何数据");
      for (const row of await rows.allTextContents()) expect(row).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

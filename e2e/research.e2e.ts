import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { committeeWorld, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, textOf } from "./ui.js";

/**
 * 调研课题 journey (第十二条第（三）项 调研制度). Through the API: an institution with its secrecy office (an officer
 * granted secrecyOffice on it) and a school with a teacher. In the browser: the office proposes a topic led by the
 * officer with the teacher as a member, records the committee's approval, starts the research, records two findings,
 * writes the report and concludes the topic; the list then shows it concluded and filters by keyword.
 */

const harness = useHarness();

const OFFICE = { username: "e2e-rs-office", displayName: "刘洋", password: "保密办的长句密码-e2e-2026" };
const MEMBER = "张敏";
const TITLE = "涉密科研项目人员流动中的保密管理问题研究";
const QUESTION =
  "近年来学院承担的涉密科研项目增多，项目组人员流动频繁，离岗人员的保密审查和脱密期管理存在薄弱环节，需要调查研究。";
const PLAN = "走访承担涉密科研项目的学院，召开项目负责人座谈会，发放问卷，汇总分析后形成调研报告。";
const FINDINGS = [
  "部分项目组成员变动后，未及时向保密办公室报告并办理保密审查手续。",
  "离岗人员脱密期管理要求告知不到位，个别人员对脱密期内的义务不清楚。",
];
const REPORT =
  "一、基本情况\n本次调研走访了三个学院，座谈二十余人。\n二、存在问题\n人员变动报告不及时，脱密期管理告知不到位。\n三、对策建议\n建立项目组人员变动报告制度，离岗时签订保密承诺书并明确脱密期。";

let office: Credentials;

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  office = world.office.credentials;
  const school = await world.unit("计算机科学学院", "CS_SCHOOL", true);
  await world.officeApi.call("POST", "/api/people", { name: MEMBER, unitId: school });
});

const { open } = signedInPages(harness);

const content = (page: Page) => page.locator(".app-content");
const detail = (page: Page) => page.getByTestId("research-detail");
const statusOf = async (page: Page) => textOf(detail(page).locator(".page-header .status-tag"));
/** antd spaces a two-character label ("结 题") and an icon names itself first ("play-circle 开始调研"): match the end. */
const label = (text: string) => new RegExp(`${[...text].join("\\s?")}$`);

/** Waits for a toast with this text to appear and go, so it is not in a screenshot. */
async function toast(page: Page, text: string): Promise<void> {
  const notice = page.locator(".ant-message-notice").filter({ hasText: text });
  await notice.waitFor();
  await notice.waitFor({ state: "detached" });
}

/** Types into an antd search select and picks the option with this text. */
async function pick(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await select.locator("input").fill(text);
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: text }).first().click();
}

describe("research topics", () => {
  it("the office proposes, approves, researches, reports and concludes a topic", async () => {
    const { page } = await open(office, "/committee/research", 1400);
    await content(page).getByRole("heading", { name: "调研课题" }).waitFor();
    expect(await textOf(content(page).locator(".page-basis"))).toContain("第十二条第（三）项");
    await content(page).getByText("还没有调研课题").waitFor();
    expect(await textOf(content(page).locator(".ant-tabs-tab-active"))).toBe("调研课题");

    // 新建课题: lead, a member, the plan (the dates default to today and three months on).
    await content(page).getByRole("button", { name: "新建课题" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("课题名称").fill(TITLE);
    await dialog.getByLabel("研究问题和背景").fill(QUESTION);
    await pick(page, dialog.locator(".ant-select").filter({ has: page.locator("#research-lead") }), OFFICE.displayName);
    await dialog.getByRole("button", { name: "添加成员" }).click();
    await pick(page, dialog.locator(".ant-select").filter({ has: page.locator("#research-member-0") }), MEMBER);
    await dialog.getByLabel("调研计划").fill(PLAN);
    await dialog.getByRole("button", { name: label("提交") }).click();
    await page.waitForURL((url) => /^\/committee\/research\/[^/]+$/.test(url.pathname));
    await detail(page).getByRole("heading", { name: TITLE }).waitFor();
    expect(await statusOf(page)).toBe("立项中");
    const team = await textOf(page.getByTestId("research-team"));
    expect(team).toContain(`${OFFICE.displayName}（负责人`);
    expect(team).toContain(`${MEMBER}（成员 · 计算机科学学院）`);
    expect(await textOf(page.getByTestId("research-article"))).toContain("调研制度");
    const actions = page.getByTestId("research-actions");

    // 登记立项: where the committee decided.
    await actions.getByLabel("立项依据").fill("经保密委员会例会研究同意立项");
    await actions.getByRole("button", { name: label("登记立项") }).click();
    await expect.poll(() => statusOf(page)).toBe("已立项");
    await actions.getByRole("button", { name: label("开始调研") }).click();
    await expect.poll(() => statusOf(page)).toBe("调研中");

    const findings = page.getByTestId("research-findings");
    for (const [i, text] of FINDINGS.entries()) {
      await findings.getByLabel("新增调研发现").fill(text);
      await findings.getByRole("button", { name: label("登记") }).click();
      await findings.getByText(`发现 ${i + 1}`).waitFor();
    }
    expect(await statusOf(page)).toBe("已形成调研发现");

    const report = page.getByTestId("research-report");
    await report.getByLabel("报告正文").fill(REPORT);
    await report.getByRole("button", { name: label("保存调研报告") }).click();
    await expect.poll(() => statusOf(page)).toBe("已形成调研报告");

    await actions.getByLabel("结题意见").fill("经保密委员会审议，同意结题，对策建议由保密办公室组织落实。");
    await actions.getByRole("button", { name: label("结题") }).click();
    await expect.poll(() => statusOf(page)).toBe("已结题");
    await toast(page, "课题已结题");
    expect(await textOf(actions)).toContain("课题已结题，相关记录不得修改");
    expect(await textOf(page.getByTestId("research-conclusion"))).toContain("同意结题");
    expect(await page.getByTestId("research-steps").locator(".ant-steps-item-finish").count()).toBe(6);
    expect(await report.locator("textarea").count()).toBe(0);
    await page.mouse.move(0, 0);
    await page.evaluate("window.scrollTo(0, 0)");
    await screenshot(page, "research.png");

    // The list: concluded, found by keyword, gone under another.
    await page.goto(`/committee/research?q=${encodeURIComponent("人员流动")}`);
    const row = content(page).getByTestId("research-list").locator("tr.ant-table-row").filter({ hasText: TITLE });
    expect(await textOf(row)).toContain("已结题");
    expect(await textOf(row)).toContain(OFFICE.displayName);
    await page.goto(`/committee/research?q=${encodeURIComponent("对外交流")}`);
    await content(page).getByText("没有符合筛选条件").first().waitFor();
  });
});

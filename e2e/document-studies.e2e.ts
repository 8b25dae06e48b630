import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { committeeWorld, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, textOf } from "./ui.js";

/**
 * 上级来文传达学习 journeys (第四条第（一）项、第十三条第（一）项). Through the API: an institution with its secrecy office, the
 * leader in charge of secrecy work (a secrecy portfolio: the bearer of the briefing duty), and a school with its head
 * (granted unitHead) and one more teacher. In the browser: the office registers a document the school must study, which
 * raises the leader's obligation; the school's head records the school's session with the teacher on leave, and the
 * document shows the school done with its attendance.
 */

const harness = useHarness();

const OFFICE = { username: "e2e-ds-office", displayName: "刘洋", password: "保密办的长句密码-e2e-2026" };
const HEAD = { username: "e2e-ds-head", displayName: "吴建华", password: "学院院长的长句密码-e2e-2026" };
const TEACHER = "陈明";

/** A Beijing calendar day `days` from today, YYYY-MM-DD (the server's calendar). */
const beijingDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const YEAR = Number(beijingDay().slice(0, 4));
const DOC = {
  issuer: "广东省国家保密局",
  documentNo: `粤保发〔${YEAR}〕7号`,
  title: `关于开展${YEAR}年度保密宣传教育月活动的通知`,
};

let office: Credentials;
let head: Credentials;

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  office = world.office.credentials;
  const school = await world.unit("计算机科学学院", "CS_SCHOOL", true);
  // The leader in charge of secrecy work bears the duty to organize the briefing (第四条第（一）项).
  await world.officeApi.call("POST", "/api/portfolios", {
    personId: await world.person("孙立新", world.rootId, "L0001"),
    unitId: world.rootId,
    area: "secrecy",
    startsOn: "2024-09-01",
    endsOn: null,
  });
  const headAccount = await world.account(HEAD, school);
  head = headAccount.credentials;
  await world.appoint(headAccount.personId, school, "UNIT_HEAD");
  await world.grant(headAccount.accountId, "unitHead", school);
  await world.person(TEACHER, school, "T0201");
});

const { open } = signedInPages(harness);

const content = (page: Page) => page.locator(".app-content");
const openList = (page: Page) => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
const detail = (page: Page) => page.getByTestId("document-detail");
/** antd spaces a two-character label ("登 记") and an icon names itself first: match the end. */
const label = (text: string) => new RegExp(`${[...text].join("\\s?")}$`);

/** Waits for a toast with this text to appear and go, so it is not in a screenshot. */
async function toast(page: Page, text: string): Promise<void> {
  const notice = page.locator(".ant-message-notice").filter({ hasText: text });
  await notice.waitFor();
  await notice.waitFor({ state: "detached" });
}

/** Types a date into an antd picker; Enter commits it. Retried: under load it has not always taken. */
async function typeDate(page: Page, field: Locator, value: string): Promise<void> {
  for (let attempt = 0; attempt < 3 && (await field.inputValue()) !== value; attempt++) {
    await field.click();
    await field.fill(value);
    await field.press("Enter");
    await page.waitForTimeout(200);
  }
  expect(await field.inputValue()).toBe(value);
}

describe("documents received and their briefing and study", () => {
  it("the office registers a document the school must study, raising the leader's briefing obligation", async () => {
    const { page } = await open(office, "/committee/documents");
    await content(page).getByRole("heading", { name: "上级来文传达学习" }).waitFor();
    expect(await textOf(content(page).locator(".page-basis"))).toContain("第四条第（一）项、第十三条第（一）项");
    await content(page).getByText("还没有登记上级来文").waitFor();

    await content(page).getByRole("button", { name: "登记来文" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("来文单位").fill(DOC.issuer);
    await dialog.getByLabel("来文文号").fill(DOC.documentNo);
    await dialog.getByLabel("文件标题").fill(DOC.title);
    await dialog.getByLabel("传达要求").fill("传达至全体教职工，并组织专题学习");
    await dialog.getByLabel("须组织学习的单位").click();
    await openList(page).locator(".ant-select-tree-node-content-wrapper").filter({ hasText: "计算机科学学院" }).click();
    await dialog.locator(".ant-modal-title").click();
    await typeDate(page, dialog.getByLabel("完成时限"), beijingDay(30));
    await dialog.getByRole("button", { name: label("登记") }).click();
    await page.waitForURL((url) => /^\/committee\/documents\/[^/]+$/.test(url.pathname));
    await detail(page).getByRole("heading", { name: DOC.title }).waitFor();
    expect(await textOf(page.getByTestId("document-completion"))).toContain("0/1 个单位已完成传达学习");
    expect(await textOf(page.getByTestId("document-briefing"))).toContain("尚未组织院级传达");
    expect(await textOf(page.getByTestId("document-discharges"))).toContain("组织传达学习上级保密工作文件和指示精神");

    await page.getByRole("link", { name: "来文学习" }).first().click();
    const row = content(page).getByTestId("document-list").locator("tr.ant-table-row").filter({ hasText: DOC.title });
    expect(await textOf(row)).toContain("0/1 个单位");
    expect(await textOf(row)).toContain("传达学习中");
  });

  it("the school's head records the school's session with a teacher on leave, and the school shows done", async () => {
    const { page } = await open(head, "/committee/documents", 1000);
    await content(page).getByTestId("document-list").getByRole("link", { name: DOC.title }).click();
    await detail(page).getByRole("heading", { name: DOC.title }).waitFor();
    // The head runs the school's study, not the document: no 办结.
    expect(
      await detail(page)
        .getByRole("button", { name: label("办结") })
        .count(),
    ).toBe(0);
    await detail(page).getByRole("button", { name: "登记传达学习" }).click();
    const dialog = page.getByRole("dialog");
    const attendance = dialog.getByTestId("session-attendance");
    await attendance.getByText(TEACHER).waitFor();
    await dialog.getByLabel("地点").fill("学院第一会议室");
    await dialog.getByLabel("主持人").click();
    await openList(page).locator(".ant-select-item-option").filter({ hasText: HEAD.displayName }).click();
    await attendance
      .getByRole("radiogroup", { name: `${TEACHER}的出席情况` })
      .locator("label")
      .filter({ hasText: "请假" })
      .click();
    await dialog.getByLabel("学习情况").fill("传达文件精神，部署本学院保密宣传教育月活动");
    await dialog.getByRole("button", { name: label("登记") }).click();
    await dialog.waitFor({ state: "hidden" });
    await toast(page, "传达学习情况已登记");

    const completion = page.getByTestId("document-completion");
    await completion.getByText("1/1 个单位已完成传达学习").waitFor();
    const school = completion.locator("tr.ant-table-row").filter({ hasText: "计算机科学学院" });
    expect(await textOf(school)).toContain("已学习");
    const session = page.getByTestId("study-session").first();
    expect(await textOf(session)).toContain("出席 1 人，请假 1 人，缺席 0 人");
    expect(await textOf(session)).toContain(`${TEACHER}（请假）`);
    expect(await textOf(session)).toContain(`主持人：${HEAD.displayName}`);
    await page.mouse.move(0, 0);
    await screenshot(page, "document-studies.png");
  });
});

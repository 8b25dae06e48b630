import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { type RubricAnswers, rubricItems } from "../src/domain/rubric.js";
import { shippedRubric } from "../src/platform/policy/rubric-loader.js";
import type { WatchedPage } from "./browser.js";
import { committeeWorld, directorOf, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, textOf } from "./ui.js";

/**
 * 督查考核 journeys (第十二条第（二）项; 第十条第（二）项 主任审定). Through the API: an institution with its secrecy
 * office, the Party secretary who directs the committee (第八条) and signs in, two schools, this year's obligations
 * materialized, and last year's plan and one assessed unit (what 沿用上年计划 carries, the rubric with it). In the
 * browser: the office carries last year's plan forward, sees the differences and drafts a plan of two tasks; the
 * director approves it with the password re-entered, and the office's stale draft is refused with the 409's message;
 * the tasks show their tracked progress; the office writes a supervision note and completes the supervision; the
 * office scores two units — one with an item not applicable and a deduction, the other with a veto — and reads the
 * ranking; the director approves the assessment; the office drafts the summary and the director approves it; the
 * four duties of the year are fulfilled.
 */

const harness = useHarness();

const OFFICE = { username: "e2e-sv-office", displayName: "刘洋", password: "保密办的长句密码-e2e-2026" };
const DIRECTOR = { username: "e2e-sv-director", displayName: "王建国", password: "党委书记的长句密码-e2e-2026" };

/** A Beijing calendar day `days` from today, YYYY-MM-DD (the server's calendar). */
const beijingDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const YEAR = Number(beijingDay().slice(0, 4));
const LAST = YEAR - 1;

const CARRIED = "完成涉密人员年度保密教育培训和保密知识测试";
const PLAN = {
  body: "以习近平新时代中国特色社会主义思想为指导，落实保密工作责任制，突出涉密人员、涉密载体和网络保密管理，年中督查、年底考核。",
  added: { title: "建立涉密科研项目载体收发台账，逐项明确责任人", unit: "计算机科学学院", dueOn: `${YEAR}-12-20` },
};
const NOTE = "抽查发现两台计算机未登记保密编号，请于两周内补登并报保密办公室备案。";
const REPORT = "年中督查覆盖全部二级单位，重点检查了计划任务进度、涉密载体管理和计算机保密管理，共提出督查意见 1 条。";
const SUMMARY =
  "本年度全院保密工作计划任务全部落实，年中督查提出的问题均已整改，年底考核计算机科学学院符合、外国语学院因一票否决为不符合。";

let office: Credentials;
let director: Credentials;
let schoolId = "";

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  office = world.office.credentials;
  const api = world.officeApi;
  const officeUnit = world.officeUnitId;
  const school = await world.unit("计算机科学学院", "CS_SCHOOL", true);
  schoolId = school;
  await world.unit("外国语学院", "FL_SCHOOL");
  director = await directorOf(world, DIRECTOR);

  // The year's four duties of 第十二条第（二）项, which the approvals discharge.
  await api.call("POST", "/api/obligations/materialize", { year: YEAR });

  // Last year: a plan of one task and one unit assessed on the shipped rubric — what 沿用上年计划 starts from.
  await api.call("PUT", `/api/supervision/${LAST}/plan`, {
    title: `${LAST}年保密工作计划`,
    body: PLAN.body,
    items: [{ title: CARRIED, ownerUnitId: officeUnit, dueOn: `${LAST}-06-30` }],
  });
  const answers: RubricAnswers = Object.fromEntries(
    rubricItems(shippedRubric("unit-assessment")).map(({ item }) => [
      item.id,
      item.kind === "veto" ? { vetoed: false } : { score: item.kind === "points" ? item.points : 0 },
    ]),
  );
  await api.call("PUT", `/api/supervision/${LAST}/assessment/scores/${school}`, { answers });
});

const { open, opened } = signedInPages(harness);

const stage = (page: Page, key: string) => page.getByTestId(`stage-${key}`);
const stateOf = (page: Page, key: string) => textOf(stage(page, key).getByTestId("stage-state"));
const openList = (page: Page) => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
/** antd spaces a two-character label ("审 定"): match either. */
const label = (text: string) => new RegExp(`^${[...text].join("\\s?")}$`);

/** Picks a unit in an open tree select (and closes it if it stays open under load). */
async function pickUnit(page: Page, field: Locator, name: string, outside: Locator): Promise<void> {
  await field.click();
  await openList(page).locator(".ant-select-tree-node-content-wrapper").filter({ hasText: name }).first().click();
  await openList(page)
    .waitFor({ state: "hidden", timeout: 2_000 })
    .catch(() => outside.click());
  await openList(page).waitFor({ state: "hidden" });
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

/** Approves a record as the director: a wrong password first when asked, then the right one. */
async function approve(watched: WatchedPage, record: string, tryWrong = false): Promise<void> {
  const { page } = watched;
  const panel = page.getByTestId(`${record}-approval`);
  // The name ends the button's label; its icon's name comes first.
  await panel.getByRole("button", { name: /审\s?定$/ }).click();
  const dialog = page.getByRole("dialog");
  if (tryWrong) {
    await dialog.getByLabel("当前密码").fill("不是这个密码");
    watched.expectFailedRequest(`/api/supervision/${YEAR}/${record}/approve`);
    await dialog.getByRole("button", { name: "确认审定" }).click();
    await dialog.getByText("密码不正确").waitFor();
  }
  await dialog.getByLabel("当前密码").fill(DIRECTOR.password);
  await dialog.getByRole("button", { name: "确认审定" }).click();
  await dialog.waitFor({ state: "hidden" });
  const approved = await textOf(page.getByTestId(`${record}-approved`));
  expect(approved).toContain(DIRECTOR.displayName);
  expect(approved).toContain("保密委员会主任");
  expect(approved).toMatch(/[0-9a-f]{64}/);
}

/** Chooses the unit to score in the assessment card. */
async function chooseUnit(page: Page, name: string): Promise<Locator> {
  const card = stage(page, "assessment");
  await card.getByRole("combobox", { name: "考核单位" }).click();
  await openList(page).locator(".ant-select-item-option").filter({ hasText: name }).first().click();
  const form = card.getByTestId("score-form");
  await form.getByRole("button", { name: `保存${name}的评分` }).waitFor();
  return form;
}

/**
 * Answers the whole rubric: full marks, no deductions, no veto — then the exceptions a journey asks for: a score as
 * typed, "excluded" (不适用) or "vetoed".
 */
async function answerAll(form: Locator, exceptions: Record<string, string>): Promise<void> {
  for (const { item } of rubricItems(shippedRubric("unit-assessment"))) {
    const row = form.getByTestId(`score-item-${item.id}`);
    const wanted = exceptions[item.id];
    if (item.kind === "veto") {
      if (wanted === "vetoed") await row.getByRole("switch").click();
    } else if (wanted === "excluded") {
      await row.getByText("不适用", { exact: true }).click();
    } else {
      await row
        .locator("input.ant-input-number-input")
        .fill(wanted ?? String(item.kind === "points" ? item.points : 0));
    }
  }
}

describe("supervision and assessment", () => {
  it("the office carries last year's plan forward, reads the differences and drafts a plan of two tasks", async () => {
    // The old address of the module leads to the committee's 督查考核 tab.
    const { page } = await open(office, "/supervision", 1100);
    await page.waitForURL((url) => url.pathname === "/committee/supervision");
    await page.getByTestId("supervision-year").getByRole("heading", { name: "督查考核" }).waitFor();
    expect(await page.locator(".org-tabs .ant-tabs-tab").allTextContents()).toEqual([
      "会议",
      "督办事项",
      "督查考核",
      "调研课题",
      "来文学习",
      "规章制度",
    ]);
    expect(await textOf(page.getByRole("menu").locator(".ant-menu-item-selected"))).toContain("督查考核");
    expect(await textOf(page.getByTestId("supervision-year"))).toContain("第十二条第（二）项");
    expect(await stateOf(page, "plan")).toBe("未开始");
    expect(await textOf(page.getByTestId("year-caption"))).toContain(`${YEAR}年度`);

    await stage(page, "plan").getByRole("button", { name: "沿用上年计划" }).click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: label("沿用") })
      .click();
    const result = page.getByTestId("roll-forward-result");
    expect(await textOf(result)).toContain(`已沿用${LAST}年计划，带入 1 项工作任务`);
    const difference = result.locator("tr.ant-table-row").filter({ hasText: CARRIED });
    expect(await textOf(difference)).toContain(`完成时限 ${LAST}-06-30 → ${YEAR}-06-30`);
    expect(await textOf(difference)).toContain("变更");

    const editor = page.getByTestId("plan-editor");
    expect(await editor.getByLabel("计划标题").inputValue()).toBe(`${YEAR}年保密工作计划`);
    expect(await editor.getByLabel("工作任务 1", { exact: true }).inputValue()).toBe(CARRIED);
    expect(await editor.locator("#plan_items_0_dueOn").inputValue()).toBe(`${YEAR}-06-30`);
    await editor.getByRole("button", { name: "增加工作任务" }).click();
    await editor.getByLabel("工作任务 2", { exact: true }).fill(PLAN.added.title);
    await pickUnit(page, editor.locator("#plan-item-1-owner"), PLAN.added.unit, editor.getByText("计划正文"));
    await typeDate(page, editor.locator("#plan_items_1_dueOn"), PLAN.added.dueOn);
    await editor.getByRole("button", { name: "保存修改" }).click();
    await page.locator(".ant-message-notice").filter({ hasText: "计划草案已保存" }).waitFor();
    expect(await stateOf(page, "plan")).toBe("草稿，待审定");
    expect(await textOf(page.getByTestId("plan-approval"))).toContain("待保密委员会主任");
    // The rubric came along with last year's plan: the assessment can begin.
    await stage(page, "assessment").getByTestId("rubric").getByText("二级单位年度保密工作考核评分表").waitFor();
  });

  it("the director approves the plan with the password; the office's stale draft is refused with the 409's message", async () => {
    const officePage = (await open(office, "/committee/supervision")).page;
    await officePage.getByTestId("plan-editor").getByRole("button", { name: "保存修改" }).waitFor();

    const watched = await open(director, "/committee/supervision", 1000);
    const { page } = watched;
    const plan = stage(page, "plan");
    await plan.getByTestId("plan-view").getByText(PLAN.added.title).waitFor();
    expect(await page.getByTestId("plan-editor").count()).toBe(0);
    await approve(watched, "plan", true);
    expect(await stateOf(page, "plan")).toBe("已审定");

    // Each task is now a tracked task (督办) with its progress and a link to it.
    const rows = plan.getByTestId("plan-items").locator("tr.ant-table-row");
    expect(await rows.count()).toBe(2);
    const added = rows.filter({ hasText: PLAN.added.title });
    expect(await textOf(added)).toContain("计算机科学学院");
    expect(await textOf(added)).toContain("办理中");
    expect(await added.getByRole("link", { name: "查看督办" }).getAttribute("href")).toMatch(/^\/committee\/tasks\/.+/);
    await page.locator(".ant-message-notice").waitFor({ state: "detached" });
    await page.mouse.move(0, 0);
    // The page as the director leaves it: the year's steps, then the approved plan with its tracked tasks.
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.evaluate("window.scrollTo(0, 0)");
    await screenshot(page, "supervision-plan.png");

    opened[0]?.expectFailedRequest(`/api/supervision/${YEAR}/plan`);
    const editor = officePage.getByTestId("plan-editor");
    await editor.getByRole("button", { name: "保存修改" }).click();
    expect(await textOf(editor.getByTestId("problem"))).toContain("年度保密工作计划已经审定，不得修改");

    await added.getByRole("link", { name: "查看督办" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/committee/tasks/"));
    await page.getByTestId("task-detail").getByRole("heading", { name: PLAN.added.title }).waitFor();
  }, 120_000);

  it("the office writes a supervision note to a unit and completes the mid-year supervision", async () => {
    const { page } = await open(office, "/committee/supervision");
    const card = stage(page, "supervision");
    const form = card.getByTestId("note-form");
    await pickUnit(page, form.locator("#note-unit"), "计算机科学学院", card.locator(".ant-card-head-title"));
    await form.getByLabel("督查意见").fill(NOTE);
    await form.getByRole("button", { name: "添加督查意见" }).click();
    const note = card.getByTestId("notes").locator("tr.ant-table-row").filter({ hasText: NOTE });
    expect(await textOf(note)).toContain("计算机科学学院");
    expect(await stateOf(page, "supervision")).toBe("进行中");

    const report = card.getByTestId("report-form");
    await report.getByLabel("督查报告").fill(REPORT);
    await report.getByRole("button", { name: "完成年中督查" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "完成年中督查" }).click();
    await expect.poll(() => stateOf(page, "supervision")).toBe("已完成");
    expect(await textOf(card.getByTestId("supervision-report"))).toContain(REPORT);
    expect(await card.getByTestId("note-form").count()).toBe(0);
  });

  it("the office scores two units — one item not applicable, one unit vetoed — and reads the ranking", async () => {
    const { page } = await open(office, "/committee/supervision", 1000);
    const card = stage(page, "assessment");

    let form = await chooseUnit(page, "计算机科学学院");
    // 5.3 is off the item's 0.5 step: the server names the item and the message shows under it.
    await answerAll(form, { "org.agenda": "5.3", "edu.exam": "excluded", "deduct.overdue-rectification": "2" });
    await form.getByTestId("score-open").getByText("各项均已作答").waitFor();
    const agenda = form.getByTestId("score-item-org.agenda");
    opened[0]?.expectFailedRequest(`/api/supervision/${YEAR}/assessment/scores/${schoolId}`);
    await form.getByRole("button", { name: "保存计算机科学学院的评分" }).click();
    await agenda.locator(".ant-form-item-explain-error").getByText("须为 0.5 分的整数倍").waitFor();
    await agenda.locator("input.ant-input-number-input").fill("5.5");
    await agenda.getByPlaceholder("失分理由（选填）").fill("研究部署后未及时形成会议记录");
    await form.getByRole("button", { name: "保存计算机科学学院的评分" }).click();
    await page.locator(".ant-message-notice").filter({ hasText: "已保存计算机科学学院的评分" }).waitFor();

    form = await chooseUnit(page, "外国语学院");
    await answerAll(form, { "veto.leak": "vetoed" });
    await form.getByRole("button", { name: "保存外国语学院的评分" }).click();
    await page.locator(".ant-message-notice").filter({ hasText: "已保存外国语学院的评分" }).waitFor();

    // 97 possible (the 3-point item excluded), 96.5 earned less 2 off: 94.5 / 97 = 97.4 % → 符合. The vetoed unit
    // scored every point and still ranks last in 不符合.
    const rows = card.getByTestId("ranking").locator("tr.ant-table-row");
    await expect.poll(() => rows.count()).toBe(2);
    const first = await textOf(rows.nth(0));
    expect(first).toContain("计算机科学学院");
    expect(first).toContain("94.5 / 97");
    expect(first).toContain("97.4%");
    expect(first).toContain("符合");
    expect(await rows.nth(0).getByTestId("band").getAttribute("class")).toContain("green");
    const second = await textOf(rows.nth(1));
    expect(second).toContain("外国语学院");
    expect(second).toContain("100.0%");
    expect(second).toContain("不符合");
    expect(await rows.nth(1).getByTestId("band").getAttribute("class")).toContain("red");
    await rows.nth(1).getByTestId("veto").getByText("一票否决").waitFor();
    expect(await textOf(card.getByTestId("unscored"))).toContain("保密办公室");

    await page.locator(".ant-message-notice").first().waitFor({ state: "detached" });
    await page.mouse.move(0, 0);
    await page.evaluate("document.querySelector('[data-testid=stage-assessment]').scrollIntoView({ block: 'start' })");
    await page.evaluate("window.scrollBy(0, -16)");
    await screenshot(page, "supervision-assessment.png");
  }, 120_000);

  it("the director approves the assessment; the office drafts the summary and the director approves it", async () => {
    const watched = await open(director, "/committee/supervision");
    await approve(watched, "assessment");
    expect(await stateOf(watched.page, "assessment")).toBe("已审定");
    expect(await watched.page.getByTestId("score-form").count()).toBe(0);

    const officePage = (await open(office, "/committee/supervision")).page;
    expect(await officePage.getByTestId("score-form").count()).toBe(0);
    const editor = officePage.getByTestId("summary-editor");
    await editor.getByLabel("总结正文").fill(SUMMARY);
    await editor.getByRole("button", { name: "保存总结，报主任审定" }).click();
    await expect.poll(() => stateOf(officePage, "summary")).toBe("草稿，待审定");

    await watched.page.reload();
    await stage(watched.page, "summary").getByTestId("summary-text").getByText(SUMMARY).waitFor();
    await approve(watched, "summary");
    expect(await stateOf(watched.page, "summary")).toBe("已审定");
  }, 120_000);

  it("the year's four duties of 第十二条第（二）项 are fulfilled", async () => {
    const { page } = await open(office, "/committee/supervision");
    const card = page.getByTestId("year-obligations");
    for (const duty of [
      "年初制定年度保密工作计划、部署全院保密工作",
      "年中检查督促各部门保密工作及制度执行情况",
      "年底对各部门保密工作进行考核",
      "年底总结全院保密工作",
    ]) {
      const row = card.locator("tr.ant-table-row").filter({ hasText: duty });
      const text = await textOf(row);
      expect(text, duty).toContain("第十二条第（二）项");
      expect(text, duty).toContain("已落实");
    }
    for (const key of ["plan", "supervision", "assessment", "summary"]) {
      expect(await stateOf(page, key)).toMatch(/已审定|已完成/);
    }
  });
});

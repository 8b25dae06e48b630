import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiSession } from "./api.js";
import { committeeWorld, directorOf, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, textOf } from "./ui.js";

/**
 * 委员会工作 journeys (第十二条第（一）项 例会制度, 第十条第（二）项 主任审定签发). Through the API: an institution with its
 * secrecy office (an officer in the unit coded SECRECY_OFFICE), the Party secretary who is the committee's director
 * (第八条) and signs in, the head of 保卫处 (a member by office), and the head of a classified school (a member too) who
 * signs in; this year's obligations are materialized. In the browser: the office creates a regular meeting and opens
 * the agenda call; the school's head proposes an item; the office screens it into the agenda with an item of its own,
 * uploads a .txt material, records attendance and drafts the minutes with one decision; the director signs with the
 * password re-entered, and the office's stale draft is refused with the 409's message; the signed minutes show the
 * signer and the .docx; the decision is a 督办事项 the head reports done and the office closes. Last, the office records
 * a task assigned from above (第九条第（五）项), carried out by the office itself, and finds it on the task list.
 */

const harness = useHarness();

const OFFICE = { username: "e2e-mt-office", displayName: "刘洋", password: "保密办的长句密码-e2e-2026" };
const HEAD = { username: "e2e-mt-head", displayName: "周明", password: "学院院长的长句密码-e2e-2026" };
const DIRECTOR = { username: "e2e-mt-director", displayName: "王建国", password: "党委书记的长句密码-e2e-2026" };

const DAY_MS = 86_400_000;
/** A Beijing calendar day `days` from today, YYYY-MM-DD (the server's calendar). */
const beijingDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
const YEAR = Number(beijingDay().slice(0, 4));

const MEETING = {
  title: `${YEAR}年第一次保密委员会例会`,
  place: "行政楼三楼第一会议室",
  plannedAt: `${beijingDay(3)} 09:00`,
  deadline: `${beijingDay(2)} 17:00`,
  note: "请各单位围绕涉密人员管理和涉密载体管理提出需要委员会研究的问题。",
};
const PROPOSAL = {
  title: "研究计算机科学学院涉密科研项目载体管理问题",
  summary: "学院承担的涉密科研项目增多，载体收发和清退环节需要明确责任分工，提请委员会研究。",
};
const OWN_ITEM = "通报上半年保密检查发现问题的整改情况";
const MATERIAL = { name: "会议议程.txt", body: "一、研究涉密科研项目载体管理问题\n二、通报保密检查整改情况\n" };
const MINUTES =
  "会议由保密委员会主任王建国主持，研究了计算机科学学院涉密科研项目载体管理问题，听取了保密检查整改情况的通报。会议要求各单位进一步落实保密工作责任制。";
const DECISION = { text: "计算机科学学院建立涉密科研项目载体收发台账，逐项明确责任人", dueOn: beijingDay(30) };
const ASSIGNED = {
  by: "省委保密委员会办公室",
  documentNo: `省保办发〔${YEAR}〕3号`,
  title: "开展全省高校保密自查自评工作并报送自查报告",
  dueOn: beijingDay(45),
};

let office: Credentials;
let head: Credentials;
let director: Credentials;
let officeApi: ApiSession;
let meetingId = "";
let taskId = "";

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  office = world.office.credentials;
  officeApi = world.officeApi;
  const { rootId, unit, person, appoint, grant } = world;
  const securityDept = await unit("保卫处", "SECURITY_DEPT");
  const school = await unit("计算机科学学院", "CS_SCHOOL", true);
  // The committee (第八条): the Party secretary directs it, the president deputizes, the heads of 保卫处 and of the
  // classified school sit as members.
  await appoint(await person("陈志远", rootId, "T0002"), rootId, "PRESIDENT");
  await appoint(await person("郑海", securityDept, "T0101"), securityDept, "UNIT_HEAD");
  director = await directorOf(world, DIRECTOR);

  const headAccount = await world.account(HEAD, school);
  head = headAccount.credentials;
  await appoint(headAccount.personId, school, "UNIT_HEAD", "2025-01-01");
  await grant(headAccount.accountId, "unitHead", school);

  // The semester's 例会 obligation the signed minutes discharge.
  await officeApi.call("POST", "/api/obligations/materialize", { year: YEAR });
  // Another meeting on the list: the institution-wide conference, still in preparation.
  await officeApi.call("POST", "/api/meetings", {
    kind: "conference",
    title: `${YEAR}年全院保密工作会议`,
    plannedAt: `${beijingDay(20)}T14:30:00+08:00`,
    place: "图书馆报告厅",
  });
});

const { open, opened } = signedInPages(harness);

const content = (page: Page) => page.locator(".app-content");
const openList = (page: Page) => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
const detail = (page: Page) => page.getByTestId("meeting-detail");
const statusOf = async (page: Page) => textOf(detail(page).locator(".page-header .status-tag"));
const tab = (page: Page, key: string) => page.getByTestId(`meeting-tab-${key}`);
/** antd spaces a two-character label ("保 存"): match either. */
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

/** Types a date (or date-time) into an antd picker; Enter commits it. Retried: under load it has not always taken. */
async function typeDate(page: Page, field: Locator, value: string): Promise<void> {
  for (let attempt = 0; attempt < 3 && (await field.inputValue()) !== value; attempt++) {
    await field.click();
    await field.fill(value);
    await field.press("Enter");
    await page.waitForTimeout(200);
  }
  expect(await field.inputValue()).toBe(value);
}

describe("committee meetings", () => {
  it("the office creates a regular meeting and opens the agenda call", async () => {
    const { page } = await open(office, "/committee");
    await page.locator(".org-tabs .ant-tabs-tab").first().waitFor();
    expect(await page.locator(".org-tabs .ant-tabs-tab").allTextContents()).toEqual([
      "会议",
      "督办事项",
      "督查考核",
      "调研课题",
      "来文学习",
      "规章制度",
    ]);
    await content(page).getByTestId("meeting-list").locator("tr.ant-table-row").first().waitFor();

    await content(page).getByRole("button", { name: "新建会议" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("保密委员会例会", { exact: true }).click();
    await dialog.getByLabel("会议名称").fill(MEETING.title);
    await typeDate(page, dialog.getByLabel("计划召开时间（北京时间）"), MEETING.plannedAt);
    await dialog.getByLabel("会议地点").fill(MEETING.place);
    await dialog.getByRole("button", { name: label("创建") }).click();
    await page.waitForURL((url) => /^\/committee\/meetings\/[^/]+$/.test(url.pathname));
    meetingId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await detail(page).getByRole("heading", { name: MEETING.title }).waitFor();
    expect(await statusOf(page)).toBe("筹备中");
    expect(await textOf(detail(page))).toContain("第十二条第（一）项");

    const call = page.getByTestId("open-agenda-call");
    await typeDate(page, call.getByLabel("征集截止时间（北京时间）"), MEETING.deadline);
    await call.getByLabel("征集说明").fill(MEETING.note);
    await call.getByRole("button", { name: "发起议题征集" }).click();
    await expect.poll(() => statusOf(page)).toBe("议题征集中");
    await page.getByTestId("agenda-call").locator(".ant-descriptions").getByText(MEETING.note).waitFor();
  });

  it("the school's head proposes an item for the school", async () => {
    const { page } = await open(head, `/committee/meetings/${meetingId}`);
    const form = page.getByTestId("propose-form");
    await pickUnit(page, form.getByLabel("提出单位"), "计算机科学学院", form.locator(".ant-card-head-title"));
    await form.getByLabel("议题名称").fill(PROPOSAL.title);
    await form.getByLabel("议题说明").fill(PROPOSAL.summary);
    await form.getByRole("button", { name: "提交议题" }).click();
    const row = page.getByTestId("proposals").locator("tr.ant-table-row").filter({ hasText: PROPOSAL.title });
    await row.waitFor();
    const text = await textOf(row);
    expect(text).toContain("计算机科学学院");
    expect(text).toContain(HEAD.displayName);
    expect(text).toContain("待筛选");
    // The head neither runs the meeting nor screens the agenda.
    expect(await page.getByTestId("open-agenda-call").count()).toBe(0);
    await tab(page, "agenda").click();
    expect(await page.getByTestId("agenda-editor").count()).toBe(0);
  });

  it("the office sets the agenda, uploads a material, records attendance and drafts the minutes", async () => {
    const { page } = await open(office, `/committee/meetings/${meetingId}?tab=agenda`, 1100);
    const editor = page.getByTestId("agenda-editor");
    const proposal = editor.locator("tr.ant-table-row").filter({ hasText: PROPOSAL.title });
    await proposal.getByText("列入议程").click();
    await editor.getByLabel("议题名称").fill(OWN_ITEM);
    await pickUnit(page, editor.locator("#own-item_unitId"), "保卫处", editor.getByText("议题筛选"));
    await editor.getByRole("button", { name: "增加议题" }).click();
    const agenda = editor.locator(".agenda-list .ant-list-item");
    await agenda.nth(1).getByText(OWN_ITEM).waitFor();
    expect(await textOf(agenda.first())).toContain(PROPOSAL.title);
    await editor.getByRole("button", { name: "保存议程" }).click();
    await expect.poll(() => statusOf(page)).toBe("议程已确定");
    const saved = page.locator(".ant-message-notice").filter({ hasText: "议程已确定" });
    await saved.waitFor();
    await saved.waitFor({ state: "detached" });
    await page.evaluate("window.scrollTo(0, 0)");
    await page.mouse.move(0, 0);
    await screenshot(page, "meeting-detail.png");

    await tab(page, "materials").click();
    const materials = page.getByTestId("materials");
    expect(await textOf(materials)).toContain("第三十一条");
    await materials.locator("input[type=file]").setInputFiles({
      name: MATERIAL.name,
      mimeType: "text/plain",
      buffer: Buffer.from(MATERIAL.body),
    });
    await materials.locator("tr.ant-table-row").filter({ hasText: MATERIAL.name }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      materials.getByRole("button", { name: new RegExp(MATERIAL.name) }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(MATERIAL.name);

    await tab(page, "attendance").click();
    const attendance = page.getByTestId("attendance-editor");
    const seats = attendance.locator("tr.ant-table-row");
    await seats.filter({ hasText: DIRECTOR.displayName }).waitFor();
    const names = await seats.allTextContents();
    expect(names.join()).toContain("主任");
    expect(names.join()).toContain("郑海");
    await seats.filter({ hasText: "郑海" }).getByText("请假").click();
    await attendance.getByLabel("郑海的备注").fill("外出参加上级保密工作培训");
    await attendance.getByRole("button", { name: "保存出席情况" }).click();
    await expect.poll(() => statusOf(page)).toBe("已召开");

    // The status moved on: the minutes tab is where the next step happens.
    await tab(page, "minutes").click();
    const minutes = page.getByTestId("minutes-editor");
    await minutes.getByLabel("纪要正文").fill(MINUTES);
    await minutes.getByRole("button", { name: "增加议定事项" }).click();
    const decision = minutes.getByTestId("decision");
    await decision.getByLabel("议定事项", { exact: true }).fill(DECISION.text);
    await pickUnit(page, decision.getByLabel("承办单位"), "计算机科学学院", decision.locator(".ant-card-head-title"));
    await typeDate(page, decision.getByLabel("完成时限"), DECISION.dueOn);
    await minutes.getByRole("button", { name: "保存纪要，报主任审定" }).click();
    await expect.poll(() => statusOf(page)).toBe("纪要待审定");
  });

  it("the director signs with the password re-entered; the office's stale draft is refused with the 409's message", async () => {
    // The office still has the draft open when the director signs.
    const officePage = (await open(office, `/committee/meetings/${meetingId}?tab=minutes`)).page;
    await officePage.getByTestId("minutes-editor").getByRole("button", { name: "保存修改" }).waitFor();

    const watched = await open(director, `/committee/meetings/${meetingId}`, 1100);
    const { page } = watched;
    const panel = page.getByTestId("sign-off");
    await panel.getByText(DECISION.text).waitFor();
    await panel.getByRole("button", { name: "审定签发" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("当前密码").fill("不是这个密码");
    watched.expectFailedRequest(`/api/meetings/${meetingId}/sign`);
    await dialog.getByRole("button", { name: "确认签发" }).click();
    await dialog.getByText("密码不正确").waitFor();
    await dialog.getByLabel("当前密码").fill(DIRECTOR.password);
    await dialog.getByRole("button", { name: "确认签发" }).click();
    await dialog.waitFor({ state: "hidden" });

    const signed = page.getByTestId("signed");
    const signer = await textOf(signed.getByTestId("signer"));
    expect(signer).toContain(DIRECTOR.displayName);
    expect(signer).toContain("保密委员会主任");
    expect(signer).toMatch(/[0-9a-f]{64}/);
    expect(await statusOf(page)).toBe("纪要已签发");
    const number = await textOf(page.getByTestId("minutes-number"));
    expect(number).toMatch(new RegExp(`〔${YEAR}〕\\d+号$`));
    expect(signer).toContain(number);
    const [docx] = await Promise.all([
      page.waitForEvent("download"),
      signed.getByRole("button", { name: "下载会议纪要（.docx）" }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    await page.locator(".ant-message-notice").waitFor({ state: "detached" });
    await page.mouse.move(0, 0);
    await page.evaluate("window.scrollTo(0, 0)");
    await screenshot(page, "meeting-signed.png");

    opened[0]?.expectFailedRequest(`/api/meetings/${meetingId}/minutes`);
    const editor = officePage.getByTestId("minutes-editor");
    await editor.getByRole("button", { name: "保存修改" }).click();
    const refusal = await textOf(editor.locator(".ant-alert-error"));
    expect(refusal).toContain("该会议当前状态为“纪要已签发”");
  });

  it("the meeting list shows the signed meeting with its minutes number", async () => {
    const { page } = await open(office, "/committee");
    const row = content(page)
      .getByTestId("meeting-list")
      .locator("tr.ant-table-row")
      .filter({ hasText: MEETING.title });
    await row.waitFor();
    const text = await textOf(row);
    expect(text).toContain("纪要已签发");
    expect(text).toMatch(/〔\d{4}〕\d+号/);
    expect(text).toContain("第十二条第（一）项");
    await screenshot(page, "meetings-list.png");

    await row.getByRole("link", { name: MEETING.title }).click();
    const discharges = page.getByTestId("discharges");
    if ((await discharges.count()) > 0) expect(await textOf(discharges)).toContain("第十二条");
  });

  it("the decision is a tracked task: the head reports it done and the office closes it", async () => {
    const tasks = await officeApi.call<{ items: { id: string; title: string }[] }>(
      "GET",
      `/api/tasks?meetingId=${meetingId}`,
    );
    taskId = tasks.items.find((t) => t.title === DECISION.text)?.id ?? "";
    expect(taskId).not.toBe("");

    const headPage = (await open(head, "/committee/tasks")).page;
    const row = content(headPage).getByTestId("task-list").locator("tr.ant-table-row").filter({
      hasText: DECISION.text,
    });
    await row.waitFor();
    const text = await textOf(row);
    expect(text).toContain("计算机科学学院");
    expect(text).toContain("办理中");
    expect(text).toContain(DECISION.dueOn);
    await screenshot(headPage, "tasks.png");

    await row.getByRole("link", { name: DECISION.text }).click();
    await headPage.waitForURL((url) => url.pathname === `/committee/tasks/${taskId}`);
    const progress = headPage.getByTestId("task-progress");
    await progress.getByLabel("进展情况").fill("已起草载体收发台账样式，正在逐项目登记。");
    await progress.getByRole("button", { name: "登记进展" }).click();
    await headPage.getByTestId("task-history").getByText("已起草载体收发台账样式").waitFor();
    const report = headPage.getByTestId("task-report");
    await report.getByLabel("办结情况").fill("台账已建立，12 个涉密科研项目的载体均已登记并明确责任人。");
    await report.getByRole("button", { name: "报告办结" }).click();
    await headPage
      .getByTestId("task-detail")
      .locator(".page-header .status-tag")
      .getByText("已报办结，待核销")
      .waitFor();

    const { page } = await open(office, `/committee/tasks/${taskId}`);
    await page.getByRole("button", { name: "核销办结" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("意见").fill("经核实，台账已建立，同意核销。");
    await dialog.getByRole("button", { name: label("核销") }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("task-detail").locator(".page-header .status-tag").getByText("已办结").waitFor();
    expect(await textOf(page.getByTestId("task-history"))).toContain("核销办结");
  });

  it("the office records a task assigned from above and finds it on the task list", async () => {
    const { page } = await open(office, "/committee/tasks");
    await content(page).getByRole("button", { name: "登记交办任务" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("上级交办", { exact: true }).click();
    await dialog.getByLabel("交办机关或交办人").fill(ASSIGNED.by);
    await dialog.getByLabel("文号").fill(ASSIGNED.documentNo);
    await dialog.getByLabel("交办任务", { exact: true }).fill(ASSIGNED.title);
    await typeDate(page, dialog.getByLabel("完成时限"), ASSIGNED.dueOn);
    await dialog.getByRole("button", { name: label("登记") }).click();
    await page.waitForURL((url) => /^\/committee\/tasks\/[^/]+$/.test(url.pathname));
    const facts = await textOf(page.getByTestId("task-facts"));
    expect(facts).toContain(ASSIGNED.by);
    expect(facts).toContain(ASSIGNED.documentNo);
    expect(facts).toContain("保密办公室");

    await page.getByTestId("task-detail").getByRole("link", { name: "督办事项" }).click();
    const row = content(page).getByTestId("task-list").locator("tr.ant-table-row").filter({ hasText: ASSIGNED.title });
    await row.waitFor();
    const text = await textOf(row);
    expect(text).toContain(`交办${ASSIGNED.by}`);
    expect(text).toContain("保密办公室");
    expect(text).toContain(ASSIGNED.dueOn);
  });
});

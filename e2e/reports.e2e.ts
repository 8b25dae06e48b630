import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiSession } from "./api.js";
import { committeeWorld, directorOf, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, textOf } from "./ui.js";

/**
 * 报告请示 journeys (第十二条第（四）项; 第十条第（二）项 主任签发). Through the API: an institution with its secrecy office
 * (an officer in the unit coded SECRECY_OFFICE), the Party secretary who directs the committee (第八条) and signs in,
 * a school, this year's obligations materialized and this year's plan of one task (what the plan report is compiled
 * from). In the browser: the office drafts the plan report to 院党委, finds the plan's task in it, edits the text and
 * adds an attachment, and downloads the draft; the director signs with the password re-entered (a wrong one first),
 * which numbers it 保委〔年〕1号, and the office's stale draft is refused with the 409's message; the office records the
 * submission and the obligation to report the plan to 院党委 is fulfilled; a 请示 without a contact is held back by the
 * field's error and created once the contact is given.
 */

const harness = useHarness();

const OFFICE = { username: "e2e-rp-office", displayName: "刘洋", password: "保密办的长句密码-e2e-2026" };
const DIRECTOR = { username: "e2e-rp-director", displayName: "王建国", password: "党委书记的长句密码-e2e-2026" };

/** A Beijing calendar day `days` from today, YYYY-MM-DD (the server's calendar). */
const beijingDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const YEAR = Number(beijingDay().slice(0, 4));

const PLAN_TASK = "开展全员保密教育培训和保密知识测试";
const REPORT_TITLE = `关于报送${YEAR}年度保密工作计划的报告`;
const ADDED_LINE = "三、其他事项\n计划执行中如有重大调整，将及时向院党委报告。";
const ATTACHMENT = `${YEAR}年度保密教育培训安排`;
const NOTE = "经机要交换报送院党委办公室";
const REQUEST = {
  title: "关于增设保密技术检查设备的请示",
  body: "为加强涉密计算机保密技术检查，拟购置保密技术检查设备一套，所需经费从保密专项经费中列支。妥否，请批示。",
  contact: { name: "刘洋", phone: "020-38265000" },
};

let office: Credentials;
let director: Credentials;
let officeApi: ApiSession;
let reportId = "";

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  office = world.office.credentials;
  officeApi = world.officeApi;
  const school = await world.unit("计算机科学学院", "CS_SCHOOL", true);
  director = await directorOf(world, DIRECTOR);

  // The year's obligations (the plan report to each body among them), and the plan the report is compiled from.
  await officeApi.call("POST", "/api/obligations/materialize", { year: YEAR });
  await officeApi.call("PUT", `/api/supervision/${YEAR}/plan`, {
    title: `${YEAR}年度保密工作计划`,
    body: "以落实保密工作责任制为主线，突出涉密人员、涉密载体和网络保密管理，年中督查、年底考核。",
    items: [{ title: PLAN_TASK, ownerUnitId: school, dueOn: `${YEAR}-12-20` }],
  });
});

const { open } = signedInPages(harness);

const content = (page: Page) => page.locator(".app-content");
const detail = (page: Page) => page.getByTestId("report-detail");
const statusOf = async (page: Page) => textOf(detail(page).locator(".page-header .status-tag"));
const discharges = (page: Page) => page.getByTestId("report-discharges");
const planRow = (page: Page) =>
  discharges(page).locator("tr.ant-table-row").filter({ hasText: "报告年度保密工作计划" });
/** antd spaces a two-character label ("签 发") and an icon names itself first ("edit 签 发"): match the end. */
const label = (text: string) => new RegExp(`${[...text].join("\\s?")}$`);

/** Waits for a toast with this text to appear and go, so it is not in a screenshot. */
async function toast(page: Page, text: string): Promise<void> {
  const notice = page.locator(".ant-message-notice").filter({ hasText: text });
  await notice.waitFor();
  await notice.waitFor({ state: "detached" });
}

async function chooseRadio(dialog: Locator, text: string): Promise<void> {
  await dialog.locator(".ant-radio-button-wrapper").filter({ hasText: text }).click();
}

describe("reports and requests", () => {
  it("the office drafts the plan report to 院党委 from the year's plan, edits it and downloads the draft", async () => {
    const { page } = await open(office, "/reports");
    await content(page).getByRole("heading", { name: "报告请示" }).waitFor();
    expect(await textOf(content(page))).toContain("第十二条第（四）项");
    await content(page).getByText("还没有报告或请示").waitFor();

    await content(page).getByRole("button", { name: "起草报告" }).click();
    const dialog = page.getByRole("dialog");
    await chooseRadio(dialog, "年度工作计划报告");
    await chooseRadio(dialog, "院党委");
    expect(await textOf(dialog.locator(".report-year .ant-select"))).toContain(String(YEAR));
    await dialog.getByText(`将根据${YEAR}年度保密工作计划`).waitFor();
    await dialog.getByRole("button", { name: label("起草") }).click();
    await page.waitForURL((url) => /^\/reports\/[^/]+$/.test(url.pathname));
    reportId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await detail(page).getByRole("heading", { name: REPORT_TITLE }).waitFor();
    expect(await statusOf(page)).toBe("草稿");
    expect(await textOf(detail(page).locator(".page-header"))).toContain("主送院党委");

    // The draft is compiled from the plan: its task, owner unit and deadline; the plan is its attachment.
    const draft = page.getByTestId("report-draft");
    const body = draft.getByLabel("正文");
    expect(await body.inputValue()).toContain(`${PLAN_TASK}（责任单位：计算机科学学院；完成时限：${YEAR}-12-20）`);
    expect(await draft.getByLabel("附件 1 名称").inputValue()).toBe(`${YEAR}年度保密工作计划`);
    // The office cannot sign; the obligation waits for the submission.
    expect(await textOf(page.getByTestId("sign-panel"))).toContain("待保密委员会主任");
    expect(await textOf(planRow(page))).not.toContain("已落实");
    expect(await textOf(discharges(page))).toContain("报送后落实");

    await body.fill(`${await body.inputValue()}\n${ADDED_LINE}`);
    await draft.getByRole("button", { name: "添加附件" }).click();
    await draft.getByLabel("附件 2 名称").fill(ATTACHMENT);
    await draft.getByRole("button", { name: "保存草稿" }).click();
    await toast(page, "草稿已保存");
    const saved = await officeApi.call<{ body: string; attachments: string[] }>("GET", `/api/reports/${reportId}`);
    expect(saved.body).toContain("计划执行中如有重大调整");
    expect(saved.attachments).toEqual([`${YEAR}年度保密工作计划`, ATTACHMENT]);

    const [docx] = await Promise.all([
      page.waitForEvent("download"),
      detail(page).getByRole("button", { name: "下载草稿（.docx）" }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe(`草稿-${REPORT_TITLE}.docx`);

    await content(page).getByRole("link", { name: "报告请示" }).click();
    const row = content(page).getByTestId("report-list").locator("tr.ant-table-row").filter({ hasText: REPORT_TITLE });
    expect(await textOf(row)).toContain("草稿");
    expect(await textOf(row)).toContain("年度工作计划报告");
  });

  it("the director signs with the password re-entered; the office's stale draft is refused with the 409's message", async () => {
    // The office still has the draft open when the director signs.
    const officeWatched = await open(office, `/reports/${reportId}`);
    const officePage = officeWatched.page;
    await officePage.getByTestId("report-draft").getByRole("button", { name: "保存草稿" }).waitFor();

    const watched = await open(director, `/reports/${reportId}`, 1100);
    const { page } = watched;
    // The director reads the text as it will go out, with the attachments.
    const text = page.getByTestId("report-text");
    await text.getByText("计划执行中如有重大调整，将及时向院党委报告。").waitFor();
    expect(await textOf(text.getByTestId("report-attachments"))).toContain(ATTACHMENT);
    await page
      .getByTestId("sign-panel")
      .getByRole("button", { name: label("签发") })
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("当前密码").fill("不是这个密码");
    watched.expectFailedRequest(`/api/reports/${reportId}/sign`);
    await dialog.getByRole("button", { name: "确认签发" }).click();
    await dialog.getByText("密码不正确").waitFor();
    await dialog.getByLabel("当前密码").fill(DIRECTOR.password);
    await dialog.getByRole("button", { name: "确认签发" }).click();
    await dialog.waitFor({ state: "hidden" });

    await expect.poll(() => statusOf(page)).toBe("已签发");
    const number = await textOf(page.getByTestId("report-number"));
    expect(number).toBe(`保委〔${YEAR}〕1号`);
    const signer = await textOf(page.getByTestId("report-signer"));
    expect(signer).toContain(number);
    expect(signer).toContain(DIRECTOR.displayName);
    expect(signer).toContain("保密委员会主任");
    expect(signer).toMatch(/[0-9a-f]{64}/);
    // The director signs; the office records the sending.
    expect(await textOf(page.getByTestId("submit-panel"))).toContain("待保密办公室登记报送");
    const [docx] = await Promise.all([
      page.waitForEvent("download"),
      detail(page).getByRole("button", { name: "下载公文（.docx）" }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe(`${number}-${REPORT_TITLE}.docx`);

    officeWatched.expectFailedRequest(`/api/reports/${reportId}`);
    const draft = officePage.getByTestId("report-draft");
    await draft.getByRole("button", { name: "保存草稿" }).click();
    expect(await textOf(draft.locator(".ant-alert-error"))).toContain("该报告当前状态为“已签发”，不得修改");
  });

  it("the office records the submission and the obligation to report the plan to 院党委 is fulfilled", async () => {
    const { page } = await open(office, `/reports/${reportId}`, 1100);
    const panel = page.getByTestId("submit-panel");
    await panel.getByLabel("报送方式").fill(NOTE);
    await panel.getByRole("button", { name: "登记报送" }).click();
    await expect.poll(() => statusOf(page)).toBe("已报送");
    await toast(page, "已登记报送");
    expect(await page.getByTestId("submit-panel").count()).toBe(0);
    expect(await textOf(page.getByTestId("report-signer"))).toContain(NOTE);
    expect(await textOf(planRow(page))).toContain("已落实");
    // Every step is done, and the final text can no longer be edited.
    expect(await page.getByTestId("report-steps").locator(".ant-steps-item-finish").count()).toBe(3);
    expect(await page.getByTestId("report-draft").count()).toBe(0);
    await page.mouse.move(0, 0);
    await page.evaluate("window.scrollTo(0, 0)");
    await screenshot(page, "report-detail.png");

    await planRow(page).getByRole("link").click();
    await page.waitForURL((url) => url.pathname.startsWith("/obligations/"));
    // Wait for the obligation itself, not for any 已落实 on the page: the tabs render before the detail does.
    await content(page).getByText("报告年度保密工作计划", { exact: false }).first().waitFor();
    await content(page).getByText("已落实", { exact: true }).first().waitFor();
  });

  it("a request without a contact shows the field's error and is drafted once the contact is given", async () => {
    const { page } = await open(office, "/reports?status=submitted");
    const list = content(page).getByTestId("report-list");
    const row = list.locator("tr.ant-table-row").filter({ hasText: REPORT_TITLE });
    expect(await textOf(row)).toContain(`保委〔${YEAR}〕1号`);
    expect(await textOf(row)).toContain("已报送");

    await content(page).getByRole("button", { name: "起草报告" }).click();
    const dialog = page.getByRole("dialog");
    await chooseRadio(dialog, "请示");
    await chooseRadio(dialog, "上级保密委员会");
    await dialog.getByLabel("标题").fill(REQUEST.title);
    await dialog.getByLabel("正文").fill(REQUEST.body);
    await dialog.getByRole("button", { name: label("起草") }).click();
    await dialog.getByText("请示须注明联系人（GB/T 9704 附注）").waitFor();
    await dialog.getByText("请示须注明联系电话").waitFor();
    expect(page.url()).toContain("/reports?");

    await dialog.getByLabel("联系人", { exact: true }).fill(REQUEST.contact.name);
    await dialog.getByLabel("联系电话").fill("电话");
    await dialog.getByText("请填写有效的联系电话").waitFor();
    await dialog.getByLabel("联系电话").fill(REQUEST.contact.phone);
    await dialog.getByRole("button", { name: label("起草") }).click();
    await page.waitForURL((url) => /^\/reports\/[^/]+$/.test(url.pathname));
    await detail(page).getByRole("heading", { name: REQUEST.title }).waitFor();
    expect(await textOf(detail(page).locator(".page-header"))).toContain("请示 · 主送上级保密委员会");
    const draft = page.getByTestId("report-draft");
    expect(await draft.getByLabel("联系电话").inputValue()).toBe(REQUEST.contact.phone);
    // A request raises the obligation to report the matter, which its submission will discharge.
    expect(await textOf(discharges(page))).toContain("遇有重大问题及时报告、请示");
  });
});

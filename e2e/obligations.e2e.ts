import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApiSession, createBusinessAccount, rootUnitId } from "./api.js";
import type { WatchedPage } from "./browser.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, signIn, textOf } from "./ui.js";

/**
 * 责任落实 journeys. Through the API: an institution with its secrecy office (an officer in the unit coded
 * SECRECY_OFFICE), four units with their heads, two vice-presidents overseeing some of them, and the head of a
 * classified school who signs in (a committee member by Art. 8); the office materializes this year's obligations.
 * In the browser: the office reads the dashboard (charts drawn, figures as the API counts them) and drills down from a
 * unit's bar to its list, waives one obligation with a reason, reads the calendar; the school's head reads 待办 and
 * 我的事项 and submits evidence with a file; the office approves it and the obligation is 已落实.
 */

const harness = useHarness();
let current: WatchedPage | undefined;

const OFFICE = { username: "e2e-ob-office", displayName: "刘洋", password: "保密办的长句密码-e2e-2026" };
const HEAD = { username: "e2e-ob-head", displayName: "周明", password: "学院院长的长句密码-e2e-2026" };
const WAIVE_REASON = "保卫处本年度已并入学院安全工作统一部署，此项不再单独开展";
const EVIDENCE = {
  summary: "已在上岗时签订保密承诺书，原件交保密办公室存档，复印件由本单位保存。",
  documentNo: "计科院保〔2026〕3号",
  file: "承诺书签订记录.txt",
};

let office: Credentials;
let head: Credentials;
let officeApi: ApiSession;
let headApi: ApiSession;
let securityDept = "";
let rootId = "";
let rootName = "";
/** The obligation the head submits evidence for, and the office approves. */
let evidenceObligation = { id: "", duty: "", period: "" };

/** This year in Beijing (the server's calendar). */
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

interface Tally {
  key: string;
  name: string;
  total: number;
  fulfilled: number;
  waived: number;
  overdue: number;
  dueSoon: number;
  rate: number;
}
interface Dashboard {
  year: number;
  totals: Tally;
  byUnit: Tally[];
}
interface Summary {
  id: string;
  duty: string;
  period: string;
  unit: { id: string; name: string };
  status: string;
}

beforeAll(async () => {
  const { baseUrl, credentials } = harness;
  const sysadmin = new ApiSession(baseUrl);
  await sysadmin.completeFirstSignIn(credentials.sysadmin, "Admin-of-systems-passphrase-1");
  const secadmin = new ApiSession(baseUrl);
  await secadmin.completeFirstSignIn(credentials.secadmin, "Admin-of-security-passphrase-1");
  rootId = await rootUnitId(sysadmin);
  const { items: units } = await sysadmin.call<{ items: { id: string; name: string }[] }>("GET", "/api/units");
  rootName = units.find((u) => u.id === rootId)?.name ?? "";
  const grant = (accountId: string, role: string, unitId: string) =>
    secadmin.call("POST", "/api/grants", { accountId, role, unitId, startsOn: "2024-01-01", endsOn: null });

  const officeAccount = await createBusinessAccount(sysadmin, OFFICE, rootId);
  office = officeAccount.credentials;
  await grant(officeAccount.accountId, "secrecyOffice", rootId);
  officeApi = new ApiSession(baseUrl);
  await officeApi.login(office);

  const unit = async (name: string, code: string, classified = false) =>
    (await officeApi.call<{ id: string }>("POST", "/api/units", { parentId: rootId, name, code, classified })).id;
  const officeUnit = await unit("保密办公室", "SECRECY_OFFICE");
  securityDept = await unit("保卫处", "SECURITY_DEPT");
  const partyOffice = await unit("党委办公室", "PARTY_OFFICE");
  const foreignAffairs = await unit("外事处", "FOREIGN_AFFAIRS");
  const school = await unit("计算机科学学院", "CS_SCHOOL", true);

  const person = async (name: string, unitId: string, staffNo: string) =>
    (await officeApi.call<{ id: string }>("POST", "/api/people", { name, unitId, staffNo })).id;
  const appoint = (personId: string, unitId: string, position: string, startsOn = "2024-09-01") =>
    officeApi.call("POST", "/api/appointments", { personId, unitId, position, acting: false, startsOn, endsOn: null });
  const portfolio = (personId: string, unitId: string) =>
    officeApi.call("POST", "/api/portfolios", {
      personId,
      unitId,
      area: "business",
      startsOn: "2024-09-01",
      endsOn: null,
    });

  // The office's officer (Art. 13) works in the office; the office approves evidence where no leader stands above.
  await officeApi.call("PATCH", `/api/people/${officeAccount.personId}`, { unitId: officeUnit });
  await appoint(officeAccount.personId, officeUnit, "SECRECY_OFFICER");
  await appoint(await person("郑海", securityDept, "T0101"), securityDept, "UNIT_HEAD");
  await appoint(await person("李娜", partyOffice, "T0102"), partyOffice, "UNIT_HEAD");
  await appoint(await person("吴刚", foreignAffairs, "T0103"), foreignAffairs, "UNIT_HEAD");
  // Two vice-presidents oversee the offices (Art. 5); none oversees the school, so its head's evidence goes to the office.
  const zhao = await person("赵立新", rootId, "T0003");
  const qian = await person("钱伟", rootId, "T0005");
  await appoint(zhao, rootId, "VICE_PRESIDENT");
  await appoint(qian, rootId, "VICE_PRESIDENT");
  await portfolio(zhao, securityDept);
  await portfolio(zhao, partyOffice);
  await portfolio(qian, foreignAffairs);

  const headAccount = await createBusinessAccount(sysadmin, HEAD, school);
  head = headAccount.credentials;
  await appoint(headAccount.personId, school, "UNIT_HEAD", "2025-01-01");
  await grant(headAccount.accountId, "unitHead", school);
  // The head is also a cleared person, appointed to the post this year: the pledge (Art. 7; 保密法第四十三条) is the
  // head's duty that still takes evidence (the half-yearly inspection is discharged by a closed inspection, the
  // periodic self-check by a confirmed self-check, since those landed).
  await secadmin.call("POST", "/api/clearances", {
    personId: headAccount.personId,
    tier: "GENERAL",
    startsOn: "2024-01-01",
  });
  headApi = new ApiSession(baseUrl);
  await headApi.login(head);

  const made = await officeApi.call<{ created: number }>("POST", "/api/obligations/materialize", { year: YEAR });
  expect(made.created).toBeGreaterThan(0);
  await officeApi.call("POST", "/api/obligation-events", {
    event: "clearedPerson.appointed",
    unitId: school,
    personId: headAccount.personId,
    occurredAt: new Date().toISOString(),
    summary: "周明到涉密岗位任职",
  });

  // The head's own obligation that takes evidence: the first of 我的事项 whose abilities allow a submission.
  const mine = await headApi.call<{ items: Summary[] }>("GET", `/api/obligations?mine=true&year=${YEAR}&limit=200`);
  for (const item of mine.items) {
    const one = await headApi.call<{ abilities: { submitEvidence: boolean } }>("GET", `/api/obligations/${item.id}`);
    if (one.abilities.submitEvidence) {
      evidenceObligation = { id: item.id, duty: item.duty, period: item.period };
      break;
    }
  }
  if (!evidenceObligation.id) throw new Error("the head bears no obligation that takes evidence");
});

async function open(credentials: Credentials, path: string, height = 800): Promise<WatchedPage> {
  current = await harness.openPage();
  await current.page.setViewportSize({ width: 1280, height });
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
const rows = (page: Page) => content(page).locator("[data-testid=obligation-list] tr.ant-table-row");
/** The dropdown of a select that is open now. */
const openList = (page: Page) => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");

/**
 * Waits for a picked option's list to close; under load antd has once left it open, and a click on the dialog's title
 * closes it then (Escape would close the dialog too).
 */
async function listClosed(page: Page): Promise<void> {
  const closed = await openList(page)
    .waitFor({ state: "hidden", timeout: 3_000 })
    .then(() => true)
    .catch(() => false);
  if (closed) return;
  await page.locator(".ant-modal-title").first().click();
  await openList(page).waitFor({ state: "hidden" });
}
const kpi = (page: Page, key: string) => page.getByTestId(`kpi-${key}`).locator(".ant-statistic-content");

/** The shared layout of a horizontal bar chart (components/chart-options.ts BAR_GRID): where category i's band is. */
const BAR_GRID = { left: 132, right: 24, top: 40, bottom: 24 };

describe("obligations", () => {
  it("the office's dashboard draws its charts, counts as the API does, and a unit's bar opens its list", async () => {
    const dashboard = await officeApi.call<Dashboard>("GET", `/api/obligations/dashboard?year=${YEAR}`);
    expect(dashboard.totals.total).toBeGreaterThan(0);
    const { page } = await open(office, "/obligations/dashboard", 1500);

    const byUnit = page.getByTestId("chart-by-unit");
    for (const chart of ["chart-by-unit", "chart-by-status", "chart-by-leader", "chart-by-article", "chart-trend"]) {
      await page.getByTestId(chart).locator("canvas").waitFor();
    }
    const number = async (key: string) => (await textOf(kpi(page, key))).replace(/[,\s]/g, "");
    expect(await number("total")).toBe(String(dashboard.totals.total));
    expect(await number("overdue")).toBe(String(dashboard.totals.overdue));
    expect(await number("dueSoon")).toBe(String(dashboard.totals.dueSoon));
    expect(await number("rate")).toBe(`${Math.round(dashboard.totals.rate * 100)}%`);
    expect(await textOf(content(page))).toContain(`${YEAR}年度`);

    // The institution's units, one bar each: pick the institution in the unit filter.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/obligations/dashboard") && r.url().includes(rootId)),
      (async () => {
        await page.locator("#dashboard-unit").click();
        await page
          .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper")
          .filter({ hasText: rootName })
          .first()
          .click();
      })(),
    ]);
    const institution = (await answer.json()) as Dashboard;
    expect(institution.totals.total).toBe(dashboard.totals.total);
    await page.evaluate("window.scrollTo(0, 0)");
    await page.waitForTimeout(1000); // the charts' entry animation
    await screenshot(page, "obligations-dashboard.png");

    // Click 保卫处's bar, near its start: the first part of a stacked bar that is not empty.
    const index = institution.byUnit.findIndex((u) => u.key === securityDept);
    expect(index, `保卫处 has a bar: ${JSON.stringify(institution.byUnit.map((u) => u.name))}`).toBeGreaterThanOrEqual(
      0,
    );
    const box = await byUnit.boundingBox();
    if (!box) throw new Error("the unit chart has no box");
    const band = (box.height - BAR_GRID.top - BAR_GRID.bottom) / institution.byUnit.length;
    await page.mouse.click(box.x + BAR_GRID.left + 3, box.y + BAR_GRID.top + (index + 0.5) * band);
    await page.waitForURL((url) => url.pathname === "/obligations" && url.searchParams.get("unitId") === securityDept);
    expect(new URL(page.url()).searchParams.get("year")).toBe(String(YEAR));
    await rows(page).first().waitFor();
    for (const row of await rows(page).allTextContents()) expect(row).toContain("保卫处");
  });

  it("the office lists the obligations, opens one of 保卫处 and waives it with a reason", async () => {
    const { page } = await open(office, "/obligations", 1000);
    await rows(page).first().waitFor();
    expect(await page.locator(".org-tabs .ant-tabs-tab").allTextContents()).toEqual([
      "我的事项",
      "履职事项",
      "履职日历",
      "责任落实总览",
      "校历",
    ]);
    const first = await textOf(rows(page).first());
    expect(first).toMatch(/第[一二三四五六七八九十]+条/);
    await screenshot(page, "obligations-list.png");

    await page.goto(`/obligations?unitId=${securityDept}&year=${YEAR}`);
    const row = rows(page)
      .filter({ hasNotText: /已豁免|已落实/ })
      .first();
    await row.waitFor();
    await row.locator("a").first().click();
    await page.waitForURL((url) => /^\/obligations\/[^/]+$/.test(url.pathname));
    const detail = page.getByTestId("obligation-detail");
    expect(await textOf(page.getByTestId("obligation-provision"))).toMatch(/^第/);

    await detail.getByRole("button", { name: /豁\s?免/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("豁免理由").fill(WAIVE_REASON);
    await dialog.getByRole("button", { name: /豁\s?免/ }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("waive-reason").getByText(WAIVE_REASON).waitFor();
    expect(await textOf(detail.locator(".status-tag").first())).toBe("已豁免");
    expect(await textOf(page.getByTestId("responsible-basis"))).toContain("已固定");
    expect(await detail.getByRole("button", { name: /豁\s?免/ }).count()).toBe(0);
  });

  it("the school's head reads 待办 and submits evidence with a file in 我的事项", async () => {
    const { page } = await open(head, "/inbox", 900);
    const inbox = page.getByTestId("inbox");
    await inbox.locator("[data-testid=notification], [data-testid=inbox-empty]").first().waitFor();
    // Reminders come from the daily run; the server ran it on start, before these obligations existed.
    if ((await inbox.getByTestId("notification").count()) === 0) {
      expect(await textOf(inbox.getByTestId("inbox-empty"))).toContain("没有未读的待办提醒");
    }
    await page.getByTestId("inbox-bell").waitFor();
    await screenshot(page, "obligations-inbox.png");

    await page.goto("/obligations");
    await page.locator(".org-tabs .ant-tabs-tab").filter({ hasText: "我的事项" }).click();
    await page.waitForURL((url) => url.searchParams.get("mine") === "true");
    await content(page).getByRole("heading", { name: "我的事项" }).waitFor();
    const row = rows(page).filter({ hasText: evidenceObligation.duty }).filter({ hasText: evidenceObligation.period });
    await row.first().getByRole("link", { name: evidenceObligation.duty }).click();
    await page.waitForURL((url) => url.pathname === `/obligations/${evidenceObligation.id}`);

    const detail = page.getByTestId("obligation-detail");
    await detail.getByRole("button", { name: "提交落实材料" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("落实情况说明").fill(EVIDENCE.summary);
    await dialog.getByLabel("文号").fill(EVIDENCE.documentNo);
    await dialog.locator("input[type=file]").setInputFiles({
      name: EVIDENCE.file,
      mimeType: "text/plain",
      buffer: Buffer.from("保密承诺书签订记录：周明，上岗时签订，原件交保密办公室存档。\n"),
    });
    await dialog.getByText(EVIDENCE.file).waitFor();
    await dialog.getByRole("button", { name: /提\s?交/ }).click();
    await dialog.waitFor({ state: "hidden" });
    const evidence = page.getByTestId("evidence").locator("tr.ant-table-row").first();
    const text = await textOf(evidence);
    expect(text).toContain(EVIDENCE.documentNo);
    expect(text).toContain(EVIDENCE.file);
    expect(text).toContain("待审核");
    // One pending submission at a time.
    expect(await detail.getByRole("button", { name: "提交落实材料" }).count()).toBe(0);
  });

  it("the office approves the evidence: the obligation is 已落实, who was responsible is fixed", async () => {
    const { page } = await open(office, `/obligations/${evidenceObligation.id}`, 1100);
    const detail = page.getByTestId("obligation-detail");
    await detail.getByText("有落实材料等待您审核").waitFor();

    const evidence = page.getByTestId("evidence");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      evidence.getByRole("button", { name: new RegExp(EVIDENCE.file) }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(EVIDENCE.file);

    await evidence.getByRole("button", { name: /审\s?核/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("通过").click();
    await dialog.getByLabel("意见", { exact: true }).fill("材料齐全，同意。");
    await dialog.getByRole("button", { name: "提交审核意见" }).click();
    await dialog.waitFor({ state: "hidden" });
    await detail.locator(".status-tag").first().getByText("已落实").waitFor();
    expect(await textOf(page.getByTestId("responsible-basis"))).toContain("已固定");
    expect(await textOf(page.getByTestId("obligation-responsible"))).toContain(HEAD.displayName);
    const decided = await textOf(evidence.locator("tr.ant-table-row").first());
    expect(decided).toContain("材料齐全，同意。");
    expect(decided).not.toContain("待审核");
    await page.locator(".ant-message-notice").waitFor({ state: "detached" });
    await page.mouse.move(0, 0);
    await page.evaluate("window.scrollTo(0, 0)");
    await screenshot(page, "obligation-detail.png");

    const fulfilled = await officeApi.call<{ status: string }>("GET", `/api/obligations/${evidenceObligation.id}`);
    expect(fulfilled.status).toBe("fulfilled");
  });

  it("the calendar shows the half-year's obligations on its last day, the year month by month, and the semesters", async () => {
    const { page } = await open(office, `/obligations/calendar?view=month&month=${YEAR}-06`, 1250);
    const month = page.getByTestId("calendar-month");
    await month.getByText(`${YEAR}年6月`).waitFor();
    const lastDay = page.getByTestId(`calendar-day-${YEAR}-06-30`);
    await lastDay.locator("a").first().waitFor();
    expect(await textOf(lastDay)).toContain("每半年");
    await screenshot(page, "obligations-calendar.png");

    const segment = (label: string) =>
      page.locator(".ant-segmented-item").filter({ hasText: new RegExp(`^${label}$`) });
    await segment("年").click();
    const june = page.getByTestId(`calendar-month-${YEAR}-06`);
    await june.waitFor();
    await expect.poll(async () => Number(await textOf(june.locator(".ant-card-extra")))).toBeGreaterThan(0);
    await page.getByTestId(`calendar-month-${YEAR}-12`).click();
    await page.waitForURL((url) => url.searchParams.get("month") === `${YEAR}-12`);
    await page.getByTestId("calendar-month").getByText(`${YEAR}年12月`).waitFor();

    await segment("学期").click();
    const semesters = page.getByTestId("calendar-semesters");
    await semesters.locator(".ant-card").first().waitFor();
    expect(await textOf(semesters)).toContain("学期");
  });

  it("the office records an event and sees the obligation it created; the academic calendar shows its terms", async () => {
    const { page } = await open(office, "/obligations", 1000);
    await content(page).getByRole("button", { name: "登记事件" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("事件", { exact: true }).click();
    await page.keyboard.type("泄露");
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
      .filter({ hasText: "发现国家秘密已经泄露或者可能泄露" })
      .click();
    await listClosed(page);
    await dialog.getByLabel("发生单位").click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper")
      .filter({ hasText: "保卫处" })
      .click();
    // The tree select usually closes on the pick; under load it has stayed open once: a click on the dialog's
    // title (outside the dropdown) closes it without touching the form.
    await openList(page)
      .waitFor({ state: "hidden", timeout: 2_000 })
      .catch(() => dialog.locator(".ant-modal-title").click());
    await listClosed(page);
    const when = dialog.getByLabel("发生时间（北京时间）");
    const moment = `${YEAR}-03-01 09:00`;
    // The date-time picker commits a typed value on Enter; under load it has once kept the field empty, so the value
    // is checked, and typed again if it did not take.
    for (let attempt = 0; attempt < 3 && (await when.inputValue()) !== moment; attempt++) {
      await when.click();
      await when.fill(moment);
      await when.press("Enter");
      await page.waitForTimeout(200);
    }
    await dialog.getByLabel("事由").fill("保卫处发现一份文件可能外泄，已先行处置");
    // Under load a click can land while the picker's popup is still closing and only close it: click again until the
    // request goes out.
    let answer: Awaited<ReturnType<typeof page.waitForResponse>> | null = null;
    for (let attempt = 0; attempt < 3 && !answer; attempt++) {
      [answer] = await Promise.all([
        page
          .waitForResponse((r) => new URL(r.url()).pathname === "/api/obligation-events", { timeout: 10_000 })
          .catch(() => null),
        dialog.getByRole("button", { name: /登\s?记/ }).click(),
      ]);
    }
    if (!answer) throw new Error(`the event was never sent; the dialog reads: ${(await dialog.textContent()) ?? ""}`);
    expect(answer.status(), await answer.text()).toBe(201);
    const created = dialog.getByTestId("event-obligations").locator("tr.ant-table-row");
    await created.first().waitFor();
    expect(await textOf(dialog)).toContain("生成 1 项履职事项");
    expect(await textOf(created.first())).toContain("第十三条");
    await dialog.getByRole("button", { name: /完\s?成/ }).click();

    await page.goto("/obligations/academic-calendar");
    const terms = content(page).locator("tr.ant-table-row");
    await terms.first().waitFor();
    expect(await textOf(content(page))).toContain("平台默认");
    expect(await textOf(content(page))).toContain("第一学期");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { committeeWorld, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { pixelBox, screenshot, textOf } from "./ui.js";

/**
 * 个人保密自查 journey at phone size (第七条第（二）项): a cleared person of 外国语学院 (core tier, an account without any
 * grant) opens 个人自查 on a 390×844 phone, starts the self-check of the first period they owe, answers the form one
 * card at a time — an item not met says what is wrong — saves the draft, finds it again after a reload and submits it;
 * the school's head finds it under 待我确认 and confirms it: the item not met is now a finding of the school and the
 * period's obligation is fulfilled.
 */

const harness = useHarness();
const OFFICE = { username: "e2e-sc-office", displayName: "陈静", password: "保密办的长句密码-e2e-2026" };
const HEAD = { username: "e2e-sc-head", displayName: "周明", password: "学院院长的长句密码-e2e-2026" };
const CLEARED = { username: "e2e-sc-cleared", displayName: "李华", password: "涉密人员的长句密码-e2e-2026" };
const NOTE = "因私护照尚未交单位保管，本月底前交存";
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

let head: Credentials;
let cleared: Credentials;

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  const school = await world.unit("外国语学院", "FL_SCHOOL");
  const headAccount = await world.account(HEAD, school);
  await world.appoint(headAccount.personId, school, "UNIT_HEAD");
  await world.grant(headAccount.accountId, "unitHead", school);
  head = headAccount.credentials;
  const clearedAccount = await world.account(CLEARED, school);
  await world.secadmin.call("POST", "/api/clearances", {
    personId: clearedAccount.personId,
    tier: "CORE",
    startsOn: "2024-01-01",
  });
  cleared = clearedAccount.credentials;
  await world.officeApi.call("POST", "/api/obligations/materialize", { year: YEAR });
});

const { open } = signedInPages(harness);

describe("personal self-checks at phone size", () => {
  let selfCheckPath = "";

  it("the cleared person starts, answers, saves, resumes and submits the self-check on a phone", async () => {
    const { page } = await open(cleared, "/self-checks");
    await page.setViewportSize({ width: 390, height: 844 });
    const content = page.locator(".app-content");
    await content.getByRole("heading", { name: "个人保密自查" }).waitFor();
    const owed = page.getByTestId("self-checks").locator(".owed-period").first();
    await owed.getByRole("button", { name: /开始自查$/ }).click();
    await page.waitForURL((url) => /^\/self-checks\/[0-9a-f-]{36}$/.test(url.pathname));
    selfCheckPath = new URL(page.url()).pathname;
    const form = page.getByTestId("self-check");
    await form.getByRole("heading", { name: "涉密人员保密自查表" }).waitFor();

    const card = (id: string) => page.getByTestId(`self-check-item-${id}`);
    const answer = async (id: string, outcome: "符合" | "不符合") =>
      card(id)
        .locator(".ant-radio-button-wrapper")
        .filter({ hasText: new RegExp(`^${outcome}$`) })
        .click();
    await answer("self.duties", "符合");
    await answer("self.carriers", "符合");
    await answer("self.travel", "不符合");
    await card("self.travel").getByPlaceholder("请写明存在的问题（必填）").fill(NOTE);
    await form.getByRole("button", { name: /保存草稿$/ }).click();
    await page.locator(".ant-message-notice").filter({ hasText: "草稿已保存" }).waitFor();
    await page.reload();
    await form.getByRole("heading", { name: "涉密人员保密自查表" }).waitFor();
    expect(await textOf(form.locator(".check-head"))).toContain("已填 3/4 项");
    expect(await card("self.travel").locator("textarea").inputValue()).toBe(NOTE);

    await answer("self.devices", "符合");
    // Thumb-sized answers, and nothing scrolls sideways.
    expect(
      (await pixelBox(card("self.devices").locator(".ant-radio-button-wrapper").first())).height,
    ).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.evaluate("window.scrollTo(0, 0)");
    await page.mouse.move(0, 0);
    await screenshot(page, "self-check-phone.png");

    await form.getByRole("button", { name: /提交确认$/ }).click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /确\s?定$|OK$/ })
      .click();
    await expect.poll(() => textOf(form.locator(".check-head"))).toContain("待确认");
    expect(await textOf(form)).toContain("等待 周明 确认");
  });

  it("the unit head confirms it from 待我确认: the item not met becomes a finding, the period is fulfilled", async () => {
    const { page } = await open(head, "/self-checks/to-confirm");
    await page.setViewportSize({ width: 390, height: 844 });
    const list = page.getByTestId("self-checks-to-confirm");
    const row = list.locator("tr.ant-table-row").filter({ hasText: "李华" });
    await row.getByRole("link").click();
    await page.waitForURL((url) => url.pathname === selfCheckPath);

    const panel = page.getByTestId("self-check-confirm");
    await panel.getByRole("button", { name: /确\s?认$/ }).click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /确\s?定$|OK$/ })
      .click();
    const form = page.getByTestId("self-check");
    await expect.poll(() => textOf(form.locator(".check-head"))).toContain("已确认");
    await page.getByTestId("self-check-findings").getByRole("link", { name: NOTE }).waitFor();
    expect(await textOf(page.getByTestId("self-check-discharges"))).toContain("已落实");
  });
});

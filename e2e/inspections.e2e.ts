import { beforeAll, describe, expect, it } from "vitest";
import { committeeWorld, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, textOf } from "./ui.js";

/**
 * 保密检查 journey at phone size (第十一条第（四）项、第十三条第（六）项): the office plans an inspection of 外国语学院
 * through the API; on a 390×844 phone the inspector opens the plan, answers every item of the checklist one card at a
 * time, saves the draft and finds it again after a reload, attaches a photo, records a finding, closes the inspection
 * and sees the finding in the findings list.
 */

const harness = useHarness();
const OFFICE = { username: "e2e-in-office", displayName: "陈静", password: "保密办的长句密码-e2e-2026" };
const PLAN = "2026年下半年保密要害部门检查";
const FINDING = "涉密载体台账缺少 3 份载体的销毁记录";
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
const ITEMS: [string, "符合" | "不符合" | "不适用", string?][] = [
  ["org.agenda", "符合", "9"],
  ["org.rules", "符合", "8.5"],
  ["org.problems", "符合"],
  ["daily.personnel", "符合", "10"],
  ["daily.carriers", "不符合", "4"],
  ["daily.exchange", "不适用"],
  ["daily.systems", "符合"],
];

let office: Credentials;
let planId = "";

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  office = world.office.credentials;
  const school = await world.unit("外国语学院", "FL_SCHOOL");
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const plan = await world.officeApi.call<{ id: string }>("POST", "/api/inspection-plans", {
    kind: "office",
    title: PLAN,
    year: Number(today.slice(0, 4)),
    leadPersonId: world.office.personId,
    unitIds: [school],
    startsOn: today,
    endsOn: today,
    templateId: "unit-inspection",
  });
  planId = plan.id;
});

const { open } = signedInPages(harness);

describe("inspections at phone size", () => {
  it("the inspector fills the checklist on a phone, saves a draft, attaches a photo, records a finding and closes", async () => {
    const { page } = await open(office, "/inspections");
    await page.setViewportSize({ width: 390, height: 844 });
    const content = page.locator(".app-content");
    await content.getByRole("heading", { name: "检查整改" }).waitFor();
    await content.getByRole("link", { name: PLAN }).click();
    await page.waitForURL((url) => url.pathname === `/inspections/plans/${planId}`);
    await page.getByTestId("inspection-plan").getByRole("link", { name: "外国语学院" }).click();
    const form = page.getByTestId("inspection-check");
    await form.getByRole("heading", { name: "外国语学院" }).waitFor();

    // Half the items, a draft saved, the page reloaded: the answers are still there.
    const card = (id: string) => page.getByTestId(`check-item-${id}`);
    const answer = async ([id, outcome, score]: (typeof ITEMS)[number]) => {
      await card(id)
        .locator(".ant-radio-button-wrapper")
        .filter({ hasText: new RegExp(`^${outcome}$`) })
        .click();
      if (score) await card(id).locator("input.ant-input-number-input").fill(score);
    };
    for (const item of ITEMS.slice(0, 3)) await answer(item);
    await form.getByRole("button", { name: /保存草稿$/ }).click();
    await page.locator(".ant-message-notice").filter({ hasText: "草稿已保存" }).waitFor();
    await page.reload();
    await form.getByRole("heading", { name: "外国语学院" }).waitFor();
    expect(await textOf(form.locator(".check-head"))).toContain("已记录 3/7 项");
    expect(await card("org.rules").locator("input.ant-input-number-input").inputValue()).toBe("8.5");

    for (const item of ITEMS.slice(3)) await answer(item);
    // A photo of the register, as a phone camera would hand it over.
    await page
      .getByTestId("photo-daily.carriers")
      .setInputFiles({ name: "台账.png", mimeType: "image/png", buffer: PNG });
    await card("daily.carriers").getByRole("link", { name: "台账.png" }).waitFor();

    // The touch targets are large enough for a thumb, and the page does not scroll sideways.
    const box = await card("daily.carriers").locator(".ant-radio-button-wrapper").first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);

    // A finding against the item.
    await card("daily.carriers")
      .getByRole("button", { name: /登记问题$/ })
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("问题描述").fill(FINDING);
    const deadline = new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await dialog.getByLabel("整改期限").click();
    await dialog.getByLabel("整改期限").fill(deadline);
    await dialog.getByLabel("整改期限").press("Enter");
    await dialog.getByRole("button", { name: /登\s?记$/ }).click();
    await form.getByRole("link", { name: FINDING }).waitFor();

    await form.getByRole("button", { name: /保存草稿$/ }).click();
    await page.locator(".ant-message-notice").filter({ hasText: "草稿已保存" }).waitFor();
    await page.locator(".ant-message-notice").filter({ hasText: "草稿已保存" }).waitFor({ state: "detached" });
    await page.evaluate("window.scrollTo(0, 0)");
    await page.mouse.move(0, 0);
    await screenshot(page, "inspection-phone.png");

    await form.getByRole("button", { name: /结束检查$/ }).click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /确\s?定$|OK$/ })
      .click();
    await expect.poll(() => textOf(form.locator(".check-head"))).toContain("已结束");
    expect(await textOf(form.locator(".check-head"))).toContain("得分 31.5/40");

    // The findings list shows it, owned by nobody yet (the school has no head), under rectification.
    await page.goto("/inspections/findings");
    const row = page.getByTestId("inspection-findings").locator("tr.ant-table-row").filter({ hasText: FINDING });
    expect(await textOf(row)).toContain("整改中");
  });
});

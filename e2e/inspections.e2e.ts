import type { Locator } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiSession } from "./api.js";
import { committeeWorld, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { pixelBox, screenshot, textOf } from "./ui.js";

/**
 * 保密检查 journey at phone size (第十一条第（四）项、第十三条第（六）项): the office plans an inspection of 外国语学院
 * through the API; on a 390×844 phone the inspector opens the plan, answers every item of the checklist one card at a
 * time, saves the draft and finds it again after a reload, attaches a photo (shown as a thumbnail), records a finding,
 * closes the inspection, sees the finding in the findings list and, on the finding, the photo the school's liaison
 * attached as rectification evidence. On the way in, the plan list filters by kind, kept in the address.
 */

const harness = useHarness();
const OFFICE = { username: "e2e-in-office", displayName: "陈静", password: "保密办的长句密码-e2e-2026" };
// The school's secrecy liaison, who rectifies the school's findings (the school has no head to own them).
const LIAISON = { username: "e2e-in-liaison", displayName: "赵敏", password: "联络员的长句密码-e2e-2026" };
const PLAN = "2026年下半年保密要害部门检查";
const FINDING = "涉密载体台账缺少 3 份载体的销毁记录";
// A 48×36 picture of a ruled register page: a real image, so the browser draws its thumbnail.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAADAAAAAkCAIAAABAJy5dAAAAVUlEQVR42mOIyusZVIgBiH99f40f3amoIKiGKmjUQaMOopKDVm05MUjQaJSNOm" +
    "g0l43mslEHjTpoNJeNpqFRB43mstFcNuqg0Vw2mstG09CwcNCgQgDZwZCMrcFARwAAAABJRU5ErkJggg==",
  "base64",
);
const ITEMS: [string, "符合" | "不符合" | "不适用", string?][] = [
  ["org.agenda", "符合", "9"],
  ["org.rules", "符合", "8.5"],
  ["org.problems", "符合"],
  ["daily.personnel", "符合", "10"],
  ["daily.carriers", "不符合", "4"],
  ["daily.exchange", "不适用"],
  ["daily.systems", "符合"],
];

/** The width the browser decoded an image at: 0 while it loads, or if it could not draw it. */
async function drawnWidth(img: Locator): Promise<number> {
  return img.evaluate((el) => {
    const image = el as unknown as { complete: boolean; naturalWidth: number };
    return image.complete ? image.naturalWidth : 0;
  });
}

let office: Credentials;
let liaison: ApiSession;
let planId = "";

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  office = world.office.credentials;
  const school = await world.unit("外国语学院", "FL_SCHOOL");
  const made = await world.account(LIAISON, school);
  await world.grant(made.accountId, "liaison", school);
  liaison = new ApiSession(harness.baseUrl);
  await liaison.login(made.credentials);
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

    // The plans filter by kind, kept in the address: no special inspection; the office's plan again after a reset.
    await content.getByRole("link", { name: PLAN }).waitFor();
    await content.getByLabel("检查类型").click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: "专项检查" }).click();
    await page.waitForURL((url) => url.searchParams.get("kind") === "special");
    await content.getByText("没有符合筛选条件的记录", { exact: false }).waitFor();
    await page.reload();
    await content.getByText("没有符合筛选条件的记录", { exact: false }).waitFor();
    expect(await textOf(content.locator(".filter-grid .ant-select").nth(1))).toContain("专项检查");
    await content.getByRole("button", { name: /重\s?置$/ }).click();
    await page.waitForURL((url) => url.search === "");
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
    // It shows as a thumbnail (the download URL draws in <img> despite content-disposition: attachment). The full-size
    // preview is antd's; its closing animation once never ended in CI, so the journey does not open it on the phone.
    const thumb = card("daily.carriers").getByRole("button", { name: "台账.png" });
    await expect.poll(() => drawnWidth(thumb.locator("img"))).toBe(48);

    // The touch targets are large enough for a thumb, and the page does not scroll sideways.
    expect(
      (await pixelBox(card("daily.carriers").locator(".ant-radio-button-wrapper").first())).height,
    ).toBeGreaterThanOrEqual(44);
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

    // The liaison attaches a photo as rectification evidence: the office sees it as a thumbnail on the finding.
    await row.getByRole("link", { name: FINDING }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/inspections/findings/"));
    const findingId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await liaison.call("POST", `/api/findings/${findingId}/attachments`, {
      name: "销毁记录.png",
      type: "image/png",
      contentBase64: PNG.toString("base64"),
    });
    await page.reload();
    const evidence = page.getByTestId("inspection-finding").getByRole("button", { name: "销毁记录.png" });
    await expect.poll(() => drawnWidth(evidence.locator("img"))).toBe(48);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { committeeWorld, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { type Box, drawerFit, screenshot, scrollWidth, textOf } from "./ui.js";

/**
 * 评分表管理 journey (第十二条第（二）项、第十三条第（六）项): the secrecy office opens the rubrics from 检查整改, revises
 * the committee's year-end rubric — one item's guidance and a note saying why — watching the points add up to the
 * total as it edits, saves it as version 2 and finds the note in the versions; a band put out of order is refused by
 * the server, whose message shows under the band's field. On a phone the list and the editor do not scroll sideways.
 */

const harness = useHarness();
const OFFICE = { username: "e2e-rb-office", displayName: "陈静", password: "保密办的长句密码-e2e-2026" };
const RUBRIC = "二级单位年度保密工作考核评分表";
const GUIDANCE = "查会议记录、纪要和传达学习记录。全年未专题研究的不得分；研究了但无记录的得 3 分。";
const NOTE = "年度考核：专题会议须查会议记录和传达学习记录";

let office: Credentials;

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  office = world.office.credentials;
});

const { open, opened } = signedInPages(harness);

describe("scoring rubrics", () => {
  it("the secrecy office revises the year-end rubric as version 2; a band out of order is refused under its field", async () => {
    const { page } = await open(office, "/inspections");
    const content = page.locator(".app-content");
    await content.getByRole("heading", { name: "检查整改" }).waitFor();
    await content.getByRole("link", { name: "评分表管理" }).click();
    await page.waitForURL((url) => url.pathname === "/inspections/rubrics");

    const list = page.getByTestId("rubrics");
    await list.getByRole("heading", { name: "评分表管理" }).waitFor();
    const row = list.locator("tr.ant-table-row").filter({ hasText: RUBRIC });
    const shipped = await textOf(row);
    expect(shipped).toContain("第 1 版");
    expect(shipped).toContain("平台内置");
    expect(shipped).toContain("100 分");
    expect(shipped).toContain("第十二条第（二）项");

    // The editor: the article is fixed, the points items add up to the total, and the sum follows each edit.
    await row.getByRole("button", { name: /修\s?订$/ }).click();
    const editor = page.getByRole("dialog");
    const sum = editor.getByTestId("rubric-points-sum");
    expect(await textOf(sum)).toContain("100 分 / 总分 100 分");
    expect(await textOf(editor.locator(".ant-descriptions"))).toContain("art12.2");
    const item = editor.getByTestId("rubric-item-0-0");
    const points = item.getByLabel("分值", { exact: true });
    expect(await points.inputValue()).toMatch(/^6(\.0)?$/);
    await points.fill("7");
    await expect.poll(() => textOf(sum)).toContain("101 分 / 总分 100 分");
    expect(await textOf(sum)).toContain("相差 1 分");
    await points.fill("6");
    await expect.poll(() => textOf(sum)).toContain("100 分 / 总分 100 分");

    await item.getByLabel("评分说明（可不填）").fill(GUIDANCE);
    // An article added as a tag: typed, then Enter.
    const articles = item.getByLabel("对应条款");
    await articles.fill("art6.3");
    await articles.press("Enter");
    await item.locator(".ant-select-selection-item").filter({ hasText: "art6.3" }).waitFor();
    await editor.getByLabel("修订说明").fill(NOTE);
    await editor.getByLabel("修订说明").blur();
    await editor.locator(".ant-drawer-body").evaluate((body) => (body as unknown as Box).scrollTo(0, 0));
    await page.mouse.move(0, 0);
    await screenshot(page, "rubric-editor.png");

    await editor.getByRole("button", { name: "保存为新版本" }).click();
    await page.locator(".ant-message-notice").filter({ hasText: "已保存为第 2 版" }).waitFor();
    await editor.waitFor({ state: "detached" });
    await expect.poll(() => textOf(row)).toContain("第 2 版");
    expect(await textOf(row)).toContain("本校修订");

    // The versions: the shipped one, then the office's, with who saved it and why; the new guidance in the rubric.
    await row.getByRole("button", { name: "版本记录" }).click();
    const view = page.getByRole("dialog");
    const history = view.getByTestId("rubric-history");
    await expect.poll(() => textOf(history)).toContain("第 2 版");
    const versions = await textOf(history);
    expect(versions).toContain("第 1 版");
    expect(versions).toContain(NOTE);
    expect(versions).toContain(OFFICE.displayName);
    await view.getByRole("tab", { name: "评分表" }).click();
    await view.getByText(GUIDANCE).waitFor();
    await view.getByText("art2、art6.1、art6.3").waitFor();
    await view.getByRole("button", { name: /close|关闭/i }).click();
    await view.waitFor({ state: "detached" });

    // A band below 基本符合 moved above 符合: the server refuses it, and says so under that band's minimum.
    opened[0]?.expectFailedRequest("/api/rubrics");
    await row.getByRole("button", { name: /修\s?订$/ }).click();
    const again = page.getByRole("dialog");
    expect(await again.getByTestId("rubric-item-0-0").getByLabel("评分说明（可不填）").inputValue()).toBe(GUIDANCE);
    await again.getByLabel("第 2 档下限").fill("95");
    await again.getByRole("button", { name: "保存为新版本" }).click();
    const bandError = again.getByTestId("rubric-bands").locator(".ant-form-item-explain-error");
    expect(await textOf(bandError)).toContain("分档下限须从高到低排列");
    expect(await textOf(again.getByTestId("rubric-editor-problem"))).toContain("有 1 处需要修改");
    await again.getByRole("button", { name: /取\s?消$/ }).click();
    await again.waitFor({ state: "detached" });
    expect(await textOf(row)).toContain("第 2 版");

    // On a phone: the list scrolls inside its card, the editor fills the screen; neither scrolls the page sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await list.getByRole("heading", { name: "评分表管理" }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await row.getByRole("button", { name: /修\s?订$/ }).click();
    const phone = page.getByRole("dialog");
    await phone.getByTestId("rubric-item-0-0").waitFor();
    const fit = await drawerFit(phone);
    expect(fit.width).toBeLessThanOrEqual(390);
    expect(fit.overflow).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
  });
});

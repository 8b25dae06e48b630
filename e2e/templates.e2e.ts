import type { Locator } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { committeeWorld, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { type Box, drawerFit, screenshot, scrollWidth, textOf } from "./ui.js";

/**
 * 检查表管理 journey (第十三条第（六）项、第十一条第（四）项): the secrecy office opens the checklists from 检查整改 and finds
 * the shipped ones at version 1, revises the unit checklist — one item's wording, an English title and a note saying
 * why — saves it as version 2 and finds the note in its versions; a new checklist under the unit checklist's id but
 * about cleared persons is refused by the server, whose message shows under 适用对象 and above the form. On a phone
 * the list and the editor do not scroll sideways.
 */

const harness = useHarness();
const OFFICE = { username: "e2e-tpl-office", displayName: "周敏", password: "保密办的检查表长句密码-e2e-2026" };
const CHECKLIST = "二级单位保密检查表";
const SHIPPED = [
  { title: CHECKLIST, id: "unit-inspection", subject: "二级单位" },
  { title: "保密要害部门部位检查表", id: "key-department-inspection", subject: "要害部门部位" },
  { title: "涉密人员保密自查表", id: "personal-self-check", subject: "涉密人员（个人自查）" },
];
const ITEM = "单位负责人每半年至少一次专题研究部署本单位保密工作，有会议记录和传达学习记录";
const TITLE_EN = "Secrecy inspection checklist for units (revised)";
const NOTE = "专题研究须每半年至少一次，并查传达学习记录";

let office: Credentials;

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  office = world.office.credentials;
});

const { open, opened } = signedInPages(harness);

/** A field of the editor's form by its path (antd ids it `template-editor_<path>`): labels repeat across items. */
const field = (editor: Locator, path: string): Locator => editor.locator(`#template-editor_${path}`);

/** The form item holding a field, for the errors shown under it. */
const itemOf = (editor: Locator, path: string): Locator =>
  editor.locator(".ant-form-item").filter({ has: editor.page().locator(`#template-editor_${path}`) });

describe("checklist templates", () => {
  it("the secrecy office revises the unit checklist as version 2; a new checklist under its id for another subject is refused", async () => {
    const { page } = await open(office, "/inspections");
    const content = page.locator(".app-content");
    await content.getByRole("heading", { name: "检查整改" }).waitFor();
    await content.getByRole("link", { name: /检查表$/ }).click();
    await page.waitForURL((url) => url.pathname === "/inspections/templates");

    // The shipped checklists, each at version 1.
    const list = page.getByTestId("inspection-templates");
    await list.getByRole("heading", { name: "检查表管理" }).waitFor();
    for (const shipped of SHIPPED) {
      const text = await textOf(list.locator("tr.ant-table-row").filter({ hasText: shipped.title }));
      expect(text).toContain(shipped.id);
      expect(text).toContain(shipped.subject);
      expect(text).toContain("第 1 版");
      expect(text).toContain("平台内置");
    }
    const row = list.locator("tr.ant-table-row").filter({ hasText: CHECKLIST });

    // The editor: id and subject fixed, one item's wording changed, an English title and a note.
    await row.getByRole("button", { name: /修\s?订$/ }).click();
    const editor = page.getByRole("dialog");
    expect(await field(editor, "id").inputValue()).toBe("unit-inspection");
    await expect.poll(() => field(editor, "id").isDisabled()).toBe(true);
    expect(await field(editor, "title_zh").inputValue()).toBe(CHECKLIST);
    expect(await field(editor, "sections_0_items_0_id").inputValue()).toBe("org.agenda");
    await field(editor, "sections_0_items_0_text_zh").fill(ITEM);
    await editor.getByLabel("名称（英文，可不填）").fill(TITLE_EN);
    await editor.getByLabel("修订说明").fill(NOTE);
    await editor.getByLabel("修订说明").blur();
    await editor.locator(".ant-drawer-body").evaluate((body) => (body as unknown as Box).scrollTo(0, 0));
    await page.mouse.move(0, 0);
    await screenshot(page, "template-editor.png");

    await editor.getByRole("button", { name: "保存为新版本" }).click();
    await page.locator(".ant-message-notice").filter({ hasText: "已保存为第 2 版" }).waitFor();
    await editor.waitFor({ state: "detached" });
    await expect.poll(() => textOf(row)).toContain("第 2 版");
    expect(await textOf(row)).toContain("本校修订");

    // The versions: the shipped one, then the office's, with who saved it and why; the new wording in the checklist.
    await row.getByRole("button", { name: /查\s?看$/ }).click();
    const view = page.getByRole("dialog");
    await view.getByRole("heading", { name: "版本记录" }).waitFor();
    const history = view.locator(".ant-timeline");
    await expect.poll(() => textOf(history)).toContain("第 2 版 · 本校修订");
    const versions = await textOf(history);
    expect(versions).toContain("第 1 版 · 平台内置");
    expect(versions).toContain(OFFICE.displayName);
    expect(versions).toContain(NOTE);
    await view.getByText(ITEM).waitFor();
    await view.getByRole("button", { name: /close|关闭/i }).click();
    await view.waitFor({ state: "detached" });

    // The English title was saved with version 2 (the list shows the Chinese alone).
    const saved = await page.request.get("/api/inspection-templates/unit-inspection/versions");
    expect(saved.ok()).toBe(true);
    const body = (await saved.json()) as { items: { version: number; title: { en?: string }; note: string | null }[] };
    expect(body.items.at(-1)).toMatchObject({ version: 2, title: { en: TITLE_EN }, note: NOTE });

    // A new checklist under the unit checklist's id, but about cleared persons: the server refuses it, and says so
    // under 适用对象 and above the form.
    opened[0]?.expectFailedRequest("/api/inspection-templates");
    await list.getByRole("button", { name: "新建检查表" }).click();
    const create = page.getByRole("dialog");
    await field(create, "id").fill("unit-inspection");
    await field(create, "subject").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "涉密人员（个人自查）" }).click();
    await field(create, "title_zh").fill("涉密人员年度保密自查表");
    await field(create, "sections_0_title_zh").fill("保密承诺与教育培训");
    await field(create, "sections_0_items_0_text_zh").fill("签订保密承诺书，参加年度保密教育培训");
    await create.getByRole("button", { name: "保存为新版本" }).click();
    const refusal = "适用对象不能改变";
    expect(await textOf(itemOf(create, "subject").locator(".ant-form-item-explain-error"))).toContain(refusal);
    expect(await textOf(create.locator(".ant-alert-error"))).toContain(refusal);
    await create.getByRole("button", { name: /取\s?消$/ }).click();
    await create.waitFor({ state: "detached" });
    expect(await textOf(row)).toContain("第 2 版");
    expect(await list.locator("tr.ant-table-row").count()).toBe(SHIPPED.length);

    // On a phone: the list scrolls inside its card, the editor fills the screen; neither scrolls the page sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await list.getByRole("heading", { name: "检查表管理" }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await row.getByRole("button", { name: /修\s?订$/ }).click();
    const phone = page.getByRole("dialog");
    await field(phone, "sections_0_items_0_text_zh").waitFor();
    expect(await field(phone, "sections_0_items_0_text_zh").inputValue()).toBe(ITEM);
    const fit = await drawerFit(phone);
    expect(fit.width).toBeLessThanOrEqual(390);
    expect(fit.overflow).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { committeeWorld, signedInPages } from "./committee-world.js";
import { useHarness } from "./harness.js";
import type { Credentials } from "./server.js";
import { screenshot, textOf, typeDate } from "./ui.js";

/**
 * 本单位检查 (实施细则第六条第（三）项): the head of 化学学院 — no inspection grant, no committee seat — finds
 * 组织本单位检查 on 检查整改, sees the plan already led by them over their school with the article cited, is refused
 * an end before the start under the field, and makes the plan; it opens as 本单位检查 with the school to inspect. The
 * school's liaison, who heads nothing, is not offered the button.
 */

const harness = useHarness();
const OFFICE = { username: "e2e-ui-office", displayName: "陈静", password: "保密办的长句密码-e2e-2026" };
const HEAD = { username: "e2e-ui-head", displayName: "刘院长", password: "院长的长句密码-e2e-2026" };
const LIAISON = { username: "e2e-ui-liaison", displayName: "赵敏", password: "联络员的长句密码-e2e-2026" };

let head: Credentials;
let liaison: Credentials;

beforeAll(async () => {
  const world = await committeeWorld(harness, OFFICE);
  const school = await world.unit("化学学院", "CHEM_SCHOOL");
  const made = await world.account(HEAD, school);
  await world.appoint(made.personId, school, "UNIT_HEAD");
  await world.grant(made.accountId, "unitHead", school);
  head = made.credentials;
  const clerk = await world.account(LIAISON, school);
  await world.appoint(clerk.personId, school, "LIAISON");
  await world.grant(clerk.accountId, "liaison", school);
  liaison = clerk.credentials;
});

const { open } = signedInPages(harness);
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysLater = (n: number) => new Date(Date.now() + (8 * 3_600 + n * 86_400) * 1000).toISOString().slice(0, 10);

describe("a unit head's own inspection", () => {
  it("the head plans the school's inspection, leading it, and opens it as 本单位检查", async () => {
    const watched = await open(head, "/inspections");
    const { page } = watched;
    watched.expectFailedRequest("/api/inspection-plans");
    const content = page.locator(".app-content");
    await content.getByRole("heading", { name: "检查整改" }).waitFor();
    await content.getByRole("button", { name: /组织本单位检查$/ }).click();
    const dialog = page.getByRole("dialog");
    expect(await textOf(dialog.locator(".ant-alert"))).toContain("化学学院的负责人");
    expect(await textOf(dialog.locator(".ant-alert"))).toContain("第六条第（三）项");
    // Led by the head (the lead is not asked), over the one school they head, named as offices name it.
    expect(await dialog.getByLabel("计划名称").inputValue()).toMatch(/^化学学院\d{4}年保密检查$/);
    await dialog.locator(".ant-select-selection-item").filter({ hasText: "化学学院" }).waitFor();
    await dialog.getByText("检查组组长", { exact: true }).waitFor({ state: "hidden" });

    // The end before the start: the server's refusal shows under the field.
    await typeDate(page, "开始日期", daysLater(7));
    await typeDate(page, "结束日期", today());
    await dialog.getByRole("button", { name: /创建计划$/ }).click();
    await dialog.getByText("检查结束日期不得早于开始日期").waitFor();
    await screenshot(page, "unit-inspection-plan.png");

    await typeDate(page, "结束日期", daysLater(14));
    await dialog.getByRole("button", { name: /创建计划$/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/inspections/plans/"));
    const plan = page.getByTestId("inspection-plan");
    expect(await textOf(plan.locator(".ant-descriptions"))).toContain("本单位检查");
    await plan.getByRole("link", { name: "化学学院" }).waitFor();
  });

  it("the school's liaison, who heads nothing, is not offered it", async () => {
    const { page } = await open(liaison, "/");
    const asked = page.waitForResponse((res) => res.url().includes("/api/inspection-plans/my-units"));
    await page.goto("/inspections");
    expect(await (await asked).json()).toMatchObject({ head: false, units: [] });
    const content = page.locator(".app-content");
    await content.getByRole("heading", { name: "检查整改" }).waitFor();
    expect(await content.getByRole("button", { name: /组织本单位检查$/ }).count()).toBe(0);
  });
});

import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";
import type { Credentials } from "./server.js";

export const SCREENSHOTS = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));

// antd puts a space between the two characters of a two-character Chinese button label ("登 录"), and while the
// leave animation of its loading icon runs the name reads "loading 登 录": the end of the name is what identifies it.
export const LOGIN_BUTTON = /登\s?录$/;

/** Waits until the locator is visible and returns its text, so assertions never race the render. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ state: "visible" });
  return (await locator.first().textContent()) ?? "";
}

/** Saves docs/screenshots/<name> once antd's entry animations have settled. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

/** Fills and submits the sign-in form on /login (the page must already show it). */
export async function submitLogin(page: Page, credentials: Credentials): Promise<void> {
  const form = page.locator("form");
  await page.getByLabel("用户名").fill(credentials.username);
  await page.getByLabel("密码", { exact: true }).fill(credentials.password);
  await form.getByRole("button", { name: LOGIN_BUTTON }).click();
}

/** Opens /login, signs in with a password alone, and waits for the dashboard. */
export async function signIn(page: Page, credentials: Credentials): Promise<void> {
  await page.goto("/login");
  await submitLogin(page, credentials);
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByTestId("user-menu").waitFor();
}

/** The page's width as laid out: more than the viewport means it scrolls sideways. */
export const scrollWidth = (page: Page): Promise<number> =>
  page.evaluate<number>("document.documentElement.scrollWidth");

/** An element as the browser has it (the journeys compile without the DOM library). */
export type Box = { scrollWidth: number; clientWidth: number; scrollTo(x: number, y: number): void };

/**
 * Where an element lies, in whole pixels: layout measures in fractions, and a 44-pixel touch target can come back as
 * 43.99999. Throws when the element is not laid out.
 */
export async function pixelBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("the element has no box");
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
}

/** How an open drawer lies on a phone: its body's width in whole pixels, and how far its content overflows it sideways. */
export async function drawerFit(dialog: Locator): Promise<{ width: number; overflow: number }> {
  const body = dialog.locator(".ant-drawer-body");
  const overflow = await body.evaluate((el) => (el as unknown as Box).scrollWidth - (el as unknown as Box).clientWidth);
  return { width: (await pixelBox(body)).width, overflow };
}

/** Types a date into an antd DatePicker in a dialog and confirms it. */
export async function typeDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByRole("dialog").getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}

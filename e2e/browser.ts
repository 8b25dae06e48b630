import { type Browser, type Page, chromium } from "playwright-core";

/** Exactly the flags DESIGN §2 verified for Debian's chromium in containers and CI. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The screenshot size the README and docs/screenshots use. */
export const VIEWPORT = { width: 1280, height: 800 };

/** Launches Chromium (BAOMI_CHROMIUM or /usr/bin/chromium); playwright gives it a fresh temporary profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.BAOMI_CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/** A page plus everything it complained about: console errors (CSP violations land here) and uncaught exceptions. */
export interface WatchedPage {
  page: Page;
  errors: string[];
  /** Declares a failed response the journey provokes on purpose, so Chromium's "Failed to load resource" is not an error. */
  expectFailedRequest(path: string): void;
  close(): Promise<void>;
}

/** Opens a fresh context on the server; any request that leaves the loopback server is aborted and reported. */
export async function openPage(browser: Browser, baseUrl: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseUrl, locale: "zh-CN" });
  const page = await context.newPage();
  // Fail a missing element in 10 s with a clear locator message, well inside the 60 s test timeout.
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  const expected = new Set<string>();
  const origin = new URL(baseUrl).origin;

  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("data:")) return route.continue();
    errors.push(`blocked request outside the test server: ${url}`);
    return route.abort("blockedbyclient");
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const source = message.location().url;
    const provoked = [...expected].some((path) => source === `${origin}${path}`);
    if (provoked && message.text().startsWith("Failed to load resource")) return;
    errors.push(`console: ${message.text()} (${source})`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));

  return { page, errors, expectFailedRequest: (path) => expected.add(path), close: () => context.close() };
}

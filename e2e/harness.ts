import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, openPage, type WatchedPage } from "./browser.js";
import { type InitialCredentials, startServer, type TestServer } from "./server.js";

/** What a journey file gets: the server's URL and a way to open watched pages on it. */
export interface Harness {
  readonly baseUrl: string;
  /** The three administrators' one-time credentials from `baomi init --json`. */
  readonly credentials: InitialCredentials;
  openPage(): Promise<WatchedPage>;
}

/**
 * Registers beforeAll/afterAll hooks that start one server (fresh data directory) and one Chromium for the file,
 * and tear both down afterwards. Use the returned object inside tests, not at module load.
 */
export function useHarness(): Harness {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get baseUrl() {
      if (!server) throw new Error("harness used before beforeAll ran");
      return server.baseUrl;
    },
    get credentials() {
      if (!server) throw new Error("harness used before beforeAll ran");
      return server.credentials;
    },
    async openPage() {
      if (!server || !browser) throw new Error("harness used before beforeAll ran");
      return openPage(browser, server.baseUrl);
    },
  };
}

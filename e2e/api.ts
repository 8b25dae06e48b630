import { totpCodeAt, totpStep } from "../src/platform/auth/totp.js";
import type { Credentials } from "./server.js";

/**
 * A minimal API client for setting up what a journey needs but is not about (accounts, grants): one cookie, the CSRF
 * token of the latest session state, JSON in and out. Journeys themselves go through the browser.
 */
export class ApiSession {
  private cookie: string | null = null;
  private csrf: string | null = null;

  constructor(readonly baseUrl: string) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== "GET" && this.csrf) headers["x-csrf-token"] = this.csrf;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? null;
    const text = await response.text();
    const payload = text === "" ? undefined : (JSON.parse(text) as unknown);
    if (!response.ok) throw new Error(`${method} ${path} → HTTP ${response.status}: ${text}`);
    if (typeof payload === "object" && payload !== null && "csrfToken" in payload) {
      this.csrf = (payload as { csrfToken: string }).csrfToken;
    }
    return payload as T;
  }

  /** Signs in with a password; answers with the steps still pending. */
  async login(credentials: Credentials): Promise<string[]> {
    const state = await this.call<{ pending: string[] }>("POST", "/api/auth/login", credentials);
    return state.pending;
  }

  /**
   * Finishes a first sign-in: replaces the one-time password and, when required, enrols TOTP with a code computed
   * here (the step an authenticator app would show now).
   */
  async completeFirstSignIn(credentials: Credentials, newPassword: string): Promise<{ totpSecret: string | null }> {
    let pending = await this.login(credentials);
    if (pending.includes("passwordChange")) {
      const state = await this.call<{ pending: string[] }>("POST", "/api/me/password", {
        currentPassword: credentials.password,
        newPassword,
      });
      pending = state.pending;
    }
    if (!pending.includes("totpEnrollment")) return { totpSecret: null };
    const { secret } = await this.call<{ secret: string }>("POST", "/api/me/totp/setup");
    await this.call("POST", "/api/me/totp/confirm", { code: totpCodeAt(secret, totpStep(new Date())) });
    return { totpSecret: secret };
  }
}

/** The id of the root unit (the institution `baomi init` created). */
export async function rootUnitId(api: ApiSession): Promise<string> {
  const { items } = await api.call<{ items: { id: string; parentId: string | null }[] }>("GET", "/api/units");
  const root = items.find((unit) => unit.parentId === null);
  if (!root) throw new Error("no root unit: did `baomi init` run?");
  return root.id;
}

/**
 * Creates a business user through the system administrator and signs it in once to replace its one-time password,
 * so a journey can start from a plain sign-in. Answers with the user's credentials.
 */
export async function createBusinessUser(
  baseUrl: string,
  sysadmin: Credentials,
  user: { username: string; displayName: string; password: string },
): Promise<Credentials> {
  const admin = new ApiSession(baseUrl);
  await admin.completeFirstSignIn(sysadmin, "Admin-of-systems-passphrase-1");
  const unitId = await rootUnitId(admin);
  const { oneTimePassword } = await admin.call<{ oneTimePassword: string }>("POST", "/api/accounts", {
    username: user.username,
    displayName: user.displayName,
    unitId,
  });
  const session = new ApiSession(baseUrl);
  await session.completeFirstSignIn({ username: user.username, password: oneTimePassword }, user.password);
  return { username: user.username, password: user.password };
}

/** A business account made by the system administrator (with its own person), signed in once to set its password. */
export async function createBusinessAccount(
  sysadmin: ApiSession,
  user: { username: string; displayName: string; password: string },
  unitId: string,
): Promise<{ credentials: Credentials; accountId: string; personId: string }> {
  const created = await sysadmin.call<{
    account: { id: string; person: { id: string } | null };
    oneTimePassword: string;
  }>("POST", "/api/accounts", { username: user.username, displayName: user.displayName, unitId });
  if (!created.account.person) throw new Error("POST /api/accounts made no person");
  await new ApiSession(sysadmin.baseUrl).completeFirstSignIn(
    { username: user.username, password: created.oneTimePassword },
    user.password,
  );
  return {
    credentials: { username: user.username, password: user.password },
    accountId: created.account.id,
    personId: created.account.person.id,
  };
}

import { afterEach, expect } from "vitest";
import { ApiSession, createBusinessAccount, rootUnitId } from "./api.js";
import type { WatchedPage } from "./browser.js";
import type { Harness } from "./harness.js";
import type { Credentials } from "./server.js";
import { signIn } from "./ui.js";

/**
 * What the committee journeys (会议, 督查考核, 报告请示, 调研课题, 来文学习, 规章制度) set up through the API before the
 * browser takes over, and how they open pages.
 */

export interface User {
  username: string;
  displayName: string;
  password: string;
}

/** An account made for a journey: how it signs in, and its ids. */
export interface Made {
  credentials: Credentials;
  accountId: string;
  personId: string;
}

export interface CommitteeWorld {
  sysadmin: ApiSession;
  secadmin: ApiSession;
  /** The office account's own session: what it sets up, it sets up as the office would. */
  officeApi: ApiSession;
  rootId: string;
  /** The unit coded SECRECY_OFFICE (保密办公室), where the office account's person is the secrecy officer. */
  officeUnitId: string;
  office: Made;
  grant: (accountId: string, role: string, unitId: string) => Promise<unknown>;
  unit: (name: string, code: string, classified?: boolean) => Promise<string>;
  person: (name: string, unitId: string, staffNo: string) => Promise<string>;
  appoint: (personId: string, unitId: string, position: string, startsOn?: string) => Promise<unknown>;
  /** A business account with its own person, signed in once to set its password. */
  account: (user: User, unitId?: string) => Promise<Made>;
}

/**
 * The administrators past their first sign-in, and the secrecy office: an account granted secrecyOffice on the root
 * institution whose person is the secrecy officer of 保密办公室 (第十三条).
 */
export async function committeeWorld(harness: Harness, officeUser: User): Promise<CommitteeWorld> {
  const { baseUrl, credentials } = harness;
  const sysadmin = new ApiSession(baseUrl);
  await sysadmin.completeFirstSignIn(credentials.sysadmin, "Admin-of-systems-passphrase-1");
  const secadmin = new ApiSession(baseUrl);
  await secadmin.completeFirstSignIn(credentials.secadmin, "Admin-of-security-passphrase-1");
  const rootId = await rootUnitId(sysadmin);
  const grant = (accountId: string, role: string, unitId: string) =>
    secadmin.call("POST", "/api/grants", { accountId, role, unitId, startsOn: "2024-01-01", endsOn: null });
  const account = (user: User, unitId = rootId): Promise<Made> => createBusinessAccount(sysadmin, user, unitId);

  const office = await account(officeUser);
  await grant(office.accountId, "secrecyOffice", rootId);
  const officeApi = new ApiSession(baseUrl);
  await officeApi.login(office.credentials);
  const unit = async (name: string, code: string, classified = false) =>
    (await officeApi.call<{ id: string }>("POST", "/api/units", { parentId: rootId, name, code, classified })).id;
  const person = async (name: string, unitId: string, staffNo: string) =>
    (await officeApi.call<{ id: string }>("POST", "/api/people", { name, unitId, staffNo })).id;
  const appoint = (personId: string, unitId: string, position: string, startsOn = "2024-09-01") =>
    officeApi.call("POST", "/api/appointments", { personId, unitId, position, acting: false, startsOn, endsOn: null });

  const officeUnitId = await unit("保密办公室", "SECRECY_OFFICE");
  await officeApi.call("PATCH", `/api/people/${office.personId}`, { unitId: officeUnitId });
  await appoint(office.personId, officeUnitId, "SECRECY_OFFICER");
  return { sysadmin, secadmin, officeApi, rootId, officeUnitId, office, grant, unit, person, appoint, account };
}

/** The committee's director (第八条): the Party secretary, granted director, who signs minutes and reports. */
export async function directorOf(world: CommitteeWorld, user: User): Promise<Credentials> {
  const director = await world.account(user);
  await world.appoint(director.personId, world.rootId, "PARTY_SECRETARY");
  await world.grant(director.accountId, "director", world.rootId);
  return director.credentials;
}

/**
 * Opens signed-in pages at a desktop size and, after each test, closes them and fails the test if any logged an
 * error. Call at module level (it registers an afterEach). `opened` lists the test's pages in the order opened.
 */
export function signedInPages(harness: Harness) {
  const opened: WatchedPage[] = [];
  afterEach(async () => {
    const errors = opened.flatMap((watched) => watched.errors);
    await Promise.all(opened.map((watched) => watched.close()));
    opened.length = 0;
    expect(errors, "the page logged errors").toEqual([]);
  });
  const open = async (credentials: Credentials, path: string, height = 900): Promise<WatchedPage> => {
    const watched = await harness.openPage();
    opened.push(watched);
    await watched.page.setViewportSize({ width: 1280, height });
    await signIn(watched.page, credentials);
    await watched.page.goto(path);
    return watched;
  };
  return { open, opened };
}

/**
 * An institution for the agreement tests, on 2027-03-01: root → A → A1, root → B. A is led by an acting head
 * (吴老师, 代理), B by 周主任; A1 has no head (a vacancy). 孙副书记 holds the secrecy portfolio. The secrecy office
 * works at the root; 钱老师 heads nothing and holds a unit-head grant on A only (someone who must not see B's).
 */
import { type FastifyInstance } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { registerAgreementRoutes } from "../../src/features/agreements/routes.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { type TestDialect } from "../databases.js";
import {
  type Client,
  createTestAccount,
  grantRole,
  seedOrg,
  signIn,
  type Org,
  type TestAccount,
} from "../factories.js";
import { buildTestApp, testClock, type TestApp, type TestClock } from "../harness.js";

export interface AgreementWorld {
  t: TestApp;
  clock: TestClock;
  org: Org;
  accounts: Record<"office" | "headA" | "headB" | "outsider" | "secLeader", TestAccount>;
  clients: Record<"office" | "headA" | "headB" | "outsider" | "secLeader", Client>;
  /** Makes `personId` hold UNIT_HEAD (or another position) in a unit from a date. */
  appoint(personId: string, unitId: string, startsOn: string, acting?: boolean, position?: string): Promise<void>;
}

/** Registers the agreement routes unless the app already has them (once features/index.ts lists them). */
export function withAgreementRoutes(app: FastifyInstance): void {
  if (!app.hasRoute({ method: "GET", url: "/api/agreements" })) registerAgreementRoutes(app);
}

export async function agreementWorld(dialect: TestDialect): Promise<AgreementWorld> {
  const clock = testClock(new Date("2027-03-01T02:00:00.000Z"));
  const t = await buildTestApp(dialect, {}, { clock });
  withAgreementRoutes(t.app);
  const org = await seedOrg(t.app);
  const db = t.app.db.kysely;
  const at = toInstant(clock());
  const admin = await createTestAccount(t.app, { username: "g-secadmin", adminRole: "SECURITY_ADMIN" });
  const accounts = {
    office: await createTestAccount(t.app, { username: "g-office", unitId: org.root.id }),
    headA: await createTestAccount(t.app, { username: "g-head-a", unitId: org.a.id }),
    headB: await createTestAccount(t.app, { username: "g-head-b", unitId: org.b.id }),
    outsider: await createTestAccount(t.app, { username: "g-outsider", unitId: org.a.id }),
    secLeader: await createTestAccount(t.app, { username: "g-sec-leader", unitId: org.root.id }),
  };
  const rename = (account: TestAccount, name: string) =>
    db
      .updateTable("person")
      .set({ name })
      .where("id", "=", account.personId ?? "")
      .execute();
  await rename(accounts.headA, "吴老师");
  await rename(accounts.headB, "周主任");
  await rename(accounts.outsider, "钱老师");
  await rename(accounts.secLeader, "孙副书记");
  await grantRole(t.app, accounts.office.id, "secrecyOffice", org.root.id, admin.id);
  await grantRole(t.app, accounts.headB.id, "unitHead", org.b.id, admin.id);
  await grantRole(t.app, accounts.outsider.id, "unitHead", org.a.id, admin.id);
  // headA holds no grant yet: as the signer they still see and sign their own agreement.
  const appoint = async (
    personId: string,
    unitId: string,
    startsOn: string,
    acting = false,
    position = "UNIT_HEAD",
  ) => {
    await db
      .insertInto("appointment")
      .values({
        id: uuidv7(),
        person_id: personId,
        unit_id: unitId,
        position,
        acting: acting ? 1 : 0,
        starts_on: startsOn,
        ends_on: null,
        created_by: null,
        created_at: at,
      })
      .execute();
  };
  await appoint(accounts.headA.personId ?? "", org.a.id, "2027-02-01", true);
  await appoint(accounts.headB.personId ?? "", org.b.id, "2025-01-01");
  await db
    .insertInto("portfolio")
    .values({
      id: uuidv7(),
      person_id: accounts.secLeader.personId ?? "",
      unit_id: org.root.id,
      area: "secrecy",
      starts_on: "2024-01-01",
      ends_on: null,
      created_by: null,
      created_at: at,
    })
    .execute();
  const clients = {
    office: await signIn(t.app, accounts.office),
    headA: await signIn(t.app, accounts.headA),
    headB: await signIn(t.app, accounts.headB),
    outsider: await signIn(t.app, accounts.outsider),
    secLeader: await signIn(t.app, accounts.secLeader),
  };
  return { t, clock, org, accounts, clients, appoint };
}

export interface AgreementJson {
  id: string;
  unit: { id: string; name: string };
  person: { id: string; name: string };
  acting: boolean;
  title: string;
  status: string;
  statusName: string;
  signature: string | null;
  signedAt: string | null;
  paragraphs: string[];
  citations: string[];
  abilities: { sign: boolean; void: boolean };
}

export interface IssueJson {
  batch: { id: string; year: number; templateId: string };
  issued: { id: string; unit: { id: string; name: string }; person: { id: string; name: string }; acting: boolean }[];
  alreadyIssued: number;
  vacancies: { unit: { id: string; name: string }; role: string }[];
}

/**
 * The demo's annual responsibility agreements (年度保密工作责任书, 实施细则第四、五、六条), written inside the demo's
 * transaction: last year's all signed in the start-of-year window, this year's issued in early January and signed as
 * far as the load date has come — nothing dated after it. The agreements feature's own rules say who signs for whom:
 * one batch per template and year, each to the holder of the template's role on the issue date as the resolver names
 * them (`agreements/signers.ts`), the text rendered from the policy's template as at issue. Signed rows go in already
 * signed, with the hash the signing service computes (migration 0005 refuses any later UPDATE of a signed row). A
 * signature is made through the signer's own account, so a signer with no demo account is given one (`demo.<工号>`,
 * password not published, no role grants). The obligations engine then finds them through `signedAgreements`.
 */
import { randomBytes } from "node:crypto";
import { type Insertable, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { agreementBody, renderTemplate, signatureInput } from "../../domain/agreement.js";
import { dateIn } from "../../domain/calendar.js";
import { hasSecrecyMarking } from "../../domain/marking-guard.js";
import { type Policy } from "../../domain/policy/schema.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { sha256Hex } from "../../platform/auth/tokens.js";
import { toInstant } from "../../platform/db/instants.js";
import { type AccountTable, type Database } from "../../platform/db/schema.js";
import { candidates, institutionFor, type Place, roleScope } from "../agreements/signers.js";
import { type Inserted } from "./insert.js";
import { addDays } from "./plan.js";
import { type Random, seededRandom } from "./random.js";
import { at, day } from "./beijing.js";
import { DEMO_OFFICE_USERNAME } from "./accounts.js";

type Trx = Transaction<Database>;

/** How many agreements the demo wrote, for the audit entry and the CLI. */
export interface AgreementCounts {
  /** Issued, signed or not. */
  agreements: number;
  agreementsSigned: number;
  /** Accounts given to signers who had no demo account. */
  signerAccounts: number;
}

// Its own seed, offset by the year, so that the agreements never shift the committee's or the institution's draws.
const SEED = 20121027;

const clock = (random: Random, fromHour: number, toHour: number) =>
  `${String(random.int(fromHour, toHour)).padStart(2, "0")}:${String(random.int(0, 11) * 5).padStart(2, "0")}`;

type Template = Policy["documents"][number];

/** One agreement as it will be written. */
interface PlannedAgreement {
  batch: string;
  unit: Place;
  personId: string;
  personName: string;
  acting: boolean;
  template: Template;
  body: string;
  issuedAt: Date;
  /** Present when the signing day has come by the load date. */
  signedAt: Date | null;
}

interface PlannedBatch {
  id: string;
  year: number;
  template: Template;
  issuedAt: Date;
}

/**
 * When a signer signs. Leaders sign with the Party secretary within days of the issue; unit heads through January
 * and February, all by 20 March, before the plan item 组织各单位负责人签订年度保密工作责任书 is reported done (late
 * March, committee-script.ts). This year, the heads who hold a demo account sign last, so that an early load date
 * leaves them an agreement to sign on screen. A signer who leaves the post signs by their last day in it.
 */
function signingDay(
  random: Random,
  options: { issuedOn: string; leader: boolean; late: boolean; endsOn: string | null; year: number },
): string {
  const wanted = options.leader
    ? addDays(options.issuedOn, random.int(1, 6))
    : options.late
      ? day(options.year, 3, random.int(13, 20))
      : addDays(options.issuedOn, random.int(3, 70));
  const capped = options.endsOn !== null && options.endsOn < wanted ? options.endsOn : wanted;
  return capped < options.issuedOn ? options.issuedOn : capped;
}

/** Issues and signs the previous and the current year's agreements; returns the counts. */
export async function insertAgreements(
  trx: Trx,
  policy: Policy,
  inserted: Inserted,
  options: { institutionId: string; policyVersion: string; now: Date },
): Promise<AgreementCounts> {
  const { now } = options;
  const happened = (moment: Date) => moment.getTime() <= now.getTime();
  const office = inserted.accountIds.get(DEMO_OFFICE_USERNAME);
  if (!office) throw new Error(`demo account ${DEMO_OFFICE_USERNAME} missing`);
  const institution = await institutionFor(trx, options.institutionId);
  const demoHolders = new Set(
    (
      await trx
        .selectFrom("account")
        .select("person_id")
        .where("id", "in", [...inserted.accountIds.values()])
        .execute()
    ).map((a) => a.person_id),
  );
  // The templates the feature can issue: a role held per unit or by leaders (signers.ts `roleScope`).
  const templates = policy.documents.filter((d) => {
    if (d.kind !== "responsibilityAgreement") return false;
    const rule = policy.roles.find((r) => r.id === d.role)?.filledBy;
    return rule?.kind === "position" || rule?.kind === "portfolio";
  });

  const thisYear = Number(dateIn(now).slice(0, 4));
  const batches: PlannedBatch[] = [];
  const agreements: PlannedAgreement[] = [];
  for (const year of [thisYear - 1, thisYear]) {
    const random = seededRandom(SEED + year);
    const issuedOn = day(year, 1, random.int(5, 9));
    const issuedAt = at(issuedOn, "09:30");
    if (!happened(issuedAt)) continue;
    for (const template of templates) {
      const batch = { id: uuidv7(), year, template, issuedAt };
      batches.push(batch);
      const leader = roleScope(policy, template.role) === "institution";
      const found = await candidates(trx, policy, template.role, institution, issuedOn);
      for (const { unit, holder } of found.candidates) {
        const text = renderTemplate(template.paragraphs, {
          institution: institution.name,
          unit: unit.name,
          person: holder.personName,
          year: String(year),
        });
        if (!text.ok) throw new Error(`template ${template.id} has unknown placeholders ${text.unknown.join(" ")}`);
        const body = agreementBody(text.paragraphs);
        if (hasSecrecyMarking(body)) throw new Error(`template ${template.id} carries a secrecy marking`);
        const signedOn = signingDay(random, {
          issuedOn,
          leader,
          late: year === thisYear && demoHolders.has(holder.personId),
          endsOn: holder.endsOn,
          year,
        });
        const chosen = at(signedOn, clock(random, leader ? 10 : 9, 16));
        // Never before the issue itself (a signer who leaves on the issue day signs that afternoon).
        const signedAt = chosen < issuedAt ? at(issuedOn, "15:00") : chosen;
        agreements.push({
          batch: batch.id,
          unit,
          personId: holder.personId,
          personName: holder.personName,
          acting: holder.acting,
          template,
          body,
          issuedAt,
          signedAt: happened(signedAt) ? signedAt : null,
        });
      }
    }
  }

  // Every signer's account: their demo account, or one of their own (created before the first batch they signed).
  const accounts = await signerAccounts(trx, agreements, inserted, batches[0]?.issuedAt ?? now);

  if (batches.length > 0)
    await trx
      .insertInto("agreement_batch")
      .values(
        batches.map((b) => ({
          id: b.id,
          institution_id: options.institutionId,
          year: b.year,
          template_id: b.template.id,
          policy_version: options.policyVersion,
          issued_at: toInstant(b.issuedAt),
          issued_by: office,
        })),
      )
      .execute();
  const rows: Insertable<Database["agreement"]>[] = agreements.map((a) => {
    const id = uuidv7();
    const issuedAt = toInstant(a.issuedAt);
    const signedAt = a.signedAt ? toInstant(a.signedAt) : null;
    const account = accounts.get(a.personId) ?? null;
    if (signedAt && !account) throw new Error(`no account for signer ${a.personName}`);
    return {
      id,
      batch_id: a.batch,
      unit_id: a.unit.id,
      person_id: a.personId,
      role: a.template.role,
      acting: a.acting ? 1 : 0,
      title: a.template.title,
      body: a.body,
      status: signedAt ? "signed" : "issued",
      issued_at: issuedAt,
      signed_at: signedAt,
      signed_by_account: signedAt ? account : null,
      signature:
        signedAt && account
          ? sha256Hex(
              signatureInput({
                agreementId: id,
                title: a.template.title,
                body: a.body,
                personId: a.personId,
                accountId: account,
                signedAt,
              }),
            )
          : null,
      voided_at: null,
      voided_by: null,
      void_reason: null,
      created_at: issuedAt,
    };
  });
  // In slices: a statement's bound parameters are limited (SQLite 32766, PostgreSQL 65535).
  for (let i = 0; i < rows.length; i += 100)
    await trx
      .insertInto("agreement")
      .values(rows.slice(i, i + 100))
      .execute();
  return {
    agreements: rows.length,
    agreementsSigned: rows.filter((r) => r.status === "signed").length,
    signerAccounts: [...accounts.keys()].filter((personId) => !demoHolders.has(personId)).length,
  };
}

/**
 * The account each signer signs through (person id → account id): the demo account they hold, or a new one named
 * after their staff number, whose password nobody is told (an administrator can reset it) and which holds no grants.
 */
async function signerAccounts(
  trx: Trx,
  agreements: readonly PlannedAgreement[],
  inserted: Inserted,
  createdAt: Date,
): Promise<Map<string, string>> {
  const signed = agreements.filter((a) => a.signedAt !== null);
  const result = new Map<string, string>();
  if (signed.length === 0) return result;
  const people = [...new Set(signed.map((a) => a.personId))];
  const existing = await trx
    .selectFrom("account")
    .select(["id", "person_id"])
    .where("id", "in", [...inserted.accountIds.values()])
    .where("person_id", "in", people)
    .execute();
  for (const a of existing) if (a.person_id) result.set(a.person_id, a.id);
  const missing = people.filter((p) => !result.has(p));
  if (missing.length === 0) return result;
  const persons = await trx
    .selectFrom("person")
    .select(["id", "name", "staff_no"])
    .where("id", "in", missing)
    .execute();
  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
  const created = toInstant(createdAt);
  const rows: Insertable<AccountTable>[] = persons.map((p) => {
    const lastSigned = signed
      .filter((a) => a.personId === p.id)
      .reduce((latest, a) => Math.max(latest, a.signedAt?.getTime() ?? 0), 0);
    const id = uuidv7();
    result.set(p.id, id);
    return {
      id,
      username: `demo.${p.staff_no ?? p.id}`,
      display_name: p.name,
      person_id: p.id,
      admin_role: null,
      status: "active",
      password_hash: passwordHash,
      password_changed_at: created,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      totp_secret: null,
      totp_pending_secret: null,
      totp_last_step: null,
      last_login_at: toInstant(new Date(lastSigned)),
      created_at: created,
      updated_at: created,
    };
  });
  await trx.insertInto("account").values(rows).execute();
  return result;
}

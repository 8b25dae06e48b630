/**
 * Who may sign a meeting's minutes on a day (第十条第（二）项): the committee director — the Party secretary then in
 * office (第八条) — or a deputy director holding the director's dated delegation for that day. Asked of the resolver's
 * roster for the day, never of a role grant: a grant says what someone may see, the roster says who sits.
 */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { verifyPassword } from "../../platform/auth/passwords.js";
import { hitRateLimit } from "../../platform/auth/rate-limit.js";
import { sha256Hex } from "../../platform/auth/tokens.js";
import { activePolicy } from "../policy/active-policy.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type Database } from "../../platform/db/schema.js";
import { committeeRoster } from "../responsibility/committee.js";

export interface SigningRight {
  signedAs: "director" | "delegate";
  delegation: { id: string; purpose: string; startsOn: string; endsOn: string } | null;
}

/** The person's right to sign for the institution's committee on `day`, or null. */
export async function signingRight(
  db: Kysely<Database>,
  policy: Policy,
  institutionId: string,
  personId: string | null,
  day: string,
): Promise<SigningRight | null> {
  if (!personId) return null;
  const roster = await committeeRoster(db, policy, institutionId, day);
  const sits = (seat: string) =>
    roster.seats.some((s) => s.seat === seat && s.holders.some((holder) => holder.personId === personId));
  if (sits("director")) return { signedAs: "director", delegation: null };
  const delegation = roster.delegations.find((d) => d.delegate.personId === personId);
  if (delegation && sits("deputyDirector"))
    return {
      signedAs: "delegate",
      delegation: {
        id: delegation.id,
        purpose: delegation.purpose,
        startsOn: delegation.startsOn,
        endsOn: delegation.endsOn,
      },
    };
  return null;
}

const NOT_SIGNER = new AppError("FORBIDDEN", {
  zh: "只有保密委员会主任，或持有主任书面委托的副主任，可以审定签发（《实施细则》第十条第（二）项）",
  en: "Only the committee director, or a deputy director holding the director's delegation, may sign this off",
});

/**
 * The signer's right today and a checked password, or an audited refusal: the gate of every committee sign-off
 * (minutes, addenda, the annual plan, the assessment, the summary).
 */
export async function confirmSigner(
  request: FastifyRequest,
  institutionId: string,
  password: string,
  action: string,
  object: { type: string; id: string | null },
): Promise<SigningRight & { personId: string; day: string }> {
  const app = request.server;
  const auth = authOf(request);
  const { policy } = await activePolicy(app.db.kysely);
  const day = dateIn(app.clock());
  const right = await signingRight(app.db.kysely, policy, institutionId, auth.account.person_id, day);
  if (!right || !auth.account.person_id) return deny(request, NOT_SIGNER, { action, object });
  if (!(await hitRateLimit(app.db.kysely, `committee-sign:${auth.account.id}`, 10, 900_000, app.clock())))
    throw new AppError("RATE_LIMITED", { zh: "签发尝试过于频繁，请稍后再试", en: "Too many attempts; try later" });
  if (!(await verifyPassword(auth.account.password_hash, password))) {
    await app.audit.record({
      ...auditContext(request),
      action,
      object,
      result: "failure",
      details: { reason: "wrong_password" },
    });
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "密码不正确，未签发", en: "The password is wrong; nothing was signed" },
      { issues: [{ field: "body.password", message: "密码不正确" }] },
    );
  }
  return { ...right, personId: auth.account.person_id, day };
}

/** What a committee signature hashes: the text signed, who signed and when, so that any later change shows. */
export function committeeSignature(kind: string, parts: readonly (string | number | null)[]): string {
  return sha256Hex(JSON.stringify([`baomi-${kind}-signature-v1`, ...parts]));
}

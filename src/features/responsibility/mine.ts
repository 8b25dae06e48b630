/**
 * 我的职责: a person's responsibility roles on a date — from appointments, portfolios, committee seats and clearance —
 * each with the duties the implementing rules give it and the words of the article each comes from.
 */
import { type Kysely } from "kysely";
import { type Actor } from "../../domain/access.js";
import { citationOf, describeCadence } from "../../domain/policy/catalogue.js";
import { inLocale, type Locale } from "../../domain/locale.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type BusinessRole, ROLE_NAMES, TIER_NAMES } from "../../domain/roles.js";
import { type Database } from "../../platform/db/schema.js";
import { committeeRoster } from "./committee.js";
import { type MyResponsibilities } from "./contract.js";
import { basisName, provisionText } from "./names.js";

type Db = Kysely<Database>;
type RoleEntry = MyResponsibilities["roles"][number];

/** The roles a person holds on a date and what each asks of them. */
export async function responsibilitiesOf(
  db: Db,
  policy: Policy,
  personId: string,
  at: string,
  locale: Locale = "zh-CN",
): Promise<RoleEntry[]> {
  const held: { role: BusinessRole; basis: string; acting: boolean; unit: { id: string; name: string } | null }[] = [];
  const inForce = <T extends { starts_on: string; ends_on: string | null }>(q: T[]) =>
    q.filter((r) => r.starts_on <= at && (r.ends_on === null || r.ends_on >= at));

  const appointments = inForce(
    await db
      .selectFrom("appointment")
      .innerJoin("unit", "unit.id", "appointment.unit_id")
      .select([
        "appointment.position",
        "appointment.acting",
        "appointment.starts_on",
        "appointment.ends_on",
        "unit.id",
        "unit.name",
        "unit.path",
      ])
      .where("appointment.person_id", "=", personId)
      .execute(),
  );
  const portfolios = inForce(
    await db
      .selectFrom("portfolio")
      .innerJoin("unit", "unit.id", "portfolio.unit_id")
      .select(["portfolio.area", "portfolio.starts_on", "portfolio.ends_on", "unit.id", "unit.name"])
      .where("portfolio.person_id", "=", personId)
      .execute(),
  );
  for (const role of policy.roles) {
    const rule = role.filledBy;
    if (rule.kind === "position") {
      for (const a of appointments.filter((x) => rule.positions.includes(x.position)))
        held.push({ role: role.id, basis: a.position, acting: a.acting === 1, unit: { id: a.id, name: a.name } });
    } else if (rule.kind === "portfolio") {
      for (const p of portfolios.filter((x) => x.area === rule.area))
        held.push({ role: role.id, basis: p.area, acting: false, unit: { id: p.id, name: p.name } });
    }
  }
  // Committee seats, from the roster of each institution the person holds an appointment under.
  const institutions = new Set<string>();
  for (const a of appointments) {
    const ids = a.path.split("/").filter(Boolean);
    const row = await db
      .selectFrom("unit")
      .select("id")
      .where("id", "in", ids)
      .where("kind", "=", "institution")
      .orderBy("path", "desc")
      .executeTakeFirst();
    if (row) institutions.add(row.id);
  }
  for (const institutionId of institutions) {
    const roster = await committeeRoster(db, policy, institutionId, at);
    for (const seat of roster.seats) {
      const mine = seat.holders.find((h) => h.personId === personId);
      if (!mine) continue;
      const role = policy.roles.find((r) => r.filledBy.kind === "committee" && r.filledBy.seat === seat.seat)?.id;
      if (role)
        held.push({
          role,
          // The office that puts them on the committee (e.g. 单位主要负责人), not the seat's unit code.
          basis: mine.basis,
          acting: mine.acting,
          unit: seat.unit ? { id: seat.unit.id, name: seat.unit.name } : null,
        });
    }
  }
  const clearance = inForce(
    await db
      .selectFrom("clearance")
      .select(["tier", "starts_on", "ends_on"])
      .where("person_id", "=", personId)
      .execute(),
  );
  const clearedRole = policy.roles.find((r) => r.filledBy.kind === "clearance")?.id;
  if (clearance.length && clearedRole)
    held.push({
      role: clearedRole,
      basis:
        locale === "en-US"
          ? `${TIER_NAMES[clearance[0]?.tier ?? "GENERAL"].en} cleared person`
          : `${TIER_NAMES[clearance[0]?.tier ?? "GENERAL"].zh}涉密人员`,
      acting: false,
      unit: null,
    });

  return held.map((h) => {
    const role = policy.roles.find((r) => r.id === h.role);
    const duties = policy.duties.filter(
      (d) =>
        d.bearer === h.role || (d.bearer === "committee" && ["director", "deputyDirector", "member"].includes(h.role)),
    );
    return {
      role: h.role,
      roleName: inLocale(role?.name ?? ROLE_NAMES[h.role], locale),
      basis: basisName(policy, h.basis, locale),
      acting: h.acting,
      unit: h.unit,
      articles: (role?.articles ?? []).map((ref) => ({
        id: ref,
        citation: citationOf(policy, ref) ?? ref,
        text: provisionText(policy, ref),
      })),
      duties: duties.map((d) => ({
        id: d.id,
        article: d.article,
        citation: citationOf(policy, d.article) ?? d.article,
        title: inLocale(d.title, locale),
        cadence: inLocale(describeCadence(d.cadence), locale),
        articleText: provisionText(policy, d.article),
      })),
    };
  });
}

/** The units an actor's grants reach, for the 我的职责 page. */
export function scopesOf(actor: Actor): MyResponsibilities["scopes"] {
  return actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitName }));
}

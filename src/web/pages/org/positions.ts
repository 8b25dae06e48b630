import type { Localized } from "../../../domain/errors";

/** Where a position exists: at the institution (院领导) or in a unit (单位职务). */
export type PositionScope = "institution" | "unit";

export interface PositionOption {
  code: string;
  name: Localized;
  scope: PositionScope;
  /** Several people may hold it at once (one holder otherwise: the server refuses an overlap). */
  many: boolean;
}

/**
 * The positions of the implementing rules in force, for the appoint form. A mirror of `positions:` in
 * policies/gdpt-2012-14.yaml: the server does not serve this list yet (GET /api/policy has no positions), so a
 * policy with other positions needs this list changed too until it does. The server still checks every code.
 */
export const POSITIONS: readonly PositionOption[] = [
  { code: "PARTY_SECRETARY", name: { zh: "党委书记", en: "Party secretary" }, scope: "institution", many: false },
  { code: "PRESIDENT", name: { zh: "院长", en: "President" }, scope: "institution", many: false },
  {
    code: "DEPUTY_PARTY_SECRETARY",
    name: { zh: "党委副书记", en: "Deputy Party secretary" },
    scope: "institution",
    many: true,
  },
  {
    code: "DISCIPLINE_SECRETARY",
    name: { zh: "纪委书记", en: "Discipline inspection secretary" },
    scope: "institution",
    many: false,
  },
  { code: "VICE_PRESIDENT", name: { zh: "副院长", en: "Vice-president" }, scope: "institution", many: true },
  { code: "UNIT_HEAD", name: { zh: "单位主要负责人", en: "Head of unit" }, scope: "unit", many: false },
  { code: "DEPUTY_UNIT_HEAD", name: { zh: "单位副职负责人", en: "Deputy head of unit" }, scope: "unit", many: true },
  {
    code: "SECRECY_OFFICE_DIRECTOR",
    name: { zh: "保密办公室主任", en: "Director of the secrecy office" },
    scope: "unit",
    many: false,
  },
  {
    code: "SECRECY_OFFICER",
    name: { zh: "保密办公室专职保密干部", en: "Secrecy officer" },
    scope: "unit",
    many: true,
  },
  { code: "LIAISON", name: { zh: "保密员", en: "Unit secrecy liaison" }, scope: "unit", many: true },
  { code: "STAFF", name: { zh: "工作人员", en: "Staff member" }, scope: "unit", many: true },
];

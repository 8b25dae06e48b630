/**
 * The demo accounts: one per kind of user a newcomer wants to try, each signed in to a person of the demo
 * institution whose positions give the role. They share one published password, need no password change and no
 * second factor, which is exactly why they are for evaluation only.
 */
import { type Localized } from "../../domain/errors.js";

/** Published on purpose: printed by `baomi demo` and in the README. */
export const DEMO_PASSWORD = "baomi-demo-2012";

/** The secrecy office's account: the demo's records are made in its name. */
export const DEMO_OFFICE_USERNAME = "demo.baomiban";

/** Who in the generated institution an account belongs to. */
export type DemoAccountHolder =
  { leader: string } | { unit: string; post: "head" | "liaison" | "secrecyOfficer" | "cleared" };

export interface DemoAccountSpec {
  username: string;
  label: Localized;
  holder: DemoAccountHolder;
}

export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  {
    username: "demo.shuji",
    label: { zh: "党委书记（保密委员会主任）", en: "Party secretary (committee director)" },
    holder: { leader: "partySecretary" },
  },
  {
    username: "demo.yuanzhang",
    label: { zh: "院长（副主任）", en: "President (deputy director)" },
    holder: { leader: "president" },
  },
  {
    username: "demo.fushuji",
    label: { zh: "分管保密工作的副书记", en: "Deputy secretary in charge of secrecy" },
    holder: { leader: "secrecyDeputy" },
  },
  {
    username: "demo.fuyuanzhang",
    label: { zh: "分管保卫工作的副院长（副主任）", en: "Vice-president for security (deputy director)" },
    holder: { leader: "securityVp" },
  },
  {
    username: "demo.zhuren",
    label: { zh: "二级单位负责人", en: "Unit head" },
    holder: { unit: "computerScience", post: "head" },
  },
  {
    username: "demo.daili",
    label: { zh: "代理负责人", en: "Acting unit head" },
    holder: { unit: "foreignLanguages", post: "head" },
  },
  {
    username: "demo.weiyuan",
    label: { zh: "保密委员会委员（教务处处长）", en: "Committee member (academic affairs)" },
    holder: { unit: "academicAffairs", post: "head" },
  },
  {
    username: DEMO_OFFICE_USERNAME,
    label: { zh: "保密办公室专职保密干部", en: "Secrecy office staff" },
    holder: { unit: "secrecyOffice", post: "secrecyOfficer" },
  },
  {
    username: "demo.baomiyuan",
    label: { zh: "单位保密员", en: "Unit secrecy liaison" },
    holder: { unit: "computerScience", post: "liaison" },
  },
  {
    username: "demo.shemi",
    label: { zh: "涉密人员（重要）", en: "Cleared person (important)" },
    holder: { unit: "mechatronics", post: "cleared" },
  },
];

/**
 * The roles of the platform. The three administrators (三员) run the system and hold nothing else; business roles
 * come from the implementing rules (Art. 3–8, 10, 13) and are granted on a unit subtree. Names from GLOSSARY.md.
 */
import { type Localized } from "./errors.js";

/** 三员: system administrator, security administrator, auditor. */
export const ADMIN_ROLES = ["SYS_ADMIN", "SECURITY_ADMIN", "AUDITOR"] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** Responsibility roles a person can be granted on a unit subtree. */
export const BUSINESS_ROLES = [
  "partySecretary",
  "president",
  "secrecyLeader",
  "portfolioLeader",
  "director",
  "deputyDirector",
  "member",
  "secrecyOffice",
  "unitHead",
  "liaison",
  "clearedPerson",
] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];

export type Role = AdminRole | BusinessRole;

/** Chinese and English names of every role, with the article that gives it its duties. */
export const ROLE_NAMES: Record<Role, Localized & { article?: string }> = {
  SYS_ADMIN: { zh: "系统管理员", en: "System administrator" },
  SECURITY_ADMIN: { zh: "安全保密管理员", en: "Security administrator" },
  AUDITOR: { zh: "安全审计员", en: "Auditor" },
  partySecretary: { zh: "党委书记", en: "Party secretary", article: "第三条" },
  president: { zh: "院长", en: "President", article: "第三条" },
  secrecyLeader: { zh: "分管保密工作的院领导", en: "Leader in charge of secrecy work", article: "第四条" },
  portfolioLeader: { zh: "其他院领导（分管领导）", en: "Other leader (portfolio)", article: "第五条" },
  director: { zh: "保密委员会主任", en: "Committee director", article: "第十条" },
  deputyDirector: { zh: "保密委员会副主任", en: "Committee deputy director", article: "第十条" },
  member: { zh: "保密委员会委员", en: "Committee member", article: "第十一条" },
  secrecyOffice: { zh: "保密办公室", en: "Secrecy office", article: "第十三条" },
  unitHead: { zh: "二级单位负责人", en: "Unit head", article: "第六条" },
  liaison: { zh: "单位保密联络员", en: "Unit secrecy liaison" },
  clearedPerson: { zh: "涉密人员", en: "Cleared person", article: "第七条" },
};

export function isAdminRole(role: string): role is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

export function isBusinessRole(role: string): role is BusinessRole {
  return (BUSINESS_ROLES as readonly string[]).includes(role);
}

/** Clearance tiers of cleared persons (保密法 2024 第四十三条): core, important, general. */
export const TIERS = ["CORE", "IMPORTANT", "GENERAL"] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_NAMES: Record<Tier, Localized> = {
  CORE: { zh: "核心", en: "Core" },
  IMPORTANT: { zh: "重要", en: "Important" },
  GENERAL: { zh: "一般", en: "General" },
};

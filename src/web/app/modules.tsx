import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  ContainerOutlined,
  FileSearchOutlined,
  FileProtectOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  NotificationOutlined,
  SafetyOutlined,
  SendOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { Permission } from "../../domain/permissions";

/** A menu entry: its path, the nav.* label key, and its icon. */
export interface ModuleEntry {
  key: ModuleKey;
  path: string;
  icon: ReactNode;
  /** Other paths whose pages belong to the module (单位自查自评 is part of 检查整改). */
  also?: readonly string[];
}

export type ModuleKey =
  | "home"
  | "org"
  | "obligations"
  | "committee"
  | "supervision"
  | "inspections"
  | "selfChecks"
  | "personnel"
  | "classification"
  | "incidents"
  | "reports"
  | "admin";

/** The module menu in the order a secrecy office works through it: people, committee, checks, registers, results. */
export const MODULES: readonly ModuleEntry[] = [
  { key: "home", path: "/", icon: <HomeOutlined /> },
  { key: "org", path: "/org", icon: <ApartmentOutlined /> },
  // 责任落实: what each responsibility asks, when, and whether it was done — right after who bears it.
  { key: "obligations", path: "/obligations", icon: <CarryOutOutlined /> },
  { key: "committee", path: "/committee", icon: <TeamOutlined /> },
  // 督查考核 is a page of the committee's work (第十二条第（二）项): the menu entry leads to it.
  { key: "supervision", path: "/committee/supervision", icon: <AuditOutlined /> },
  { key: "inspections", path: "/inspections", icon: <FileSearchOutlined />, also: ["/self-assessments"] },
  // 个人自查 (第七条第（二）项): every business user's; a cleared person without a grant fills in their own here.
  { key: "selfChecks", path: "/self-checks", icon: <SolutionOutlined /> },
  { key: "personnel", path: "/personnel", icon: <IdcardOutlined /> },
  { key: "classification", path: "/classification", icon: <ContainerOutlined /> },
  { key: "incidents", path: "/incidents", icon: <AlertOutlined /> },
  // 报告请示: the committee's reports and requests upward (第十二条第（四）项).
  { key: "reports", path: "/reports", icon: <SendOutlined /> },
  { key: "admin", path: "/admin", icon: <SettingOutlined /> },
];

/** The business modules: what business users see; the three administrators hold no business role (三员). */
export const BUSINESS_MODULES = MODULES.filter((m) => m.key !== "home" && m.key !== "admin");

export type AdminPageKey = "accounts" | "webhooks" | "grants" | "clearances" | "securitySettings" | "audit";

/** An administrator's page under 系统管理 and the permission that opens it (三员: each sees only its own). */
export interface AdminPageEntry {
  key: AdminPageKey;
  path: string;
  ability: Permission;
  icon: ReactNode;
}

export const ADMIN_PAGES: readonly AdminPageEntry[] = [
  { key: "accounts", path: "/admin/accounts", ability: "account.manage", icon: <UserOutlined /> },
  // Where reminders leave the platform: an outside connection, so the system administrator's configuration.
  { key: "webhooks", path: "/admin/webhooks", ability: "config.manage", icon: <NotificationOutlined /> },
  { key: "grants", path: "/admin/grants", ability: "grant.manage", icon: <KeyOutlined /> },
  { key: "clearances", path: "/admin/clearances", ability: "clearance.manage", icon: <IdcardOutlined /> },
  {
    key: "securitySettings",
    path: "/admin/security-settings",
    ability: "securitySettings.manage",
    icon: <SafetyOutlined />,
  },
  { key: "audit", path: "/admin/audit", ability: "audit.read", icon: <FileProtectOutlined /> },
];

/**
 * The module whose path owns the current location ("/org/units/1" belongs to "/org"); the longest path wins, so
 * "/committee/supervision" belongs to 督查考核 rather than to 委员会工作.
 */
export function moduleForPath(pathname: string): ModuleEntry | undefined {
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return MODULES.filter((m) =>
    m.path === "/" ? pathname === "/" : under(m.path) || (m.also ?? []).some(under),
  ).reduce<ModuleEntry | undefined>((best, m) => (best && best.path.length >= m.path.length ? best : m), undefined);
}

/** The administrator page that owns the current location, if any. */
export function adminPageForPath(pathname: string): AdminPageEntry | undefined {
  return ADMIN_PAGES.find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`));
}

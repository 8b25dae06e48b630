import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  ContainerOutlined,
  FileSearchOutlined,
  HomeOutlined,
  IdcardOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";

/** A menu entry: its path, the nav.* label key, and its icon. */
export interface ModuleEntry {
  key: ModuleKey;
  path: string;
  icon: ReactNode;
}

export type ModuleKey =
  | "home"
  | "org"
  | "committee"
  | "supervision"
  | "inspections"
  | "personnel"
  | "classification"
  | "incidents"
  | "reports"
  | "admin";

/** The module menu in the order a secrecy office works through it: people, committee, checks, registers, results. */
export const MODULES: readonly ModuleEntry[] = [
  { key: "home", path: "/", icon: <HomeOutlined /> },
  { key: "org", path: "/org", icon: <ApartmentOutlined /> },
  { key: "committee", path: "/committee", icon: <TeamOutlined /> },
  { key: "supervision", path: "/supervision", icon: <AuditOutlined /> },
  { key: "inspections", path: "/inspections", icon: <FileSearchOutlined /> },
  { key: "personnel", path: "/personnel", icon: <IdcardOutlined /> },
  { key: "classification", path: "/classification", icon: <ContainerOutlined /> },
  { key: "incidents", path: "/incidents", icon: <AlertOutlined /> },
  { key: "reports", path: "/reports", icon: <BarChartOutlined /> },
  { key: "admin", path: "/admin", icon: <SettingOutlined /> },
];

/** The module whose path owns the current location ("/org/units/1" belongs to "/org"). */
export function moduleForPath(pathname: string): ModuleEntry | undefined {
  return MODULES.find((m) =>
    m.path === "/" ? pathname === "/" : pathname === m.path || pathname.startsWith(`${m.path}/`),
  );
}

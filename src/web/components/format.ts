import type { Localized } from "../../domain/errors";
import { ROLE_NAMES, TIER_NAMES, type Role, type Tier } from "../../domain/roles";

/** Displays an ISO instant in Asia/Shanghai, the platform's one display zone, whatever the browser's zone. */
export function formatInstant(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    timeZone: "Asia/Shanghai",
    dateStyle: "medium",
    timeStyle: "medium",
  }).format(date);
}

const BEIJING_PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/**
 * An instant as Beijing time with its offset, `2025-03-01 14:05:09 +08:00`: the unambiguous form an audit record needs
 * (China has kept UTC+8 all year since 1991, so the offset is constant).
 */
export function formatBeijing(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    BEIJING_PARTS.formatToParts(date).find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")} +08:00`;
}

/** Today's date in Beijing, YYYY-MM-DD (the institution's calendar, not the browser's). */
export function todayInBeijing(): string {
  return formatBeijing(new Date().toISOString()).slice(0, 10);
}

/** The text of a bilingual value in the interface language. */
export function localized(value: Localized, language: string): string {
  return language === "en-US" ? value.en : value.zh;
}

/** A role's name in the interface language (三员 and business roles alike). */
export function roleName(role: Role, language: string): string {
  return localized(ROLE_NAMES[role], language);
}

/** A clearance tier's name in the interface language. */
export function tierName(tier: Tier, language: string): string {
  return localized(TIER_NAMES[tier], language);
}

import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { enUS } from "./en-US";
import type { Messages } from "./messages";
import { zhCN } from "./zh-CN";

/** The interface languages, Chinese first; the first is the default. */
export const LANGUAGES = ["zh-CN", "en-US"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "baomi.language";

declare module "i18next" {
  // Typed keys: t("nav.hom") is a compile error rather than a blank label at run time.
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The stored choice, else zh-CN: the platform is Chinese first whatever the browser prefers. */
function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : "zh-CN";
  } catch {
    // Storage can be disabled by policy; the default still works.
    return "zh-CN";
  }
}

/** The current interface language, narrowed to the ones we ship. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : "zh-CN";
}

/** Switches the interface language and remembers it for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch itself still applies.
  }
  await i18n.changeLanguage(language);
}

// <html lang> drives screen readers, hyphenation and the browser's CJK font choice, so it follows the language.
// Dates in pickers and calendars (weekday and month names, the first day of the week) follow it too.
i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
  dayjs.locale(language === "en-US" ? "en" : "zh-cn");
});

// Resources are bundled, so init finishes synchronously and the first render is already translated.
void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, "en-US": { translation: enUS } },
  lng: initialLanguage(),
  fallbackLng: "zh-CN",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already.
  returnNull: false,
});

export default i18n;

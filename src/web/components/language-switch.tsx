import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { changeLanguage, currentLanguage, type Language } from "../i18n";

/** 中文 / English toggle; each option is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  // useTranslation re-renders this on every language change, so currentLanguage() is always fresh.
  const { t } = useTranslation();
  const value = currentLanguage();
  return (
    <Segmented<Language>
      aria-label={t("header.language")}
      value={value}
      onChange={(language) => void changeLanguage(language)}
      options={[
        { value: "zh-CN", label: <span lang="zh-CN">{t("language.zhCN")}</span> },
        { value: "en-US", label: <span lang="en-US">{t("language.enUS")}</span> },
      ]}
    />
  );
}

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/page-header";

/** Title, purpose and the article of 调研课题 (第十二条第（三）项). */
export function ResearchPageHeader({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={t("research.title")}
      intro={t("research.intro")}
      basis={t("research.basis", { rules: t("placeholder.rules"), citation: t("research.citation") })}
      extra={extra}
    />
  );
}

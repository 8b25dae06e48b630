import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header";

/** Title, purpose and the articles of 报告请示. */
export function ReportsPageHeader({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={t("reports.title")}
      intro={t("reports.intro")}
      basis={t("reports.basis", { rules: t("placeholder.rules"), citation: t("reports.citation") })}
      extra={extra}
    />
  );
}

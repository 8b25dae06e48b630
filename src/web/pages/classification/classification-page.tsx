import { useTranslation } from "react-i18next";
import { ModulePlaceholder } from "../../components/module-placeholder";
import { usePageTitle } from "../../components/page-title";

/** 定密与载体 (Article 11(4)): not built yet; the placeholder says what it will hold and which article it serves. */
export function ClassificationPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.classification"));
  return <ModulePlaceholder module="classification" />;
}

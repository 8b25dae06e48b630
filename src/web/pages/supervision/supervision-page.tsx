import { useTranslation } from "react-i18next";
import { ModulePlaceholder } from "../../components/module-placeholder";
import { usePageTitle } from "../../components/page-title";

/** 督查考核 (Article 12(2)): not built yet; the placeholder says what it will hold and which article it serves. */
export function SupervisionPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.supervision"));
  return <ModulePlaceholder module="supervision" />;
}

import { useTranslation } from "react-i18next";
import { ModulePlaceholder } from "../../components/module-placeholder";
import { usePageTitle } from "../../components/page-title";

/** 检查整改 (Articles 11(4), 13(6)): not built yet; the placeholder says what it will hold and which article it serves. */
export function InspectionsPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.inspections"));
  return <ModulePlaceholder module="inspections" />;
}

import { useTranslation } from "react-i18next";
import { ModulePlaceholder } from "../../components/module-placeholder";
import { usePageTitle } from "../../components/page-title";

/** 涉密人员 (Article 7): not built yet; the placeholder says what it will hold and which article it serves. */
export function PersonnelPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.personnel"));
  return <ModulePlaceholder module="personnel" />;
}

import { useTranslation } from "react-i18next";
import { ModulePlaceholder } from "../../components/module-placeholder";
import { usePageTitle } from "../../components/page-title";

/** 组织与职责 (Articles 3–8): not built yet; the placeholder says what it will hold and which article it serves. */
export function OrgPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.org"));
  return <ModulePlaceholder module="org" />;
}

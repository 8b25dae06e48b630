import { useTranslation } from "react-i18next";
import { ModulePlaceholder } from "../../components/module-placeholder";
import { usePageTitle } from "../../components/page-title";

/** 系统管理 (the three administrators): not built yet; the placeholder says what it will hold and which article it serves. */
export function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.admin"));
  return <ModulePlaceholder module="admin" />;
}

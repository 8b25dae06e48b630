import { useTranslation } from "react-i18next";
import { ModulePlaceholder } from "../../components/module-placeholder";
import { usePageTitle } from "../../components/page-title";

/** 统计报表: not built yet; the placeholder says what it will hold and which article it serves. */
export function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.reports"));
  return <ModulePlaceholder module="reports" />;
}

import { useTranslation } from "react-i18next";
import { ModulePlaceholder } from "../../components/module-placeholder";
import { usePageTitle } from "../../components/page-title";

/** 事件与问责 (Articles 9(4), 15): not built yet; the placeholder says what it will hold and which article it serves. */
export function IncidentsPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.incidents"));
  return <ModulePlaceholder module="incidents" />;
}

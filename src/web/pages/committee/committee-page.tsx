import { useTranslation } from "react-i18next";
import { ModulePlaceholder } from "../../components/module-placeholder";
import { usePageTitle } from "../../components/page-title";

/** 委员会工作 (Article 12): not built yet; the placeholder says what it will hold and which article it serves. */
export function CommitteePage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.committee"));
  return <ModulePlaceholder module="committee" />;
}

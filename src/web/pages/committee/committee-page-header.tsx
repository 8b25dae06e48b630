import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header";
import type { CommitteePageKey } from "./committee-nav";

/** The pages whose texts live under `committee.*` (later pages, such as 调研课题, keep their own section and header). */
type CommitteeTextPage = Extract<CommitteePageKey, "meetings" | "tasks" | "supervision">;

/** Title, purpose and the articles a page of 委员会工作 serves. */
export function CommitteePageHeader({ page, extra }: { page: CommitteeTextPage; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={t(`committee.${page}.title`)}
      intro={t(`committee.${page}.intro`)}
      basis={t("committee.basis", { rules: t("placeholder.rules"), citation: t(`committee.${page}.basis`) })}
      extra={extra}
    />
  );
}

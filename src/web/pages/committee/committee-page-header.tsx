import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/page-title";
import type { CommitteePageKey } from "./committee-nav";

/** Title, purpose and the articles a page of 委员会工作 serves. */
export function CommitteePageHeader({ page, extra }: { page: CommitteePageKey; extra?: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(t(`committee.nav.${page}`));
  return (
    <div className="page-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div className="page-header-text">
          <Typography.Title level={3} className="page-title">
            {t(`committee.${page}.title`)}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="page-intro">
            {t(`committee.${page}.intro`)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" className="page-basis">
            {t("committee.basis", { rules: t("placeholder.rules"), citation: t(`committee.${page}.basis`) })}
          </Typography.Paragraph>
        </div>
        {extra}
      </Flex>
    </div>
  );
}

import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/page-title";
import type { OrgPageKey } from "./org-nav";

/** Title, purpose and the articles of the implementing rules a page of 组织与职责 serves. */
export function OrgPageHeader({ page, extra }: { page: OrgPageKey; extra?: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(t(`org.nav.${page}`));
  return (
    <div className="page-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div className="page-header-text">
          <Typography.Title level={3} className="page-title">
            {t(`org.nav.${page}`)}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="page-intro">
            {t(`org.${page}.intro`)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" className="page-basis">
            {t("org.basis", { rules: t("placeholder.rules"), citation: t(`org.${page}.basis`) })}
          </Typography.Paragraph>
        </div>
        {extra}
      </Flex>
    </div>
  );
}

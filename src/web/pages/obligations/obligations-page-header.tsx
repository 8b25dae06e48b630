import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/page-title";
import type { ObligationPageKey } from "./obligations-nav";

/** Title, purpose and the articles a page of 责任落实 serves. */
export function ObligationsPageHeader({ page, extra }: { page: ObligationPageKey; extra?: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(t(`obligations.nav.${page}`));
  return (
    <div className="page-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div className="page-header-text">
          <Typography.Title level={3} className="page-title">
            {t(`obligations.nav.${page}`)}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="page-intro">
            {t(`obligations.${page}.intro`)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" className="page-basis">
            {t("obligations.basis", { rules: t("placeholder.rules"), citation: t(`obligations.${page}.basis`) })}
          </Typography.Paragraph>
        </div>
        {extra}
      </Flex>
    </div>
  );
}

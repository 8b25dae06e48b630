import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/page-title";

/** Title, purpose and the articles of 报告请示. */
export function ReportsPageHeader({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(t("reports.title"));
  return (
    <div className="page-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div className="page-header-text">
          <Typography.Title level={3} className="page-title">
            {t("reports.title")}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="page-intro">
            {t("reports.intro")}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" className="page-basis">
            {t("reports.basis", { rules: t("placeholder.rules"), citation: t("reports.citation") })}
          </Typography.Paragraph>
        </div>
        {extra}
      </Flex>
    </div>
  );
}

import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../../components/page-title";

/** Title, purpose and the articles of 来文学习 or 规章制度, with the page's actions on the right. */
export function SectionHeader({ section, extra }: { section: "documentStudies" | "regulations"; extra?: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(t(`${section}.title`));
  return (
    <div className="page-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div className="page-header-text">
          <Typography.Title level={3} className="page-title">
            {t(`${section}.title`)}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="page-intro">
            {t(`${section}.intro`)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" className="page-basis">
            {t(`${section}.basis`, { rules: t("placeholder.rules"), citation: t(`${section}.citation`) })}
          </Typography.Paragraph>
        </div>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
    </div>
  );
}

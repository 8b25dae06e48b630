import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AdminPageKey } from "../../app/modules";

/** Title, what the page is for, and the rule it comes from, for each administrator page. */
export function AdminPageHeader({ page, extra }: { page: AdminPageKey; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div className="page-header-text">
          <Typography.Title level={3} className="page-title">
            {t(`nav.adminPages.${page}`)}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="page-intro">
            {t(`adminPages.${page}.intro`)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" className="page-basis">
            {t("adminPages.basis", { basis: t(`adminPages.${page}.basis`) })}
          </Typography.Paragraph>
        </div>
        {extra}
      </Flex>
    </div>
  );
}

import { Flex } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/page-header";

/** Title, purpose and the articles of 来文学习 or 规章制度, with the page's actions on the right. */
export function SectionHeader({ section, extra }: { section: "documentStudies" | "regulations"; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={t(`${section}.title`)}
      intro={t(`${section}.intro`)}
      basis={t(`${section}.basis`, { rules: t("placeholder.rules"), citation: t(`${section}.citation`) })}
      extra={
        extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )
      }
    />
  );
}

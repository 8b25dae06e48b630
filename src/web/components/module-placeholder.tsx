import { Card, Empty, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ModuleKey } from "../app/modules";

type PlannedModule = Exclude<ModuleKey, "home" | "selfChecks">;

/** The honest state of a module that is not built yet: what it will hold and which article it serves. */
export function ModulePlaceholder({ module }: { module: PlannedModule }) {
  const { t } = useTranslation();
  const citation = t(`modules.${module}.citation`);
  return (
    <Card title={t(`nav.${module}`)}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <div className="module-placeholder">
            <Typography.Title level={5}>{t("placeholder.title")}</Typography.Title>
            <Typography.Paragraph>{t(`modules.${module}.description`)}</Typography.Paragraph>
            {citation !== "" && (
              <Typography.Paragraph type="secondary">
                {t("placeholder.basis", { rules: t("placeholder.rules"), citation })}
              </Typography.Paragraph>
            )}
          </div>
        }
      />
    </Card>
  );
}

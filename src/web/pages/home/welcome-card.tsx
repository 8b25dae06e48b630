import { Alert, Card, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** What the platform is for, and the one rule every user must know before typing anything. */
export function WelcomeCard() {
  const { t } = useTranslation();
  return (
    <Card title={t("home.welcomeTitle")}>
      <Typography.Paragraph>{t("home.welcomeBody")}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t("home.welcomeNotice")} className="welcome-notice" />
      <Typography.Paragraph type="secondary">{t("home.welcomeHint")}</Typography.Paragraph>
    </Card>
  );
}

import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { usePageTitle } from "../../components/page-title";

/** Shown for any client route the router does not know, with a way back to the dashboard. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t("notFound.title"));
  return (
    <Result
      status="404"
      title={t("notFound.title")}
      subTitle={t("notFound.subtitle")}
      extra={
        <Button type="primary" onClick={() => void navigate("/")}>
          {t("notFound.backHome")}
        </Button>
      }
    />
  );
}

import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { allowed, type Requirement, useCurrentUser } from "../../app/access";
import { ADMIN_PAGES } from "../../app/modules";
import { usePageTitle } from "../../components/page-title";

/** Shown in place of a page the signed-in account may not use; says why, with a way back. */
export function ForbiddenPage({ need }: { need: Requirement }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t("forbidden.title"));
  const me = useCurrentUser();
  const adminPage = need === "administrator" || ADMIN_PAGES.some((p) => p.ability === need);
  const why =
    !adminPage && me.account.adminRole
      ? t("forbidden.adminNoBusiness")
      : adminPage
        ? t("forbidden.adminOnly")
        : t("forbidden.subtitle");
  return (
    <Result
      status="403"
      title={t("forbidden.title")}
      subTitle={why}
      extra={
        <Button type="primary" onClick={() => void navigate("/")}>
          {t("notFound.backHome")}
        </Button>
      }
    />
  );
}

/** Renders the page when the signed-in account meets the requirement, the 403 page otherwise. */
export function Allowed({ need, children }: { need: Requirement; children: ReactNode }) {
  const me = useCurrentUser();
  return allowed(me, need) ? children : <ForbiddenPage need={need} />;
}

import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { allowed, useCurrentUser } from "../../app/access";
import { ORG_PAGES } from "./org-nav";

/** 组织与职责 (Articles 1, 3–8): the module's sub-navigation, limited to what the account may open. */
export function OrgLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const pages = ORG_PAGES.filter((p) => allowed(me, p.need));
  const active = ORG_PAGES.find((p) => location.pathname.startsWith(p.path))?.key;
  return (
    <div className="page">
      <Tabs
        className="org-tabs"
        activeKey={active}
        onChange={(key) => {
          const target = ORG_PAGES.find((p) => p.key === key);
          if (target) void navigate(target.path);
        }}
        items={pages.map((p) => ({ key: p.key, label: t(`org.nav.${p.key}`) }))}
      />
      {/* The nested pages read the signed-in user the same way the shell's pages do. */}
      <Outlet context={me} />
    </div>
  );
}

import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate, useSearchParams } from "react-router";
import { allowed, useCurrentUser } from "../../app/access";
import { OBLIGATION_PAGES, obligationPageFor } from "./obligations-nav";

/** 责任落实: the module's sub-navigation, limited to what the account may open. */
export function ObligationsLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const pages = OBLIGATION_PAGES.filter((p) => allowed(me, p.need));
  const active = obligationPageFor(location.pathname, search);
  return (
    <div className="page">
      <Tabs
        className="org-tabs"
        activeKey={active ?? ""}
        onChange={(key) => {
          const target = OBLIGATION_PAGES.find((p) => p.key === key);
          if (target) void navigate(target.path);
        }}
        items={pages.map((p) => ({ key: p.key, label: t(`obligations.nav.${p.key}`) }))}
      />
      {/* The nested pages read the signed-in user the same way the shell's pages do. */}
      <Outlet context={me} />
    </div>
  );
}

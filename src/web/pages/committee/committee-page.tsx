import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { allowed, useCurrentUser } from "../../app/access";
import { COMMITTEE_PAGES, committeePageFor } from "./committee-nav";
import "./committee.css";

/**
 * 委员会工作 (第十二条第（一）项 例会制度; 第九条第（三）项 全院保密工作会议): the module's sub-navigation — the
 * committee's meetings and the tracked tasks (督办) their decisions became — limited to what the account may open.
 */
export function CommitteePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const pages = COMMITTEE_PAGES.filter((p) => allowed(me, p.need));
  return (
    <div className="page">
      <Tabs
        className="org-tabs"
        activeKey={committeePageFor(location.pathname)}
        onChange={(key) => {
          const target = COMMITTEE_PAGES.find((p) => p.key === key);
          if (target) void navigate(target.path);
        }}
        items={pages.map((p) => ({ key: p.key, label: t(`committee.nav.${p.key}`) }))}
      />
      {/* The nested pages read the signed-in user the same way the shell's pages do. */}
      <Outlet context={me} />
    </div>
  );
}

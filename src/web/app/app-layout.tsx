import {
  DownOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Avatar, Button, Drawer, Dropdown, Layout, Menu, Result, Space, Spin, Typography } from "antd";
import type { ItemType } from "antd/es/menu/interface";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { forgetSession, type Me, useLogout, useMe, useSessionProbe } from "../api/auth";
import { errorMessage } from "../api/error-message";
import { roleName } from "../components/format";
import { LanguageSwitch } from "../components/language-switch";
import { InboxBell } from "../pages/inbox/inbox-bell";
import { allowed } from "./access";
import { ADMIN_PAGES, adminPageForPath, BUSINESS_MODULES, moduleForPath } from "./modules";
import { afterStep, nextQuery } from "./sign-in-steps";
import { usePhone } from "./use-phone";

/**
 * The frame around every signed-in screen. It first asks the server whether this browser is signed in
 * (GET /api/auth/session): if not, to /login (remembering where the user was going); if a sign-in step is pending,
 * to that step; otherwise it loads the account (GET /api/me) and draws the menu the account's abilities allow.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const probe = useSessionProbe();
  // Signing out on purpose goes to a plain /login, not "sign in again to come back here".
  const [leaving, setLeaving] = useState(false);
  const signedIn = probe.data?.authenticated === true && probe.data.pending.length === 0;
  const me = useMe(signedIn);
  const here = `${location.pathname}${location.search}`;

  if (probe.isPending || (signedIn && me.isPending)) {
    return (
      <div className="full-page-center">
        <Spin size="large" />
      </div>
    );
  }
  const failure = probe.error ?? me.error;
  if (failure) {
    return (
      <div className="full-page-center">
        <Result
          status="error"
          title={t("shell.loadFailed")}
          subTitle={errorMessage(failure, t)}
          extra={
            <Button type="primary" onClick={() => window.location.reload()}>
              {t("common.retry")}
            </Button>
          }
        />
      </div>
    );
  }
  if (!probe.data?.authenticated) return <Navigate to={leaving ? "/login" : `/login${nextQuery(here)}`} replace />;
  if (probe.data.pending.length > 0) return <Navigate to={afterStep(probe.data.pending, here)} replace />;
  if (!me.data) return null;
  if (me.data.pending.length > 0) return <Navigate to={afterStep(me.data.pending, here)} replace />;
  return <Shell me={me.data} onLeaving={() => setLeaving(true)} />;
}

function Shell({ me, onLeaving }: { me: Me; onLeaving: () => void }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  // A phone has no room for even the collapsed sider: the same menu opens in a drawer from the header instead.
  const phone = usePhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const adminPages = ADMIN_PAGES.filter((p) => allowed(me, p.ability));
  const activeAdmin = adminPageForPath(location.pathname);
  const active = activeAdmin?.key ?? moduleForPath(location.pathname)?.key;

  const items: ItemType[] = [{ key: "home", icon: <HomeOutlined />, label: t("nav.home") }];
  if (allowed(me, "business")) {
    items.push(...BUSINESS_MODULES.map((m) => ({ key: m.key, icon: m.icon, label: t(`nav.${m.key}`) })));
  }
  if (allowed(me, "administrator") && adminPages.length > 0) {
    items.push({
      key: "admin",
      icon: <SettingOutlined />,
      label: t("nav.admin"),
      children: adminPages.map((p) => ({ key: p.key, icon: p.icon, label: t(`nav.adminPages.${p.key}`) })),
    });
  }

  const go = (key: string) => {
    if (key === "home") return void navigate("/");
    const target = BUSINESS_MODULES.find((m) => m.key === key) ?? ADMIN_PAGES.find((p) => p.key === key);
    if (target) void navigate(target.path);
  };

  // English labels run about half again as long as the Chinese ones; widen rather than truncate them.
  const menuWidth = i18n.language === "en-US" ? 264 : 220;
  const brand = (withText: boolean) => (
    <div className="app-brand" title={t("app.name")}>
      <SafetyCertificateOutlined className="app-brand-icon" aria-hidden />
      {withText && <span className="app-brand-text">{t("app.shortName")}</span>}
    </div>
  );
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={active ? [active] : []}
      defaultOpenKeys={activeAdmin || location.pathname === "/admin" ? ["admin"] : []}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        go(key);
      }}
    />
  );

  return (
    <Layout className="app-shell">
      {!phone && (
        <Layout.Sider
          width={menuWidth}
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className="app-sider"
        >
          {brand(!collapsed)}
          {menu}
        </Layout.Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          size={menuWidth}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={brand(true)}
          className="app-drawer"
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {phone && (
            <Button
              type="text"
              size="large"
              icon={<MenuOutlined />}
              aria-label={t("shell.openMenu")}
              aria-expanded={drawerOpen}
              className="app-menu-button"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Typography.Title level={4} className="app-title">
            {t("app.name")}
          </Typography.Title>
          <Space size="middle" className="app-tools">
            <LanguageSwitch />
            <InboxBell />
            <UserMenu me={me} onLeaving={onLeaving} />
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet context={me} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** The signed-in user's name and role, with their own security settings and sign-out. */
function UserMenu({ me, onLeaving }: { me: Me; onLeaving: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const logout = useLogout();
  const role = describeRole(me, i18n.language, t("user.noRole"));

  const signOut = () => {
    onLeaving();
    logout.mutate(undefined, { onSettled: () => forgetSession(client) });
  };

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "security", icon: <SafetyCertificateOutlined />, label: t("user.mySecurity") },
          { type: "divider" },
          { key: "logout", icon: <LogoutOutlined />, label: t("user.logout"), danger: true },
        ],
        onClick: ({ key }) => (key === "logout" ? signOut() : void navigate("/me/security")),
      }}
    >
      <Button type="text" className="user-menu" data-testid="user-menu" loading={logout.isPending}>
        <Avatar size="small" icon={<UserOutlined />} className="user-avatar" />
        <span className="user-name">{me.account.displayName}</span>
        {role !== me.account.displayName && <span className="user-role">{role}</span>}
        <DownOutlined className="user-caret" />
      </Button>
    </Dropdown>
  );
}

/** The role to show next to the name: the administrator role, else the distinct business roles held now. */
function describeRole(me: Me, language: string, none: string): string {
  if (me.account.adminRole) return roleName(me.account.adminRole, language);
  const roles = [...new Set(me.roles.map((r) => r.role))];
  if (roles.length === 0) return none;
  const separator = language === "en-US" ? ", " : "、";
  return roles.map((r) => roleName(r, language)).join(separator);
}

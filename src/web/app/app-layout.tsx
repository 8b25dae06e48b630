import { LoginOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Layout, Menu, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { LanguageSwitch } from "../components/language-switch";
import { MODULES, moduleForPath } from "./modules";

/** The frame around every signed-in screen: module menu on the left, product name and tools on top. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const active = moduleForPath(location.pathname);

  return (
    <Layout className="app-shell">
      <Layout.Sider
        // English labels run about half again as long as the Chinese ones; widen rather than truncate them.
        width={i18n.language === "en-US" ? 264 : 220}
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        className="app-sider"
      >
        <div className="app-brand" title={t("app.name")}>
          <SafetyCertificateOutlined className="app-brand-icon" />
          {!collapsed && <span className="app-brand-text">{t("app.shortName")}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={active ? [active.key] : []}
          items={MODULES.map((m) => ({ key: m.key, icon: m.icon, label: t(`nav.${m.key}`) }))}
          onClick={({ key }) => {
            const target = MODULES.find((m) => m.key === key);
            if (target) void navigate(target.path);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Title level={4} className="app-title">
            {t("app.name")}
          </Typography.Title>
          <Space size="middle">
            <LanguageSwitch />
            <Link to="/login" className="app-login-link">
              <LoginOutlined /> {t("header.login")}
            </Link>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

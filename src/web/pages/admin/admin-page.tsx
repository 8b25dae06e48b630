import { Card, Col, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { allowed, useCurrentUser } from "../../app/access";
import { ADMIN_PAGES } from "../../app/modules";
import { roleName } from "../../components/format";
import { usePageTitle } from "../../components/page-title";

/** 系统管理: the 三员 principle, and the pages this administrator may open (only their own). */
export function AdminPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("nav.admin"));
  const me = useCurrentUser();
  const pages = ADMIN_PAGES.filter((p) => allowed(me, p.ability));
  return (
    <div className="page">
      <Typography.Title level={3} className="page-title">
        {t("nav.admin")}
      </Typography.Title>
      <Card className="stack-card">
        <Typography.Paragraph>{t("modules.admin.description")}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t("adminPages.threeAdminsBasis")}</Typography.Paragraph>
        {me.account.adminRole && (
          <Typography.Paragraph strong>
            {t("adminPages.youAre", { role: roleName(me.account.adminRole, i18n.language) })}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        {pages.map((p) => (
          <Col key={p.key} xs={24} md={12} xl={8}>
            <Link to={p.path}>
              <Card
                hoverable
                title={
                  <span>
                    {p.icon} {t(`nav.adminPages.${p.key}`)}
                  </span>
                }
              >
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>
                  {t(`adminPages.${p.key}.intro`)}
                </Typography.Paragraph>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}

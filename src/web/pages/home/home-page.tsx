import { Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/page-title";
import { SystemStatusCard } from "./system-status-card";
import { WelcomeCard } from "./welcome-card";

/** 工作台: the landing screen. Obligations due and overdue will join it as the modules arrive. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.home"));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <WelcomeCard />
      </Col>
      <Col xs={24} xl={9}>
        <SystemStatusCard />
      </Col>
    </Row>
  );
}

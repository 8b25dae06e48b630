import { CheckCircleOutlined, StopOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Col, Flex, Row, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type ObligationView, useObligation } from "../../api/obligations";
import { DetailPage } from "../../components/detail-page";
import { usePageTitle } from "../../components/page-title";
import { EvidenceCard } from "./evidence-card";
import { ObligationFacts } from "./obligation-facts";
import { ResponsibleCard } from "./responsible-card";
import { StatusTag } from "./status";
import { SubmitEvidenceModal } from "./submit-evidence-modal";
import { WaiveModal } from "./waive-modal";

/**
 * One obligation: what the rules ask (duty, citation and the article's words), when, how it is discharged, who answers
 * for it and to whom it escalates, the evidence submitted and decided, and the actions the server says this user may
 * take (提交落实材料, 审核, 豁免).
 */
export function ObligationDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const obligation = useObligation(id);
  usePageTitle(obligation.data?.duty ?? t("obligations.detail.title"));

  return (
    <DetailPage
      query={obligation}
      notFound={t("obligations.detail.notFound")}
      notFoundHint={t("obligations.detail.notFoundHint")}
      back={{ to: -1, label: t("obligations.detail.back") }}
    >
      {(data) => <ObligationDetail obligation={data} />}
    </DetailPage>
  );
}

type Dialog = "evidence" | "waive" | null;

function ObligationDetail({ obligation: o }: { obligation: ObligationView }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const pending = o.evidence.some((e) => e.decision === "pending");
  return (
    <div data-testid="obligation-detail">
      <div className="page-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div className="page-header-text">
            <Space size={8} wrap className="detail-crumbs">
              <Link to="/obligations">{t("obligations.nav.list")}</Link>
              <Typography.Text type="secondary">/</Typography.Text>
              <Tag color="geekblue">{o.citation}</Tag>
            </Space>
            <Typography.Title level={3} className="page-title">
              {o.duty}
            </Typography.Title>
            <Space size={8} wrap>
              <StatusTag status={o.status} name={o.statusName} />
              <Typography.Text type="secondary">
                {t("obligations.detail.headline", { bearer: o.bearer, unit: o.unit.name, period: o.period })}
              </Typography.Text>
            </Space>
          </div>
          <Space wrap>
            {o.abilities.submitEvidence && (
              <Button type="primary" icon={<UploadOutlined />} onClick={() => setDialog("evidence")}>
                {t("obligations.evidence.submit")}
              </Button>
            )}
            {o.abilities.waive && (
              <Button icon={<StopOutlined />} onClick={() => setDialog("waive")}>
                {t("obligations.waive.open")}
              </Button>
            )}
          </Space>
        </Flex>
      </div>
      {o.abilities.decide && pending && (
        <Alert
          className="list-error"
          type="warning"
          showIcon
          icon={<CheckCircleOutlined />}
          title={t("obligations.decide.waiting")}
        />
      )}
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={15}>
          <ObligationFacts obligation={o} />
        </Col>
        <Col xs={24} xl={9}>
          <ResponsibleCard obligation={o} />
        </Col>
      </Row>
      <EvidenceCard obligation={o} />
      {dialog === "evidence" && <SubmitEvidenceModal obligation={o} onClose={() => setDialog(null)} />}
      {dialog === "waive" && <WaiveModal obligation={o} onClose={() => setDialog(null)} />}
    </div>
  );
}

import { CheckOutlined, FormOutlined } from "@ant-design/icons";
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type DocumentSession, type DocumentUnit, type DocumentView, useDocument } from "../../../api/document-studies";
import { DetailPage } from "../../../components/detail-page";
import { usePageTitle } from "../../../components/page-title";
import { CloseDocumentModal } from "./close-document-modal";
import { DischargesCard } from "../../obligations/discharges-card";
import { DocumentStatusTag } from "./document-list-page";
import { useDocumentNames } from "./names";
import { RecordSessionModal } from "./record-session-modal";
import "./office-work.css";

/**
 * One received document: what it is and what it asks, the institution-level briefing, which required units have
 * studied it (with attendance), every session recorded, and the obligations it raised or its sessions discharged.
 */
export function DocumentDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const document = useDocument(id);
  usePageTitle(document.data?.title ?? t("documentStudies.title"));
  return (
    <DetailPage
      query={document}
      notFound={t("documentStudies.detail.notFound")}
      notFoundHint={t("documentStudies.detail.notFoundHint")}
      back={{ to: "/committee/documents", label: t("documentStudies.detail.back") }}
    >
      {(data) => <DocumentDetail document={data} />}
    </DetailPage>
  );
}

function DocumentDetail({ document: d }: { document: DocumentView }) {
  const { t } = useTranslation();
  const names = useDocumentNames();
  const [recording, setRecording] = useState(false);
  const [closing, setClosing] = useState(false);
  return (
    <div data-testid="document-detail">
      <div className="page-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div className="page-header-text">
            <Space size={8} wrap className="detail-crumbs">
              <Link to="/committee/documents">{t("committee.nav.documents")}</Link>
            </Space>
            <Typography.Title level={3} className="page-title">
              {d.title}
            </Typography.Title>
            <Space size={8} wrap>
              <DocumentStatusTag status={d.status} overdue={d.overdue} />
              <Typography.Text type="secondary">
                {d.issuer} · {d.documentNo}
              </Typography.Text>
            </Space>
          </div>
          <Space wrap>
            {d.abilities.record && (
              <Button type="primary" icon={<FormOutlined />} onClick={() => setRecording(true)}>
                {t("documentStudies.record.open")}
              </Button>
            )}
            {d.abilities.close && (
              <Button icon={<CheckOutlined />} onClick={() => setClosing(true)}>
                {t("documentStudies.close.open")}
              </Button>
            )}
          </Space>
        </Flex>
      </div>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={10}>
          <Card className="stack-card" data-testid="document-facts">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("documentStudies.fields.issuer")}>{d.issuer}</Descriptions.Item>
              <Descriptions.Item label={t("documentStudies.fields.documentNo")}>{d.documentNo}</Descriptions.Item>
              <Descriptions.Item label={t("documentStudies.fields.receivedOn")}>{d.receivedOn}</Descriptions.Item>
              <Descriptions.Item label={t("documentStudies.fields.audience")}>
                {names.audience(d.audience)}
              </Descriptions.Item>
              {d.requirement && (
                <Descriptions.Item label={t("documentStudies.fields.requirement")}>{d.requirement}</Descriptions.Item>
              )}
              {d.summary && (
                <Descriptions.Item label={t("documentStudies.fields.summary")}>
                  <span className="pre-wrap">{d.summary}</span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t("documentStudies.fields.dueOn")}>
                <Typography.Text type={d.overdue ? "danger" : undefined}>{d.dueOn}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t("documentStudies.fields.briefing")}>
                <span data-testid="document-briefing">
                  {d.institutionBriefing
                    ? t("documentStudies.detail.briefingHeld", {
                        date: d.institutionBriefing.heldOn,
                        name: d.institutionBriefing.presidedBy.name,
                      })
                    : t("documentStudies.detail.briefingPending")}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t("documentStudies.fields.basis")}>
                {d.citations.map((c) => c.citation).join("、")}
              </Descriptions.Item>
              {d.closeNote && (
                <Descriptions.Item label={t("documentStudies.fields.closeNote")}>{d.closeNote}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <DischargesCard
            title={t("documentStudies.discharges.title")}
            obligations={d.discharges}
            testId="document-discharges"
            compact
          />
        </Col>
        <Col xs={24} xl={14}>
          <CompletionCard document={d} />
          <SessionsCard sessions={d.sessions} />
        </Col>
      </Row>
      {recording && <RecordSessionModal document={d} onClose={() => setRecording(false)} />}
      {closing && <CloseDocumentModal document={d} onClose={() => setClosing(false)} />}
    </div>
  );
}

function CompletionCard({ document: d }: { document: DocumentView }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t("documentStudies.completion.title")}
      className="stack-card"
      data-testid="document-completion"
      extra={
        <Typography.Text type="secondary">
          {t("documentStudies.completion.summary", { held: d.completion.held, required: d.completion.required })}
        </Typography.Text>
      }
    >
      <Table<DocumentUnit>
        rowKey={(u) => u.unit.id}
        size="small"
        dataSource={d.units}
        pagination={false}
        scroll={{ x: 520 }}
        columns={[
          { key: "unit", title: t("documentStudies.completion.unit"), width: 170, render: (_, u) => u.unit.name },
          {
            key: "state",
            title: t("documentStudies.completion.state"),
            width: 96,
            render: (_, u) =>
              u.held ? (
                <Tag color="green">{t("documentStudies.completion.held")}</Tag>
              ) : (
                <Tag color={d.overdue ? "red" : "default"}>{t("documentStudies.completion.notHeld")}</Tag>
              ),
          },
          { key: "sessions", title: t("documentStudies.completion.sessions"), width: 60, render: (_, u) => u.sessions },
          {
            key: "last",
            title: t("documentStudies.completion.lastHeldOn"),
            width: 120,
            render: (_, u) => u.lastHeldOn ?? "—",
          },
          {
            key: "counts",
            title: t("documentStudies.completion.counts"),
            render: (_, u) => `${u.counts.present} / ${u.counts.onLeave} / ${u.counts.absent}`,
          },
        ]}
      />
    </Card>
  );
}

function SessionsCard({ sessions }: { sessions: readonly DocumentSession[] }) {
  const { t } = useTranslation();
  const names = useDocumentNames();
  return (
    <Card title={t("documentStudies.sessions.title")} className="stack-card" data-testid="document-sessions">
      {sessions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("documentStudies.sessions.empty")} />
      ) : (
        <Flex vertical gap={12}>
          {sessions.map((s) => (
            <div key={s.id} className="study-session" data-testid="study-session">
              <Space size={8} wrap>
                <Typography.Text strong>{s.unit.name}</Typography.Text>
                {s.institutionLevel && <Tag color="blue">{t("documentStudies.sessions.institutionLevel")}</Tag>}
                <Tag>{names.form(s.form)}</Tag>
                <Typography.Text type="secondary">
                  {s.heldOn} · {s.place} · {t("documentStudies.sessions.presidedBy")}：{s.presidedBy.name}
                </Typography.Text>
              </Space>
              <div>
                <Typography.Text>{t("documentStudies.sessions.counts", s.counts)}</Typography.Text>
              </div>
              <div>
                <Typography.Text type="secondary">
                  {t("documentStudies.sessions.attendance")}：
                  {s.attendance
                    .map((a) =>
                      a.kind === "present" ? a.person.name : `${a.person.name}（${names.attendance(a.kind)}）`,
                    )
                    .join("、")}
                </Typography.Text>
              </div>
              {s.notes && <Typography.Paragraph className="pre-wrap">{s.notes}</Typography.Paragraph>}
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}

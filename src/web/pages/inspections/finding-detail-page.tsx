import { Alert, App, Button, Card, Descriptions, Form, Input, Skeleton, Space, Steps, Tag, Typography } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { errorMessage } from "../../api/error-message";
import {
  type FindingView,
  type RectificationRequest,
  uploadOf,
  useAttachEvidence,
  useFinding,
  useRecordRectification,
  useReturnFinding,
  useSubmitRectification,
  useVerifyFinding,
} from "../../api/inspections";
import { usePageTitle } from "../../components/page-title";
import { AttachmentList } from "./attachment-list";
import "./inspections.css";

/** A finding and its rectification: the owner records plan, progress and evidence and submits; an inspector verifies. */
/** Where the record that found it is: the inspection, the self-check or the self-assessment. */
function sourcePath(f: FindingView): string {
  if (f.source === "selfCheck") return `/self-checks/${f.sourceId}`;
  if (f.source === "selfAssessment") return `/self-assessments/${f.sourceId}`;
  return `/inspections/${f.inspectionId ?? f.sourceId}`;
}

export function FindingDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const finding = useFinding(id);
  if (finding.isPending) return <Skeleton active />;
  if (finding.isError) return <Alert type="error" showIcon title={errorMessage(finding.error, t)} />;
  return <FindingDetail key={`${finding.data.id}-${finding.data.status}`} f={finding.data} />;
}

function FindingDetail({ f }: { f: FindingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t("inspections.finding.title"));
  const [form] = Form.useForm<RectificationRequest>();
  const [decision] = Form.useForm<{ text: string }>();
  const record = useRecordRectification(f.id);
  const attach = useAttachEvidence(f.id);
  const submit = useSubmitRectification(f.id);
  const verify = useVerifyFinding(f.id);
  const sendBack = useReturnFinding(f.id);
  const fileInput = useRef<HTMLInputElement>(null);
  const done = (text: string) => ({
    onSuccess: () => void message.success(text),
    onError: (error: unknown) => void message.error(errorMessage(error, t)),
  });
  const step = f.status === "open" ? 0 : f.status === "submitted" ? 1 : 2;
  const r = f.rectification;
  return (
    <div data-testid="inspection-finding">
      <Typography.Title level={3} className="page-title">
        {f.description}
      </Typography.Title>
      <Space wrap className="panel-block">
        <Tag>{f.statusName}</Tag>
        <Tag>{f.severityName}</Tag>
        {f.overdue && <Tag color="red">{t("inspections.finding.overdue")}</Tag>}
        {f.repeated && <Tag color="purple">{t("inspections.finding.repeated")}</Tag>}
      </Space>
      <Steps
        className="panel-block"
        size="small"
        current={step}
        items={[
          { title: t("inspections.statuses.open") },
          { title: t("inspections.statuses.submitted") },
          { title: t("inspections.statuses.closed") },
        ]}
      />
      <Card className="panel-block">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t("inspections.finding.unit")}>{f.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t("inspections.finding.owner")}>{f.owner?.name ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("inspections.finding.item")}>{f.itemText}</Descriptions.Item>
          <Descriptions.Item label={t("inspections.finding.category")}>{f.categoryName}</Descriptions.Item>
          <Descriptions.Item label={t("inspections.finding.deadline")}>{f.deadline}</Descriptions.Item>
          <Descriptions.Item label={t("inspections.finding.source")}>
            <Link to={sourcePath(f)}>{f.plan ? `${f.sourceName} · ${f.plan.title}` : f.sourceName}</Link>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t("inspections.rectification.title")} className="panel-block">
        {r.returnReason && f.status === "open" && (
          <Alert type="warning" showIcon title={t("inspections.rectification.returned", { reason: r.returnReason })} />
        )}
        {f.abilities.rectify ? (
          <Form<RectificationRequest>
            form={form}
            name="rectification"
            layout="vertical"
            initialValues={{ plan: r.plan ?? "", progress: r.progress ?? "", evidence: r.evidence ?? "" }}
            onFinish={(v) => record.mutate(v, done(t("inspections.rectification.saved")))}
          >
            <Form.Item
              name="plan"
              label={t("inspections.rectification.plan")}
              rules={[
                { required: true, whitespace: true, min: 4, message: t("inspections.rectification.planRequired") },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
            <Form.Item name="progress" label={t("inspections.rectification.progress")}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
            <Form.Item name="evidence" label={t("inspections.rectification.evidence")}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
            <Space wrap>
              <Button htmlType="submit" loading={record.isPending}>
                {t("inspections.rectification.save")}
              </Button>
              <input
                ref={fileInput}
                type="file"
                hidden
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file)
                    void uploadOf(file).then((body) => attach.mutate(body, done(t("inspections.check.photoAdded"))));
                }}
              />
              <Button loading={attach.isPending} onClick={() => fileInput.current?.click()}>
                {t("inspections.rectification.attach")}
              </Button>
              {f.abilities.submit && (
                <Button
                  type="primary"
                  loading={submit.isPending}
                  onClick={() => submit.mutate({}, done(t("inspections.rectification.submitted")))}
                >
                  {t("inspections.rectification.submit")}
                </Button>
              )}
            </Space>
          </Form>
        ) : (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t("inspections.rectification.plan")}>{r.plan ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("inspections.rectification.progress")}>{r.progress ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("inspections.rectification.evidence")}>{r.evidence ?? "—"}</Descriptions.Item>
            {r.verificationNote && (
              <Descriptions.Item label={t("inspections.rectification.verification")}>
                {r.verificationNote}
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
        <AttachmentList items={f.attachments} urlOf={(aid) => `/api/findings/${f.id}/attachments/${aid}`} />
      </Card>
      {(f.abilities.verify || f.abilities.sendBack) && (
        <Card title={t("inspections.rectification.verifyTitle")} className="panel-block">
          <Form form={decision} name="verification" layout="vertical">
            <Form.Item
              name="text"
              label={t("inspections.rectification.decisionText")}
              rules={[
                { required: true, whitespace: true, min: 2, message: t("inspections.rectification.decisionRequired") },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
            <Space wrap>
              <Button
                type="primary"
                loading={verify.isPending}
                onClick={() =>
                  void decision
                    .validateFields()
                    .then((v) => verify.mutate({ note: v.text }, done(t("inspections.rectification.verified"))))
                }
              >
                {t("inspections.rectification.verify")}
              </Button>
              <Button
                danger
                loading={sendBack.isPending}
                onClick={() =>
                  void decision
                    .validateFields()
                    .then((v) => sendBack.mutate({ reason: v.text }, done(t("inspections.rectification.sentBack"))))
                }
              >
                {t("inspections.rectification.sendBack")}
              </Button>
            </Space>
          </Form>
        </Card>
      )}
    </div>
  );
}

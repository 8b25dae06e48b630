import { SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type ResearchView, useRecordFinding, useWriteResearchReport } from "../../../api/research";
import { formatBeijing } from "../../../components/format";
import { useFormSubmit } from "../../../components/use-form-submit";

/** 调研发现: numbered, never changed once recorded; the office adds one at a time while the research runs. */
export function FindingsCard({ topic: r }: { topic: ResearchView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const record = useRecordFinding(r.id);
  const { submit, problem } = useFormSubmit<{ text: string }>(form, async (values) => {
    await record.mutateAsync({ text: values.text.trim() });
    form.resetFields();
    void message.success(t("research.findings.recorded"));
  });
  return (
    <Card title={t("research.findings.title")} className="stack-card" size="small" data-testid="research-findings">
      {r.findings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("research.findings.empty")} />
      ) : (
        <div className="research-findings">
          {r.findings.map((f) => (
            <div key={f.id} className="research-finding">
              <Typography.Text strong>{t("research.findings.seq", { n: f.seq })}</Typography.Text>
              <Typography.Paragraph className="research-text">{f.text}</Typography.Paragraph>
            </div>
          ))}
        </div>
      )}
      {r.abilities.recordFinding && (
        <Form<{ text: string }> form={form} name="research-finding" layout="vertical" requiredMark={false}>
          {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
          <Form.Item
            name="text"
            label={t("research.findings.add")}
            extra={t("research.findings.addHint")}
            rules={[
              { required: true, whitespace: true, min: 10, message: t("research.findings.required") },
              { max: 5000, message: t("research.findings.tooLong") },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
          <Button type="primary" loading={record.isPending} onClick={submit}>
            {t("research.findings.submit")}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** 调研报告: written once findings are recorded, rewritable until 结题; read-only otherwise. */
export function ReportCard({ topic: r }: { topic: ResearchView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ report: string }>();
  const write = useWriteResearchReport(r.id);
  const { submit, problem } = useFormSubmit<{ report: string }>(form, async (values) => {
    await write.mutateAsync({ report: values.report.trim() });
    void message.success(t("research.report.saved"));
  });
  if (!r.abilities.writeReport && !r.report) {
    return r.status === "cancelled" || r.status === "draft" || r.status === "approved" ? null : (
      <Card title={t("research.report.title")} className="stack-card" size="small" data-testid="research-report">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("research.report.empty")} />
      </Card>
    );
  }
  return (
    <Card
      title={t("research.report.title")}
      className="stack-card"
      size="small"
      data-testid="research-report"
      extra={
        r.reportedAt ? (
          <Typography.Text type="secondary">
            {t("research.report.writtenAt", { at: formatBeijing(r.reportedAt).slice(0, 16) })}
          </Typography.Text>
        ) : undefined
      }
    >
      {r.abilities.writeReport ? (
        <Form<{ report: string }>
          form={form}
          name="research-report"
          layout="vertical"
          requiredMark={false}
          initialValues={{ report: r.report ?? "" }}
        >
          {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
          <Form.Item
            name="report"
            label={t("research.report.label")}
            extra={t("research.report.hint")}
            rules={[
              { required: true, whitespace: true, min: 20, message: t("research.report.required") },
              { max: 50_000, message: t("research.report.tooLong") },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={50_000} />
          </Form.Item>
          <Button type="primary" icon={<SaveOutlined />} loading={write.isPending} onClick={submit}>
            {t("research.report.save")}
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph className="research-text">{r.report}</Typography.Paragraph>
      )}
    </Card>
  );
}

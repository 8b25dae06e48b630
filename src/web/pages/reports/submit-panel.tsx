import { SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type ReportView, useSubmitReport } from "../../api/reports";
import { useFormSubmit } from "../../components/use-form-submit";
import { useReportNames } from "./report-names";

interface SubmitForm {
  note: string;
}

/**
 * 登记报送 (the secrecy office): how the signed report went to its recipient — 机要交换, 电子公文 … Recording it
 * discharges the obligation to report to that body.
 */
export function SubmitPanel({ report: r }: { report: ReportView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useReportNames();
  const [form] = Form.useForm<SubmitForm>();
  const send = useSubmitReport(r.id);
  const { submit, problem } = useFormSubmit<SubmitForm>(form, async (values) => {
    await send.mutateAsync({ note: values.note.trim() });
    void message.success(t("reports.submit.done"));
  });
  return (
    <Card title={t("reports.submit.title")} className="stack-card" data-testid="submit-panel">
      {r.abilities.submit ? (
        <>
          <Typography.Paragraph>
            {t("reports.submit.intro", { recipient: names.recipient(r.recipient) })}
          </Typography.Paragraph>
          {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
          <Form<SubmitForm> form={form} name="report-submit" layout="vertical" requiredMark={false}>
            <Form.Item
              name="note"
              label={t("reports.submit.note")}
              extra={t("reports.submit.noteHint")}
              rules={[
                { required: true, whitespace: true, message: t("reports.submit.noteRequired") },
                { min: 2, message: t("reports.submit.noteRequired") },
                { max: 500, message: t("reports.submit.noteTooLong") },
              ]}
            >
              <Input maxLength={500} placeholder={t("reports.submit.notePlaceholder")} />
            </Form.Item>
            <Button type="primary" icon={<SendOutlined />} loading={send.isPending} onClick={submit}>
              {t("reports.submit.submit")}
            </Button>
          </Form>
        </>
      ) : (
        <Alert type="info" showIcon title={t("reports.submit.waiting")} />
      )}
    </Card>
  );
}

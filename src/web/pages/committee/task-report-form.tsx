import { CheckCircleOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type TaskView, useTaskReport } from "../../api/meetings";
import { useFormSubmit } from "../../components/use-form-submit";

interface ReportForm {
  summary: string;
}

/** 报告办结: the owner unit says how the decision was carried out; the office then checks and closes it. */
export function TaskReportForm({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportForm>();
  const report = useTaskReport(task.id);
  const { submit, problem } = useFormSubmit<ReportForm>(form, async (values) => {
    await report.mutateAsync({ summary: values.summary.trim() });
    void message.success(t("committee.tasks.report.done"));
  });
  return (
    <Card title={t("committee.tasks.report.title")} className="stack-card" data-testid="task-report">
      <Typography.Paragraph type="secondary">{t("committee.tasks.report.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<ReportForm> form={form} name="task-report" layout="vertical" requiredMark={false}>
        <Form.Item
          name="summary"
          label={t("committee.tasks.report.summary")}
          rules={[
            { required: true, whitespace: true, message: t("committee.tasks.report.summaryRequired") },
            { min: 4, message: t("committee.tasks.report.summaryRequired") },
            { max: 4000, message: t("committee.tasks.report.summaryTooLong") },
          ]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Button type="primary" icon={<CheckCircleOutlined />} loading={report.isPending} onClick={submit}>
          {t("committee.tasks.report.submit")}
        </Button>
      </Form>
    </Card>
  );
}

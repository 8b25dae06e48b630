import { CheckOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Popconfirm } from "antd";
import { useTranslation } from "react-i18next";
import { useCompleteSupervision } from "../../../api/supervision";
import { ProblemAlert } from "./problem-alert";
import { useStepSubmit } from "./use-step-submit";

interface ReportForm {
  report: string;
}

/** 督查报告: the mid-year supervision's written report; completing it is final and fulfils the year's duty. */
export function ReportForm({ year }: { year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportForm>();
  const complete = useCompleteSupervision(year);
  const { submit, problem, stale } = useStepSubmit<ReportForm>(form, async (values) => {
    await complete.mutateAsync({ report: values.report.trim() });
    void message.success(t("committee.supervision.report.done"));
  });
  return (
    <div data-testid="report-form">
      <ProblemAlert problem={problem} stale={stale} />
      <Form<ReportForm> form={form} name="supervision-report" layout="vertical" requiredMark={false}>
        <Form.Item
          name="report"
          extra={t("committee.supervision.report.hint")}
          rules={[
            { required: true, whitespace: true, min: 10, message: t("committee.supervision.report.required") },
            { max: 50_000, message: t("committee.supervision.report.tooLong") },
          ]}
        >
          <Input.TextArea rows={5} maxLength={50_000} showCount aria-label={t("committee.supervision.report.label")} />
        </Form.Item>
        <Popconfirm
          title={t("committee.supervision.report.confirmTitle")}
          description={<div className="confirm-body">{t("committee.supervision.report.confirmBody")}</div>}
          okText={t("committee.supervision.report.submit")}
          onConfirm={submit}
        >
          <Button type="primary" icon={<CheckOutlined />} loading={complete.isPending}>
            {t("committee.supervision.report.submit")}
          </Button>
        </Popconfirm>
      </Form>
    </div>
  );
}

import { SaveOutlined } from "@ant-design/icons";
import { App, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { type SummaryView, useSaveSummary } from "../../../api/supervision";
import { ProblemAlert } from "./problem-alert";
import { useStepSubmit } from "./use-step-submit";

interface SummaryForm {
  text: string;
}

/** The annual summary's draft (保密办公室拟定, 第十三条第（二）项), for the director to approve. */
export function SummaryEditor({ year, summary }: { year: number; summary: SummaryView | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SummaryForm>();
  const save = useSaveSummary(year);
  const { submit, problem, stale } = useStepSubmit<SummaryForm>(form, async (values) => {
    await save.mutateAsync({ text: values.text.trim() });
    void message.success(t("committee.supervision.summary.saved"));
  });
  return (
    <div data-testid="summary-editor">
      <ProblemAlert problem={problem} stale={stale} />
      <Form<SummaryForm>
        form={form}
        name="summary"
        layout="vertical"
        requiredMark={false}
        initialValues={{ text: summary?.text ?? "" }}
      >
        <Form.Item
          name="text"
          label={t("committee.supervision.summary.text")}
          extra={t("committee.supervision.summary.hint")}
          rules={[
            { required: true, whitespace: true, min: 20, message: t("committee.supervision.summary.required") },
            { max: 50_000, message: t("committee.supervision.summary.tooLong") },
          ]}
        >
          <Input.TextArea rows={8} maxLength={50_000} showCount />
        </Form.Item>
        <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={submit}>
          {summary ? t("committee.supervision.summary.update") : t("committee.supervision.summary.submit")}
        </Button>
      </Form>
    </div>
  );
}

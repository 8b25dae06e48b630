import { SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Slider } from "antd";
import { useTranslation } from "react-i18next";
import { type TaskView, useTaskProgress } from "../../api/meetings";
import { useFormSubmit } from "../../components/use-form-submit";

interface ProgressForm {
  note: string;
  percent: number;
}

/** 登记进展: what the owner unit has done so far and how far along it is. */
export function TaskProgressForm({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressForm>();
  const progress = useTaskProgress(task.id);
  const { submit, problem } = useFormSubmit<ProgressForm>(form, async (values) => {
    await progress.mutateAsync({ note: values.note.trim(), percent: values.percent });
    form.resetFields(["note"]);
    void message.success(t("committee.tasks.progress.done"));
  });
  return (
    <Card title={t("committee.tasks.progress.title")} className="stack-card" data-testid="task-progress">
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<ProgressForm>
        form={form}
        name="task-progress"
        layout="vertical"
        requiredMark={false}
        initialValues={{ percent: task.percent }}
      >
        <Form.Item
          name="note"
          label={t("committee.tasks.progress.note")}
          rules={[
            { required: true, whitespace: true, message: t("committee.tasks.progress.noteRequired") },
            { min: 2, message: t("committee.tasks.progress.noteRequired") },
            { max: 2000, message: t("committee.tasks.progress.noteTooLong") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="percent" label={t("committee.tasks.progress.percent")}>
          <Slider min={0} max={100} step={5} marks={{ 0: "0%", 50: "50%", 100: "100%" }} />
        </Form.Item>
        <Button icon={<SaveOutlined />} loading={progress.isPending} onClick={submit}>
          {t("committee.tasks.progress.submit")}
        </Button>
      </Form>
    </Card>
  );
}

import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type TaskView, useTaskClose, useTaskReopen } from "../../api/meetings";
import { useFormSubmit } from "../../components/use-form-submit";

interface DecisionForm {
  note: string;
}

/** The office's answer to a report: 核销办结 (closed) or 退回重办 (back to the owner unit), with its note. */
export function TaskDecisionModal({
  task,
  decision,
  onClose,
}: {
  task: TaskView;
  decision: "close" | "reopen";
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionForm>();
  const close = useTaskClose(task.id);
  const reopen = useTaskReopen(task.id);
  const mutation = decision === "close" ? close : reopen;
  const { submit, problem } = useFormSubmit<DecisionForm>(form, async (values) => {
    await mutation.mutateAsync({ note: values.note.trim() });
    void message.success(t(`committee.tasks.${decision}.done`));
    onClose();
  });
  return (
    <Modal
      open
      title={t(`committee.tasks.${decision}.title`)}
      okText={t(`committee.tasks.${decision}.submit`)}
      okButtonProps={{ danger: decision === "reopen" }}
      confirmLoading={mutation.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(`committee.tasks.${decision}.intro`, { title: task.title, unit: task.ownerUnit.name })}
      </Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<DecisionForm> form={form} name="task-decision" layout="vertical" requiredMark={false}>
        <Form.Item
          name="note"
          label={t("committee.tasks.decisionNote")}
          rules={[
            { required: true, whitespace: true, message: t("committee.tasks.decisionNoteRequired") },
            { min: 2, message: t("committee.tasks.decisionNoteRequired") },
            { max: 1000, message: t("committee.tasks.decisionNoteTooLong") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type MeetingView, useCancelMeeting } from "../../api/meetings";
import { useFormSubmit } from "../../components/use-form-submit";

interface CancelForm {
  reason: string;
}

/** 取消会议: a meeting not yet held; the reason is kept with it and the meeting stays on record. */
export function CancelMeetingModal({ meeting, onClose }: { meeting: MeetingView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CancelForm>();
  const cancel = useCancelMeeting(meeting.id);
  const { submit, problem } = useFormSubmit<CancelForm>(form, async (values) => {
    await cancel.mutateAsync({ reason: values.reason.trim() });
    void message.success(t("committee.cancel.done"));
    onClose();
  });
  return (
    <Modal
      open
      title={t("committee.cancel.title")}
      okText={t("committee.cancel.submit")}
      okButtonProps={{ danger: true }}
      confirmLoading={cancel.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t("committee.cancel.intro", { title: meeting.title })}
      </Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<CancelForm> form={form} name="cancel-meeting" layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t("committee.cancel.reason")}
          rules={[
            { required: true, whitespace: true, message: t("committee.cancel.reasonRequired") },
            { min: 2, message: t("committee.cancel.reasonRequired") },
            { max: 1000, message: t("committee.cancel.reasonTooLong") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { NotificationOutlined } from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type MeetingView, useOpenAgendaCall } from "../../api/meetings";
import { beijingInstant, type PickedDate } from "../../components/dates";
import { useFormSubmit } from "../../components/use-form-submit";

interface CallForm {
  deadline: PickedDate;
  note?: string;
}

/** 发起议题征集: until when, and what the office asks for; the committee and the units are told. */
export function OpenAgendaCallForm({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CallForm>();
  const open = useOpenAgendaCall(meeting.id);
  const { submit, problem } = useFormSubmit<CallForm>(form, async (values) => {
    await open.mutateAsync({ deadline: beijingInstant(values.deadline) ?? "", note: values.note?.trim() || undefined });
    void message.success(t("committee.agendaCall.opened"));
  });
  return (
    <div className="panel-block" data-testid="open-agenda-call">
      <Typography.Paragraph type="secondary">{t("committee.agendaCall.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<CallForm> form={form} name="agenda-call" layout="vertical" requiredMark={false} className="panel-form">
        <Form.Item
          name="deadline"
          label={t("committee.agendaCall.deadline")}
          rules={[{ required: true, message: t("committee.agendaCall.deadlineRequired") }]}
        >
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" className="full-width" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t("committee.agendaCall.note")}
          extra={t("committee.agendaCall.noteHint")}
          rules={[{ max: 2000, message: t("committee.agendaCall.noteTooLong") }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" icon={<NotificationOutlined />} loading={open.isPending} onClick={submit}>
          {t("committee.agendaCall.open")}
        </Button>
      </Form>
    </div>
  );
}

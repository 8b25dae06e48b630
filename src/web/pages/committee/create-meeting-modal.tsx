import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type MeetingKind, useCreateMeeting } from "../../api/meetings";
import { beijingInstant, type PickedDate } from "../../components/dates";
import { InstitutionField } from "../../components/institution-picker";
import { useFormSubmit } from "../../components/use-form-submit";
import { meetingUrl } from "./committee-nav";
import { MEETING_KINDS, useMeetingNames } from "./status-tags";

interface CreateForm {
  kind: MeetingKind;
  title: string;
  plannedAt: PickedDate;
  place: string;
  reason?: string;
  institutionId?: string;
}

/**
 * 新建会议 (the secrecy office): a regular meeting each semester (第十二条第（一）项), an extraordinary one when a matter
 * calls for it (with the reason), or the institution-wide conference (第九条第（三）项). It opens at 筹备中.
 */
export function CreateMeetingModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const names = useMeetingNames();
  const [form] = Form.useForm<CreateForm>();
  const kind = Form.useWatch("kind", form);
  const create = useCreateMeeting();
  const { submit, problem } = useFormSubmit<CreateForm>(form, async (values) => {
    const meeting = await create.mutateAsync({
      kind: values.kind,
      title: values.title.trim(),
      plannedAt: beijingInstant(values.plannedAt) ?? "",
      place: values.place.trim(),
      reason: values.kind === "extraordinary" ? values.reason?.trim() || undefined : undefined,
      institutionId: values.institutionId,
    });
    void message.success(t("committee.create.done"));
    onClose();
    void navigate(meetingUrl(meeting.id));
  });

  return (
    <Modal
      open
      width={600}
      title={t("committee.create.title")}
      okText={t("committee.create.submit")}
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("committee.create.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<CreateForm>
        form={form}
        name="create-meeting"
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: "regular" }}
      >
        <InstitutionField permission="meeting.manage" />
        <Form.Item name="kind" label={t("committee.fields.kind")}>
          <Radio.Group optionType="button" options={MEETING_KINDS.map((k) => ({ value: k, label: names.kind(k) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("committee.fields.title")}
          extra={t("committee.create.titleHint")}
          rules={[
            { required: true, whitespace: true, message: t("committee.create.titleRequired") },
            { min: 2, message: t("committee.create.titleRequired") },
            { max: 200, message: t("committee.create.titleTooLong") },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="plannedAt"
          label={t("committee.create.plannedAt")}
          rules={[{ required: true, message: t("committee.create.plannedAtRequired") }]}
        >
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" className="full-width" />
        </Form.Item>
        <Form.Item
          name="place"
          label={t("committee.fields.place")}
          rules={[
            { required: true, whitespace: true, message: t("committee.create.placeRequired") },
            { max: 200, message: t("committee.create.placeTooLong") },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {kind === "extraordinary" && (
          <Form.Item
            name="reason"
            label={t("committee.create.reason")}
            extra={t("committee.create.reasonHint")}
            rules={[{ max: 1000, message: t("committee.create.reasonTooLong") }]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

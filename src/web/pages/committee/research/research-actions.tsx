import { CheckCircleOutlined, EditOutlined, PlayCircleOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Divider, Form, Input, Modal, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ResearchView,
  useApproveResearch,
  useCancelResearch,
  useConcludeResearch,
  useStartResearch,
} from "../../../api/research";
import { calendarDate, type PickedDate } from "../../../components/dates";
import { errorMessage } from "../../../api/error-message";
import { useFormSubmit } from "../../../components/use-form-submit";
import { ResearchFormModal } from "./research-form-modal";

/**
 * 办理: the secrecy office's next step on the topic — edit the proposal and record the committee's approval (立项),
 * start the research, conclude it (结题) once the report is written, or cancel it — each shown only when the server's
 * abilities allow it. Findings and the report are recorded in their own cards.
 */
export function ResearchActions({ topic: r }: { topic: ResearchView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const start = useStartResearch(r.id);
  const a = r.abilities;
  const any = a.edit || a.approve || a.start || a.conclude || a.cancel;

  return (
    <Card title={t("research.actions.title")} className="stack-card" data-testid="research-actions">
      {r.status === "concluded" && <Alert type="success" showIcon title={t("research.actions.final")} />}
      {r.status === "cancelled" && (
        <Alert type="warning" showIcon title={t("research.actions.cancelledNote", { reason: r.cancelReason ?? "" })} />
      )}
      {!any && r.status !== "concluded" && r.status !== "cancelled" && (
        <Alert type="info" showIcon title={t("research.actions.none")} />
      )}
      {a.edit && (
        <Button className="panel-block" icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t("research.actions.edit")}
        </Button>
      )}
      {a.approve && <ApproveForm topic={r} />}
      {a.start && (
        <>
          <Typography.Paragraph>{t("research.actions.startIntro")}</Typography.Paragraph>
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={start.isPending}
            onClick={() =>
              start.mutate(
                {},
                {
                  onSuccess: () => void message.success(t("research.actions.started")),
                  onError: (error) => void message.error(errorMessage(error, t)),
                },
              )
            }
          >
            {t("research.actions.start")}
          </Button>
        </>
      )}
      {a.conclude && <ConcludeForm topic={r} />}
      {a.cancel && (
        <>
          <Divider />
          <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>
            {t("research.actions.cancel")}
          </Button>
        </>
      )}
      {editing && <ResearchFormModal topic={r} onClose={() => setEditing(false)} />}
      {cancelling && <CancelModal topic={r} onClose={() => setCancelling(false)} />}
    </Card>
  );
}

interface ApproveValues {
  approvedOn: PickedDate;
  note: string;
}

/** 登记立项: the date and where the committee decided. */
function ApproveForm({ topic: r }: { topic: ResearchView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApproveValues>();
  const approve = useApproveResearch(r.id);
  const { submit, problem } = useFormSubmit<ApproveValues>(
    form,
    async (values) => {
      await approve.mutateAsync({ approvedOn: calendarDate(values.approvedOn) ?? "", note: values.note.trim() });
      void message.success(t("research.actions.approved"));
    },
    { "body.approvedOn": "approvedOn", "body.note": "note" },
  );
  return (
    <Form<ApproveValues>
      form={form}
      name="research-approve"
      layout="vertical"
      requiredMark={false}
      initialValues={{ approvedOn: dayjs() }}
    >
      <Typography.Paragraph>{t("research.actions.approveIntro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form.Item
        name="approvedOn"
        label={t("research.actions.approvedOn")}
        rules={[{ required: true, message: t("research.actions.approvedOnRequired") }]}
      >
        <DatePicker className="full-width" />
      </Form.Item>
      <Form.Item
        name="note"
        label={t("research.actions.approvalNote")}
        rules={[{ required: true, whitespace: true, min: 4, message: t("research.actions.approvalNoteRequired") }]}
      >
        <Input maxLength={500} placeholder={t("research.actions.approvalNotePlaceholder")} />
      </Form.Item>
      <Button type="primary" icon={<CheckCircleOutlined />} loading={approve.isPending} onClick={submit}>
        {t("research.actions.approve")}
      </Button>
    </Form>
  );
}

/** 结题: the committee's opinion on the report; final, and the duty to research is discharged. */
function ConcludeForm({ topic: r }: { topic: ResearchView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const conclude = useConcludeResearch(r.id);
  const { submit, problem } = useFormSubmit<{ note: string }>(form, async (values) => {
    await conclude.mutateAsync({ note: values.note.trim() });
    void message.success(t("research.actions.concluded"));
  });
  return (
    <Form<{ note: string }> form={form} name="research-conclude" layout="vertical" requiredMark={false}>
      <Typography.Paragraph>{t("research.actions.concludeIntro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form.Item
        name="note"
        label={t("research.actions.conclusionNote")}
        rules={[{ required: true, whitespace: true, min: 4, message: t("research.actions.conclusionNoteRequired") }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t("research.actions.conclusionNotePlaceholder")}
        />
      </Form.Item>
      <Button type="primary" icon={<CheckCircleOutlined />} loading={conclude.isPending} onClick={submit}>
        {t("research.actions.conclude")}
      </Button>
    </Form>
  );
}

/** 撤销课题, with the reason. */
function CancelModal({ topic: r, onClose }: { topic: ResearchView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelResearch(r.id);
  const { submit, problem } = useFormSubmit<{ reason: string }>(form, async (values) => {
    await cancel.mutateAsync({ reason: values.reason.trim() });
    void message.success(t("research.actions.cancelled"));
    onClose();
  });
  return (
    <Modal
      open
      title={t("research.actions.cancelTitle")}
      okText={t("research.actions.cancel")}
      okButtonProps={{ danger: true }}
      confirmLoading={cancel.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" className="full-width">
        <Typography.Paragraph type="secondary">{t("research.actions.cancelIntro")}</Typography.Paragraph>
        {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
        <Form<{ reason: string }> form={form} name="research-cancel" layout="vertical" requiredMark={false}>
          <Form.Item
            name="reason"
            label={t("research.actions.cancelReason")}
            rules={[{ required: true, whitespace: true, min: 2, message: t("research.actions.cancelReasonRequired") }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}

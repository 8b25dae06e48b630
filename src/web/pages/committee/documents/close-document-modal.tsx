import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type DocumentView, useCloseDocument } from "../../../api/document-studies";
import { useFormSubmit } from "../../../components/use-form-submit";

/** 办结 (the secrecy office): no more sessions are recorded; the note says why if a unit has not studied it. */
export function CloseDocumentModal({ document: d, onClose }: { document: DocumentView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const close = useCloseDocument(d.id);
  const { submit, problem } = useFormSubmit<{ note: string }>(form, async (values) => {
    await close.mutateAsync({ note: values.note.trim() });
    void message.success(t("documentStudies.close.done"));
    onClose();
  });
  return (
    <Modal
      open
      title={t("documentStudies.close.title")}
      okText={t("documentStudies.close.submit")}
      confirmLoading={close.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("documentStudies.close.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form form={form} name="close-document" layout="vertical" requiredMark={false}>
        <Form.Item
          name="note"
          label={t("documentStudies.close.note")}
          rules={[
            { required: true, whitespace: true, message: t("documentStudies.close.noteRequired") },
            { min: 2, message: t("documentStudies.close.noteRequired") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

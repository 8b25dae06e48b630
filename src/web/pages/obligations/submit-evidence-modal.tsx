import { InboxOutlined } from "@ant-design/icons";
import { Alert, App, Form, Input, Modal, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ObligationView, useSubmitEvidence } from "../../api/obligations";
import { useFormSubmit } from "../../components/use-form-submit";
import { fileSize } from "./evidence-card";
import { EVIDENCE_MAX_BYTES, readAsBase64 } from "./read-file";

interface EvidenceForm {
  summary: string;
  documentNo?: string;
}

/**
 * 提交落实材料: how the duty was carried out, the document number of the record if there is one, and one file. The
 * server scans the text and the file for secrecy markings and refuses them (the platform holds no state secrets).
 */
export function SubmitEvidenceModal({ obligation, onClose }: { obligation: ObligationView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvidenceForm>();
  const submitEvidence = useSubmitEvidence(obligation.id);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const { submit, problem } = useFormSubmit<EvidenceForm>(form, async (values) => {
    const attachment = file
      ? { name: file.name, type: file.type || "application/octet-stream", contentBase64: await readAsBase64(file) }
      : undefined;
    await submitEvidence.mutateAsync({
      summary: values.summary.trim(),
      documentNo: values.documentNo?.trim() || undefined,
      file: attachment,
    });
    void message.success(t("obligations.evidence.submittedDone"));
    onClose();
  });

  const pick = (picked: File) => {
    if (picked.size > EVIDENCE_MAX_BYTES) {
      setFileProblem(t("obligations.evidence.tooLarge"));
      setFile(null);
    } else {
      setFileProblem(null);
      setFile(picked);
    }
    return false; // kept here, sent with the form
  };

  return (
    <Modal
      open
      width={600}
      title={t("obligations.evidence.submitTitle")}
      okText={t("obligations.evidence.submitOk")}
      confirmLoading={submitEvidence.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t("obligations.evidence.submitIntro", { duty: obligation.duty, discharge: obligation.discharge })}
      </Typography.Paragraph>
      <Alert className="form-error" type="warning" showIcon title={t("obligations.evidence.noSecrets")} />
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<EvidenceForm> form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="summary"
          label={t("obligations.evidence.summary")}
          extra={t("obligations.evidence.summaryHint")}
          rules={[
            { required: true, whitespace: true, message: t("obligations.evidence.summaryRequired") },
            { min: 2, message: t("obligations.evidence.summaryRequired") },
            { max: 2000, message: t("obligations.evidence.summaryTooLong") },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="documentNo"
          label={t("obligations.evidence.documentNo")}
          extra={t("obligations.evidence.documentNoHint")}
          rules={[{ max: 100, message: t("obligations.evidence.documentNoTooLong") }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t("obligations.evidence.file")} extra={t("obligations.evidence.fileHint")}>
          <Upload.Dragger
            className="evidence-upload"
            maxCount={1}
            beforeUpload={pick}
            onRemove={() => {
              setFile(null);
              return true;
            }}
            fileList={file ? [{ uid: "evidence", name: `${file.name}（${fileSize(file.size)}）`, status: "done" }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("obligations.evidence.drop")}</p>
          </Upload.Dragger>
          {fileProblem && <Alert className="form-error" type="error" showIcon title={fileProblem} />}
        </Form.Item>
      </Form>
    </Modal>
  );
}

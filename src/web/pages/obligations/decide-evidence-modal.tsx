import { Alert, App, Form, Input, Modal, Radio, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type EvidenceView, type ObligationView, useDecideEvidence } from "../../api/obligations";
import { useFormSubmit } from "../../components/use-form-submit";

interface DecisionForm {
  decision: "approved" | "rejected";
  note?: string;
}

/** 审核: approve the evidence (the obligation is fulfilled, its responsible people frozen) or return it with a note. */
export function DecideEvidenceModal({
  obligation,
  evidence,
  onClose,
}: {
  obligation: ObligationView;
  evidence: EvidenceView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionForm>();
  const decide = useDecideEvidence(obligation.id);
  const decision = Form.useWatch("decision", form);
  const { submit, problem } = useFormSubmit<DecisionForm>(form, async (values) => {
    await decide.mutateAsync({
      evidenceId: evidence.id,
      decision: values.decision,
      note: values.note?.trim() || undefined,
    });
    void message.success(
      values.decision === "approved" ? t("obligations.decide.approvedDone") : t("obligations.decide.rejectedDone"),
    );
    onClose();
  });

  return (
    <Modal
      open
      title={t("obligations.decide.title")}
      okText={t("obligations.decide.submit")}
      confirmLoading={decide.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <blockquote className="article-quote">
        <Typography.Text className="pre-line">{evidence.summary}</Typography.Text>
        {evidence.documentNo && (
          <Typography.Text type="secondary">
            {" "}
            {t("obligations.evidence.documentNoValue", { no: evidence.documentNo })}
          </Typography.Text>
        )}
      </blockquote>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<DecisionForm> form={form} layout="vertical" requiredMark={false} initialValues={{ decision: "approved" }}>
        <Form.Item name="decision" label={t("obligations.decide.decision")}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: "approved", label: t("obligations.decide.approve") },
              { value: "rejected", label: t("obligations.decide.reject") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t("obligations.decide.note")}
          extra={decision === "rejected" ? t("obligations.decide.rejectHint") : t("obligations.decide.noteHint")}
          rules={[
            { required: decision === "rejected", whitespace: true, message: t("obligations.decide.noteRequired") },
            { max: 1000, message: t("obligations.decide.noteTooLong") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

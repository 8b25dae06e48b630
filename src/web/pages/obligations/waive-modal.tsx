import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type ObligationView, useWaive } from "../../api/obligations";
import { useFormSubmit } from "../../components/use-form-submit";

interface WaiveForm {
  reason: string;
}

/** 豁免: the obligation no longer applies (the unit closed, the duty fell away); the reason and the approver are kept. */
export function WaiveModal({ obligation, onClose }: { obligation: ObligationView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WaiveForm>();
  const waive = useWaive(obligation.id);
  const { submit, problem } = useFormSubmit<WaiveForm>(form, async (values) => {
    await waive.mutateAsync({ reason: values.reason.trim() });
    void message.success(t("obligations.waive.done"));
    onClose();
  });

  return (
    <Modal
      open
      title={t("obligations.waive.title")}
      okText={t("obligations.waive.submit")}
      okButtonProps={{ danger: true }}
      confirmLoading={waive.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t("obligations.waive.intro", { duty: obligation.duty, unit: obligation.unit.name, period: obligation.period })}
      </Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<WaiveForm> form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t("obligations.waive.reason")}
          extra={t("obligations.waive.reasonHint")}
          rules={[
            { required: true, whitespace: true, message: t("obligations.waive.reasonRequired") },
            { min: 4, message: t("obligations.waive.reasonRequired") },
            { max: 1000, message: t("obligations.waive.reasonTooLong") },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

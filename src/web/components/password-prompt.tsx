import { Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api/error-message";
import { applyFieldErrors } from "./field-errors";

/**
 * Asks for the current password again before a sensitive change (turning off TOTP, replacing recovery codes), so a
 * session left open on a shared machine cannot do it (ASVS 3.7.1).
 */
export function PasswordPrompt({
  open,
  title,
  description,
  okText,
  danger,
  submit,
  onClose,
}: {
  open: boolean;
  title: string;
  description: string;
  okText: string;
  danger?: boolean;
  submit: (password: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    let password: string;
    try {
      ({ password } = await form.validateFields());
    } catch {
      return; // antd already shows what is missing under the field.
    }
    setBusy(true);
    try {
      await submit(password);
      form.resetFields();
    } catch (error) {
      // The dialog stays open with the server's message under the field.
      if (!applyFieldErrors(form, error)) form.setFields([{ name: "password", errors: [errorMessage(error, t)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: danger ?? false }}
      destroyOnHidden
      onCancel={onClose}
      confirmLoading={busy}
      onOk={() => void confirm()}
    >
      <Typography.Paragraph>{description}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item
          name="password"
          label={t("password.current")}
          rules={[{ required: true, message: t("password.currentRequired") }]}
        >
          <Input.Password autoComplete="current-password" maxLength={128} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

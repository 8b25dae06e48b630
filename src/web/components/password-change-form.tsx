import { Alert, Button, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../domain/password-policy";
import { type SessionState, useChangePassword } from "../api/auth";
import { errorMessage } from "../api/error-message";
import { applyFieldErrors } from "./field-errors";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Current + new + repeated password, with the policy stated up front. The server checks the policy (common
 * passwords, the username, reuse) and its messages land under the field they name.
 */
export function PasswordChangeForm({
  onChanged,
  submitLabel,
}: {
  onChanged: (state: SessionState) => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const unplaced = change.isError && !change.isPending;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      className="password-form"
      onFinish={({ currentPassword, newPassword }) =>
        change.mutate(
          { currentPassword, newPassword },
          {
            onSuccess: (state) => {
              form.resetFields();
              onChanged(state);
            },
            onError: (error) => {
              if (applyFieldErrors(form, error)) change.reset();
            },
          },
        )
      }
    >
      <Alert
        className="password-policy"
        type="info"
        showIcon
        title={t("password.policyTitle")}
        description={
          <ul className="policy-list">
            <li>{t("password.policyLength", { min: PASSWORD_MIN, max: PASSWORD_MAX })}</li>
            <li>{t("password.policyCommon")}</li>
            <li>{t("password.policyUsername")}</li>
            <li>{t("password.policyReuse")}</li>
            <li>
              <Typography.Text type="secondary">{t("password.policyBasis")}</Typography.Text>
            </li>
          </ul>
        }
      />
      {unplaced && <Alert className="form-error" type="error" showIcon title={errorMessage(change.error, t)} />}
      <Form.Item
        name="currentPassword"
        label={t("password.current")}
        rules={[{ required: true, message: t("password.currentRequired") }]}
      >
        <Input.Password autoComplete="current-password" maxLength={PASSWORD_MAX} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t("password.new")}
        rules={[
          { required: true, message: t("password.newRequired") },
          { max: PASSWORD_MAX, message: t("password.tooLong", { max: PASSWORD_MAX }) },
        ]}
        extra={t("password.newHint", { min: PASSWORD_MIN })}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t("password.confirm")}
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: t("password.confirmRequired") },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue("newPassword")
                ? Promise.resolve()
                : Promise.reject(new Error(t("password.mismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {submitLabel}
        </Button>
      </Form.Item>
    </Form>
  );
}

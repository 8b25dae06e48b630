import { SafetyOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useTotpSignIn } from "../../api/auth";
import { errorMessage } from "../../api/error-message";
import { usePageTitle } from "../../components/page-title";
import { SignOutLink } from "./sign-out-link";
import { SignInFrame, StepGate } from "./sign-in-frame";

/** Sign-in, step two for accounts with TOTP: the authenticator's 6-digit code, or one of the recovery codes. */
export function TotpPage() {
  const { t } = useTranslation();
  usePageTitle(t("signIn.totpTitle"));
  const [recovery, setRecovery] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const totp = useTotpSignIn();

  return (
    <SignInFrame title={t("signIn.totpTitle")}>
      <StepGate step="totp">
        <Typography.Paragraph>{recovery ? t("signIn.recoveryIntro") : t("signIn.totpIntro")}</Typography.Paragraph>
        {totp.isError && <Alert className="login-error" type="error" showIcon title={errorMessage(totp.error, t)} />}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={({ code }) => totp.mutate(recovery ? code.trim().toLowerCase() : code.replace(/\s/g, ""))}
        >
          {recovery ? (
            <Form.Item
              key="recovery"
              name="code"
              label={t("signIn.recoveryCode")}
              rules={[
                { required: true, message: t("signIn.recoveryRequired") },
                {
                  pattern: /^\s*[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}\s*$/,
                  message: t("signIn.recoveryFormat"),
                },
              ]}
            >
              <Input autoComplete="off" placeholder="xxxx-xxxx-xxxx" maxLength={20} autoFocus />
            </Form.Item>
          ) : (
            <Form.Item
              key="totp"
              name="code"
              label={t("totp.code")}
              rules={[
                { required: true, message: t("totp.codeRequired") },
                { pattern: /^\s*\d{3}\s?\d{3}\s*$/, message: t("totp.codeFormat") },
              ]}
            >
              <Input
                prefix={<SafetyOutlined />}
                inputMode="numeric"
                autoComplete="one-time-code"
                placeholder="123456"
                maxLength={7}
                autoFocus
              />
            </Form.Item>
          )}
          <Form.Item>
            <Button type="primary" htmlType="submit" block loading={totp.isPending}>
              {t("signIn.verify")}
            </Button>
          </Form.Item>
        </Form>
        <Space className="sign-in-links" wrap>
          <Button
            type="link"
            onClick={() => {
              setRecovery(!recovery);
              form.resetFields();
              totp.reset();
            }}
          >
            {recovery ? t("signIn.useTotp") : t("signIn.useRecovery")}
          </Button>
          <SignOutLink />
        </Space>
      </StepGate>
    </SignInFrame>
  );
}

import { Alert, Button, Form, Input, QRCode, Spin, Steps, Typography } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type RecoveryCodes as Codes, useTotpConfirm, useTotpSetup } from "../api/auth";
import { errorMessage } from "../api/error-message";
import { CopyText } from "./copy-text";
import { applyFieldErrors } from "./field-errors";

/**
 * TOTP enrolment: asks the server for a new secret, shows it as a QR code and as text for manual entry, and confirms it
 * with a code from the app. The recovery codes the server answers with go to `onEnrolled`, to be shown once.
 */
export function TotpEnrollment({ onEnrolled }: { onEnrolled: (codes: Codes["codes"], accountName: string) => void }) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const [form] = Form.useForm<{ code: string }>();
  // One secret per enrolment: StrictMode runs effects twice in development, and a second secret would replace the first.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    setup.mutate();
  }, [setup]);

  if (setup.isPending || setup.isIdle) return <Spin />;
  if (setup.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t("totp.setupFailed")}
        description={errorMessage(setup.error, t)}
        action={<Button onClick={() => setup.mutate()}>{t("common.retry")}</Button>}
      />
    );
  }
  const { secret, uri } = setup.data;

  return (
    <div className="totp-enrollment">
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={[
          { title: t("totp.stepApp"), status: "process", content: t("totp.stepAppBody") },
          {
            title: t("totp.stepScan"),
            status: "process",
            content: (
              <div className="totp-secret-block">
                <QRCode value={uri} size={168} bordered={false} className="totp-qr" />
                <div>
                  <Typography.Paragraph type="secondary">{t("totp.manualEntry")}</Typography.Paragraph>
                  <CopyText text={secret} display={secret.replace(/(.{4})/g, "$1 ").trim()} testId="totp-secret" />
                </div>
              </div>
            ),
          },
          {
            title: t("totp.stepConfirm"),
            status: "process",
            content: (
              <Form
                form={form}
                layout="inline"
                className="totp-confirm-form"
                onFinish={({ code }) =>
                  confirm.mutate(code.replace(/\s/g, ""), {
                    onSuccess: (result) => onEnrolled(result.codes, accountNameOf(uri)),
                    onError: (error) => {
                      if (!applyFieldErrors(form, error))
                        form.setFields([{ name: "code", errors: [errorMessage(error, t)] }]);
                    },
                  })
                }
              >
                <Form.Item
                  name="code"
                  label={t("totp.code")}
                  rules={[
                    { required: true, message: t("totp.codeRequired") },
                    { pattern: /^\s*\d{3}\s?\d{3}\s*$/, message: t("totp.codeFormat") },
                  ]}
                >
                  <Input
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={7}
                    placeholder="123456"
                    className="totp-code-input"
                  />
                </Form.Item>
                <Form.Item>
                  <Button type="primary" htmlType="submit" loading={confirm.isPending}>
                    {t("totp.confirm")}
                  </Button>
                </Form.Item>
              </Form>
            ),
          },
        ]}
      />
    </div>
  );
}

/** The account name in an otpauth:// URI (`otpauth://totp/Issuer:name?…`), for naming the recovery-code file. */
function accountNameOf(uri: string): string {
  try {
    const label = decodeURIComponent(new URL(uri).pathname.replace(/^\/+/, ""));
    return label.slice(label.lastIndexOf(":") + 1);
  } catch {
    return "";
  }
}

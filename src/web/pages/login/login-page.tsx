import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { type Credentials, useLogin, useSessionProbe } from "../../api/auth";
import { errorMessage } from "../../api/error-message";
import { afterStep } from "../../app/sign-in-steps";
import { usePageTitle } from "../../components/page-title";
import { SignInFrame, useNextPath } from "../sign-in/sign-in-frame";

/**
 * Sign-in, step one: username and password. Whatever the server refuses (wrong credentials, a locked account, too
 * many attempts) its own message is what the user reads. A session that is already signed in moves straight on.
 */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t("login.title"));
  const login = useLogin();
  const probe = useSessionProbe();
  const next = useNextPath();

  if (probe.data?.authenticated) return <Navigate to={afterStep(probe.data.pending, next)} replace />;

  return (
    <SignInFrame title={t("login.title")}>
      {login.isError && (
        <Alert
          className="login-error"
          type="error"
          showIcon
          title={t("login.failed")}
          description={errorMessage(login.error, t)}
        />
      )}
      <Form<Credentials>
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => login.mutate({ username: values.username.trim(), password: values.password })}
        autoComplete="on"
      >
        <Form.Item
          name="username"
          label={t("login.username")}
          rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("login.password")}
          rules={[{ required: true, message: t("login.passwordRequired") }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("login.submit")}
          </Button>
        </Form.Item>
      </Form>
      <Alert type="info" className="login-lockout" title={t("login.lockoutNotice")} />
    </SignInFrame>
  );
}

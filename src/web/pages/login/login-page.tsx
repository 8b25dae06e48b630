import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Credentials, useLogin } from "../../api/auth";
import { errorMessage } from "../../api/error-message";
import { LanguageSwitch } from "../../components/language-switch";
import { usePageTitle } from "../../components/page-title";

/** Sign-in outside the main frame. Whatever the server refuses, its own message is what the user reads. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t("login.title"));
  const login = useLogin();

  return (
    <div className="login-screen">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <Typography.Title level={3} className="login-product">
          {t("app.name")}
        </Typography.Title>
        <Typography.Title level={5} className="login-title">
          {t("login.title")}
        </Typography.Title>
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
          onFinish={(values) => login.mutate(values)}
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
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t("login.submit")}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" className="login-notice">
          {t("login.notice")}
        </Typography.Paragraph>
        <Link to="/">{t("login.backHome")}</Link>
      </Card>
    </div>
  );
}

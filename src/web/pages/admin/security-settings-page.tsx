import { Alert, App, Button, Card, Checkbox, Form, InputNumber, Skeleton, Space, Switch, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { BUSINESS_ROLES, type BusinessRole } from "../../../domain/roles";
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from "../../../domain/sign-in";
import { useSaveSecuritySettings, useSecuritySettings } from "../../api/access";
import { errorMessage } from "../../api/error-message";
import { applyFieldErrors } from "../../components/field-errors";
import { roleName } from "../../components/format";
import { usePageTitle } from "../../components/page-title";
import { AdminPageHeader } from "./admin-page-header";

interface SettingsForm {
  totpRequiredRoles: BusinessRole[];
  rotate: boolean;
  passwordRotationDays: number | null;
}

/** 安全设置 (security administrator): which business roles must use TOTP, and password rotation. */
export function SecuritySettingsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("nav.adminPages.securitySettings"));
  const { message } = App.useApp();
  const settings = useSecuritySettings();
  const save = useSaveSecuritySettings();
  const [form] = Form.useForm<SettingsForm>();
  const rotate = Form.useWatch("rotate", form);

  useEffect(() => {
    if (!settings.data) return;
    form.setFieldsValue({
      totpRequiredRoles: settings.data.totpRequiredRoles,
      rotate: settings.data.passwordRotationDays !== null,
      passwordRotationDays: settings.data.passwordRotationDays ?? 90,
    });
  }, [settings.data, form]);

  const submit = (values: SettingsForm) =>
    save.mutate(
      {
        totpRequiredRoles: values.totpRequiredRoles,
        passwordRotationDays: values.rotate ? values.passwordRotationDays : null,
      },
      {
        onSuccess: () => void message.success(t("settings.saved")),
        onError: (error) => {
          if (!applyFieldErrors(form, error)) void message.error(errorMessage(error, t));
        },
      },
    );

  return (
    <div className="page">
      <AdminPageHeader page="securitySettings" />
      <Space orientation="vertical" size="middle" className="full-width">
        <Alert
          type="info"
          showIcon
          title={t("settings.fixedTitle")}
          description={
            <ul className="policy-list">
              <li>{t("settings.fixedLockout", { threshold: LOCKOUT_THRESHOLD, minutes: LOCKOUT_MINUTES })}</li>
              <li>{t("settings.fixedAdminsTotp")}</li>
              <li>{t("settings.fixedSession")}</li>
              <li>{t("settings.fixedAudit")}</li>
            </ul>
          }
        />
        <Card>
          {settings.isPending ? (
            <Skeleton active />
          ) : settings.isError ? (
            <Alert type="error" showIcon title={errorMessage(settings.error, t)} />
          ) : (
            <Form<SettingsForm> form={form} layout="vertical" onFinish={submit} className="settings-form">
              <Form.Item name="totpRequiredRoles" label={t("settings.totpRoles")} extra={t("settings.totpRolesHint")}>
                <Checkbox.Group
                  className="role-checkboxes"
                  options={BUSINESS_ROLES.map((role) => ({ value: role, label: roleName(role, i18n.language) }))}
                />
              </Form.Item>
              <Form.Item label={t("settings.rotation")} extra={t("settings.rotationHint")}>
                <Space wrap>
                  <Form.Item name="rotate" valuePropName="checked" noStyle>
                    <Switch aria-label={t("settings.rotation")} />
                  </Form.Item>
                  <Typography.Text>{t("settings.rotateEvery")}</Typography.Text>
                  <Form.Item
                    name="passwordRotationDays"
                    noStyle
                    rules={[
                      {
                        validator: (_rule, value: number | null) =>
                          !form.getFieldValue("rotate") || (value !== null && value >= 30 && value <= 365)
                            ? Promise.resolve()
                            : Promise.reject(new Error(t("settings.rotationRange"))),
                      },
                    ]}
                  >
                    <InputNumber min={30} max={365} precision={0} disabled={!rotate} aria-label={t("settings.days")} />
                  </Form.Item>
                  <Typography.Text>{t("settings.days")}</Typography.Text>
                </Space>
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t("common.save")}
                </Button>
              </Form.Item>
            </Form>
          )}
        </Card>
      </Space>
    </div>
  );
}

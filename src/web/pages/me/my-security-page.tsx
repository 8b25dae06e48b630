import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Modal,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type OwnSession, useEndSession, useOwnSessions, useRenewRecoveryCodes, useTotpDisable } from "../../api/auth";
import { errorMessage } from "../../api/error-message";
import { useCurrentUser } from "../../app/access";
import { formatBeijing, roleName } from "../../components/format";
import { PasswordChangeForm } from "../../components/password-change-form";
import { PasswordPrompt } from "../../components/password-prompt";
import { usePageTitle } from "../../components/page-title";
import { RecoveryCodes } from "../../components/recovery-codes";
import { TotpEnrollment } from "../../components/totp-enrollment";

/** 我的安全设置: the user's own password, two-step verification, recovery codes and sessions. */
export function MySecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t("security.title"));
  return (
    <div className="page" data-testid="my-security">
      <Typography.Title level={3} className="page-title">
        {t("security.title")}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <AccountCard />
          <TwoStepCard />
        </Col>
        <Col xs={24} xl={12}>
          <PasswordCard />
        </Col>
        <Col xs={24}>
          <SessionsCard />
        </Col>
      </Row>
    </div>
  );
}

function AccountCard() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const roles = me.account.adminRole
    ? [roleName(me.account.adminRole, i18n.language)]
    : me.roles.map((r) => `${roleName(r.role, i18n.language)}（${r.unitName}）`);
  return (
    <Card title={t("security.account")} className="stack-card">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: "username", label: t("security.username"), children: me.account.username },
          { key: "name", label: t("security.displayName"), children: me.account.displayName },
          {
            key: "roles",
            label: t("security.roles"),
            children: roles.length ? roles.map((r) => <Tag key={r}>{r}</Tag>) : t("user.noRole"),
          },
          {
            key: "changed",
            label: t("security.passwordChangedAt"),
            children: formatBeijing(me.account.passwordChangedAt),
          },
          {
            key: "expires",
            label: t("security.sessionExpires"),
            children: t("security.sessionExpiresValue", {
              idle: formatBeijing(me.session.idleExpiresAt),
              absolute: formatBeijing(me.session.expiresAt),
            }),
          },
        ]}
      />
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Card title={t("security.changePassword")} className="stack-card">
      <PasswordChangeForm
        submitLabel={t("security.changePasswordSubmit")}
        onChanged={() => void message.success(t("security.passwordChanged"))}
      />
    </Card>
  );
}

function TwoStepCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const disable = useTotpDisable();
  const renew = useRenewRecoveryCodes();
  const [enrolling, setEnrolling] = useState(false);
  const [prompt, setPrompt] = useState<"disable" | "renew" | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { totpEnabled, totpRequired } = me.account;

  return (
    <Card title={t("security.twoStep")} className="stack-card" data-testid="two-step">
      <Space orientation="vertical" size="middle" className="full-width">
        <Space wrap>
          <Typography.Text>{t("security.twoStepStatus")}</Typography.Text>
          {totpEnabled ? <Tag color="success">{t("security.on")}</Tag> : <Tag>{t("security.off")}</Tag>}
          {totpRequired && <Tag color="blue">{t("security.required")}</Tag>}
        </Space>
        <Typography.Paragraph type="secondary">
          {totpRequired ? t("security.requiredBody") : t("security.optionalBody")}
        </Typography.Paragraph>
        {totpEnabled ? (
          <Space wrap>
            <Button onClick={() => setPrompt("renew")}>{t("security.renewCodes")}</Button>
            <Tooltip title={totpRequired ? t("security.cannotDisable") : undefined}>
              <Button danger disabled={totpRequired} onClick={() => setPrompt("disable")}>
                {t("security.disable")}
              </Button>
            </Tooltip>
          </Space>
        ) : (
          <Button type="primary" onClick={() => setEnrolling(true)}>
            {t("security.enable")}
          </Button>
        )}
      </Space>

      <Modal
        open={enrolling}
        title={t("security.enableTitle")}
        footer={null}
        width={640}
        destroyOnHidden
        onCancel={() => setEnrolling(false)}
      >
        <TotpEnrollment
          onEnrolled={(received) => {
            setEnrolling(false);
            setCodes(received);
          }}
        />
      </Modal>

      <PasswordPrompt
        open={prompt === "disable"}
        title={t("security.disableTitle")}
        description={t("security.disableBody")}
        okText={t("security.disable")}
        danger
        onClose={() => setPrompt(null)}
        submit={async (password) => {
          await disable.mutateAsync(password);
          setPrompt(null);
          void message.success(t("security.disabled"));
        }}
      />
      <PasswordPrompt
        open={prompt === "renew"}
        title={t("security.renewTitle")}
        description={t("security.renewBody")}
        okText={t("security.renewCodes")}
        onClose={() => setPrompt(null)}
        submit={async (password) => {
          const result = await renew.mutateAsync(password);
          setPrompt(null);
          setCodes(result.codes);
        }}
      />
      <Modal
        open={codes !== null}
        title={t("recovery.title")}
        width={560}
        closable={false}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={() => setCodes(null)}>
            {t("recovery.saved")}
          </Button>
        }
      >
        {codes && <RecoveryCodes codes={codes} username={me.account.username} />}
      </Modal>
    </Card>
  );
}

function SessionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sessions = useOwnSessions();
  const end = useEndSession();

  return (
    <Card title={t("security.sessions")} className="stack-card">
      <Typography.Paragraph type="secondary">{t("security.sessionsBody")}</Typography.Paragraph>
      {sessions.isError && <Typography.Text type="danger">{errorMessage(sessions.error, t)}</Typography.Text>}
      <Table<OwnSession>
        rowKey="id"
        size="small"
        loading={sessions.isPending}
        dataSource={sessions.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          {
            key: "createdAt",
            title: t("security.signedInAt"),
            render: (_, s) => (
              <Space>
                {formatBeijing(s.createdAt)}
                {s.current && <Tag color="processing">{t("security.current")}</Tag>}
              </Space>
            ),
          },
          { key: "lastSeenAt", title: t("security.lastSeen"), render: (_, s) => formatBeijing(s.lastSeenAt) },
          { key: "sourceIp", title: t("security.source"), render: (_, s) => s.sourceIp ?? "—" },
          {
            key: "userAgent",
            title: t("security.browser"),
            ellipsis: true,
            render: (_, s) => <span title={s.userAgent ?? ""}>{browserOf(s.userAgent)}</span>,
          },
          {
            key: "actions",
            title: t("common.actions"),
            render: (_, s) =>
              s.current ? (
                <Typography.Text type="secondary">{t("security.thisSession")}</Typography.Text>
              ) : (
                <Popconfirm
                  title={t("security.endSessionConfirm")}
                  okText={t("security.endSession")}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    void end.mutateAsync(s.id).then(
                      () => void message.success(t("security.sessionEnded")),
                      (error: unknown) => void message.error(errorMessage(error, t)),
                    )
                  }
                >
                  <Button size="small" danger>
                    {t("security.endSession")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** A short browser name from a User-Agent ("Chrome 130", "Firefox 128"); the full string is in the tooltip. */
function browserOf(userAgent: string | null): string {
  if (!userAgent) return "—";
  const patterns: [RegExp, string][] = [
    [/Edg\/(\d+)/, "Edge"],
    [/Firefox\/(\d+)/, "Firefox"],
    [/(?:Chrome|Chromium)\/(\d+)/, "Chrome"],
    [/Version\/(\d+).*Safari/, "Safari"],
  ];
  for (const [pattern, name] of patterns) {
    const match = pattern.exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return userAgent.slice(0, 40);
}

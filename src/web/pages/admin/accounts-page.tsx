import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Account,
  type AccountFilters,
  type AccountStatus,
  type NewAccount,
  type OneTimePassword,
  useAccounts,
  useCreateAccount,
  useResetPassword,
  useUnlockAccount,
  useUpdateAccount,
} from "../../api/accounts";
import { errorMessage } from "../../api/error-message";
import { formatBeijing, roleName } from "../../components/format";
import { LoadMore } from "../../components/load-more";
import { usePageTitle } from "../../components/page-title";
import { UnitTreeSelect } from "../../components/unit-tree-select";
import { AdminPageHeader } from "./admin-page-header";
import { OneTimePasswordModal } from "./one-time-password-modal";
import { useFormSubmit } from "../../components/use-form-submit";

/** 账号管理 (system administrator): create accounts, enable/disable, reset passwords, unlock. */
export function AccountsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("nav.adminPages.accounts"));
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AccountFilters>({});
  const list = useAccounts(filters);
  const update = useUpdateAccount();
  const reset = useResetPassword();
  const unlock = useUnlockAccount();
  const [creating, setCreating] = useState(false);
  const [otp, setOtp] = useState<OneTimePassword | null>(null);

  const fail = (error: unknown) => void message.error(errorMessage(error, t));
  const locked = (a: Account) => a.lockedUntil !== null && Date.parse(a.lockedUntil) > Date.now();

  return (
    <div className="page">
      <AdminPageHeader
        page="accounts"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("accounts.create")}
          </Button>
        }
      />
      <Card>
        <Space wrap className="filters">
          <Input.Search
            allowClear
            placeholder={t("accounts.searchPlaceholder")}
            aria-label={t("accounts.searchPlaceholder")}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
            className="filter-search"
          />
          <Select<AccountStatus | "">
            value={filters.status ?? ""}
            onChange={(status) => setFilters((f) => ({ ...f, status: status || undefined }))}
            options={[
              { value: "", label: t("accounts.allStatuses") },
              { value: "active", label: t("accounts.status.active") },
              { value: "disabled", label: t("accounts.status.disabled") },
            ]}
            className="filter-select"
            aria-label={t("accounts.statusLabel")}
          />
        </Space>
        {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
        <Table<Account>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filters.q || filters.status ? t("common.noMatch") : t("accounts.empty")}
              />
            ),
          }}
          columns={[
            {
              key: "username",
              title: t("accounts.username"),
              render: (_, a) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{a.username}</Typography.Text>
                  <Typography.Text type="secondary">{a.displayName}</Typography.Text>
                </Space>
              ),
            },
            {
              key: "unit",
              title: t("accounts.unit"),
              render: (_, a) =>
                a.adminRole ? (
                  <Tag color="purple">{roleName(a.adminRole, i18n.language)}</Tag>
                ) : (
                  (a.person?.unitName ?? "—")
                ),
            },
            {
              key: "status",
              title: t("accounts.statusLabel"),
              render: (_, a) => (
                <Space size={4} wrap>
                  {a.status === "active" ? (
                    <Tag color="success">{t("accounts.status.active")}</Tag>
                  ) : (
                    <Tag color="default">{t("accounts.status.disabled")}</Tag>
                  )}
                  {locked(a) && (
                    <Tooltip title={t("accounts.lockedUntil", { time: formatBeijing(a.lockedUntil) })}>
                      <Tag color="error">{t("accounts.locked")}</Tag>
                    </Tooltip>
                  )}
                  {a.mustChangePassword && <Tag color="warning">{t("accounts.mustChange")}</Tag>}
                </Space>
              ),
            },
            {
              key: "totp",
              title: t("accounts.totp"),
              render: (_, a) =>
                a.totpEnabled ? <Tag color="blue">{t("security.on")}</Tag> : <Tag>{t("security.off")}</Tag>,
            },
            { key: "lastLogin", title: t("accounts.lastLogin"), render: (_, a) => formatBeijing(a.lastLoginAt) },
            {
              key: "actions",
              title: t("common.actions"),
              fixed: "right",
              render: (_, a) => {
                const why = a.abilities.manage ? undefined : t("accounts.notManageable");
                return (
                  <Space size={4} wrap>
                    {a.status === "active" ? (
                      <Popconfirm
                        title={t("accounts.disableConfirm", { name: a.displayName })}
                        description={t("accounts.disableBody")}
                        okText={t("accounts.disable")}
                        okButtonProps={{ danger: true }}
                        disabled={!a.abilities.manage}
                        onConfirm={() =>
                          void update
                            .mutateAsync({ id: a.id, status: "disabled" })
                            .then(() => void message.success(t("accounts.disabledDone")), fail)
                        }
                      >
                        <Tooltip title={why}>
                          <Button size="small" danger disabled={!a.abilities.manage}>
                            {t("accounts.disable")}
                          </Button>
                        </Tooltip>
                      </Popconfirm>
                    ) : (
                      <Tooltip title={why}>
                        <Button
                          size="small"
                          disabled={!a.abilities.manage}
                          onClick={() =>
                            void update
                              .mutateAsync({ id: a.id, status: "active" })
                              .then(() => void message.success(t("accounts.enabledDone")), fail)
                          }
                        >
                          {t("accounts.enable")}
                        </Button>
                      </Tooltip>
                    )}
                    <Popconfirm
                      title={t("accounts.resetConfirm", { name: a.displayName })}
                      description={t("accounts.resetBody")}
                      okText={t("accounts.reset")}
                      disabled={!a.abilities.manage}
                      onConfirm={() => void reset.mutateAsync(a.id).then(setOtp, fail)}
                    >
                      <Tooltip title={why}>
                        <Button size="small" disabled={!a.abilities.manage}>
                          {t("accounts.reset")}
                        </Button>
                      </Tooltip>
                    </Popconfirm>
                    {locked(a) && (
                      <Button
                        size="small"
                        disabled={!a.abilities.manage}
                        onClick={() =>
                          void unlock.mutateAsync(a.id).then(() => void message.success(t("accounts.unlocked")), fail)
                        }
                      >
                        {t("accounts.unlock")}
                      </Button>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
        <LoadMore
          count={list.items.length}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
        />
      </Card>
      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setOtp(result);
        }}
      />
      <OneTimePasswordModal value={otp} onClose={() => setOtp(null)} />
    </div>
  );
}

function CreateAccountModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (result: OneTimePassword) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewAccount>();
  const create = useCreateAccount();

  const { submit, problem } = useFormSubmit<NewAccount>(form, async (values) => {
    const result = await create.mutateAsync({
      ...values,
      username: values.username.trim(),
      displayName: values.displayName.trim(),
    });
    form.resetFields();
    onCreated(result);
  });

  return (
    <Modal
      open={open}
      title={t("accounts.createTitle")}
      okText={t("accounts.createSubmit")}
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<NewAccount> form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item
          name="username"
          label={t("accounts.username")}
          extra={t("accounts.usernameHint")}
          rules={[
            { required: true, whitespace: true, message: t("accounts.usernameRequired") },
            { min: 3, max: 64, message: t("accounts.usernameLength") },
            { pattern: /^\s*[A-Za-z0-9._-]+\s*$/, message: t("accounts.usernameFormat") },
          ]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("accounts.displayName")}
          rules={[{ required: true, whitespace: true, message: t("accounts.displayNameRequired") }]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t("accounts.unit")}
          rules={[{ required: true, message: t("accounts.unitRequired") }]}
        >
          <UnitTreeSelect />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t("accounts.createNote")}</Typography.Paragraph>
    </Modal>
  );
}

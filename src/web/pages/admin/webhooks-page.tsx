import { PlusOutlined, SendOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Radio,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import {
  type SaveWebhooksRequest,
  type WebhookFormat,
  type WebhookView,
  useObligationSettings,
  useSaveWebhooks,
  useTestWebhooks,
  WEBHOOK_FORMAT_LIST,
} from "../../api/obligations";
import { usePageTitle } from "../../components/page-title";
import { useFormSubmit } from "../../components/use-form-submit";
import { AdminPageHeader } from "./admin-page-header";

/** As many targets as the server takes (SaveWebhooksRequestSchema). */
const MAX_TARGETS = 20;

type Target = SaveWebhooksRequest["webhooks"][number];

/** A saved target as the list is sent back: the secret is not known here, and the server keeps it by URL. */
const asTarget = (w: WebhookView): Target => ({ url: w.url, format: w.format, ...(w.name ? { name: w.name } : {}) });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * 通知 Webhook (system administrator): where reminders are posted besides 待办 and e-mail — DingTalk and WeCom group
 * robots, or the institution's own receiver — and a test message to each. An outside connection, hence configuration
 * (config.manage), not the secrecy office's.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.adminPages.webhooks"));
  const { message } = App.useApp();
  const settings = useObligationSettings();
  const save = useSaveWebhooks();
  const test = useTestWebhooks();
  // The index of the target in the dialog; `webhooks.length` for a new one.
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const webhooks = settings.data?.webhooks ?? [];

  const remove = (index: number) => {
    setRemoving(index);
    save.mutate(
      { webhooks: webhooks.filter((_, i) => i !== index).map(asTarget) },
      {
        onSuccess: () => {
          test.reset();
          void message.success(t("webhooks.removed"));
        },
        onError: (error) => void message.error(errorMessage(error, t)),
        onSettled: () => setRemoving(null),
      },
    );
  };

  const sendTest = () => test.mutate(undefined, { onError: (error) => void message.error(errorMessage(error, t)) });

  return (
    <div className="page">
      <AdminPageHeader
        page="webhooks"
        extra={
          <Space wrap>
            <Button
              icon={<SendOutlined />}
              onClick={sendTest}
              loading={test.isPending}
              disabled={webhooks.length === 0}
            >
              {t("webhooks.test")}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(webhooks.length)}
              disabled={!settings.data || webhooks.length >= MAX_TARGETS}
            >
              {t("webhooks.add")}
            </Button>
          </Space>
        }
      />
      <Space orientation="vertical" size="middle" className="full-width">
        <Alert
          type="warning"
          showIcon
          title={t("webhooks.tokenTitle")}
          description={
            <ul className="policy-list">
              <li>{t("webhooks.tokenBody")}</li>
              <li>{t("webhooks.intranet")}</li>
              <li>{t("webhooks.content")}</li>
            </ul>
          }
        />
        <Card>
          {settings.isPending ? (
            <Skeleton active />
          ) : settings.isError ? (
            <Alert type="error" showIcon title={errorMessage(settings.error, t)} />
          ) : (
            <>
              <Table<WebhookView & { index: number }>
                rowKey="index"
                size="middle"
                dataSource={webhooks.map((w, index) => ({ ...w, index }))}
                pagination={false}
                scroll={{ x: 860 }}
                data-testid="webhooks"
                locale={{
                  emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("webhooks.empty")} />,
                }}
                columns={[
                  {
                    key: "name",
                    title: t("webhooks.name"),
                    width: 180,
                    render: (_, w) =>
                      w.name ? (
                        <Typography.Text strong>{w.name}</Typography.Text>
                      ) : (
                        <Typography.Text type="secondary">{t("webhooks.unnamed")}</Typography.Text>
                      ),
                  },
                  {
                    key: "url",
                    title: t("webhooks.url"),
                    render: (_, w) => (
                      <Typography.Text className="mono webhook-url" ellipsis={{ tooltip: w.url }}>
                        {w.url}
                      </Typography.Text>
                    ),
                  },
                  {
                    key: "format",
                    title: t("webhooks.format"),
                    width: 140,
                    render: (_, w) => <Tag>{t(`webhooks.formats.${w.format}`)}</Tag>,
                  },
                  {
                    key: "secret",
                    title: t("webhooks.secret"),
                    width: 100,
                    render: (_, w) =>
                      w.hasSecret ? (
                        <Tag color="green">{t("webhooks.secretSet")}</Tag>
                      ) : (
                        <Tag>{t("webhooks.secretNotSet")}</Tag>
                      ),
                  },
                  {
                    key: "actions",
                    title: t("common.actions"),
                    width: 130,
                    render: (_, w) => (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditing(w.index)}>
                          {t("webhooks.edit")}
                        </Button>
                        <Popconfirm
                          title={t("webhooks.removeConfirm")}
                          description={t("webhooks.removeBody")}
                          onConfirm={() => remove(w.index)}
                        >
                          <Button size="small" danger loading={removing === w.index}>
                            {t("webhooks.remove")}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]}
              />
              {webhooks.length >= MAX_TARGETS && (
                <Typography.Paragraph type="secondary" className="card-note">
                  {t("webhooks.limit", { count: MAX_TARGETS })}
                </Typography.Paragraph>
              )}
            </>
          )}
        </Card>
        {test.data && (
          <Card title={t("webhooks.testTitle")} data-testid="webhook-test-results">
            <Typography.Paragraph type="secondary">
              {t("webhooks.testSummary", {
                count: test.data.results.length,
                ok: test.data.results.filter((r) => r.ok).length,
                failed: test.data.results.filter((r) => !r.ok).length,
              })}
            </Typography.Paragraph>
            <List
              dataSource={test.data.results.map((r, index) => ({ ...r, index }))}
              rowKey="index"
              renderItem={(r) => (
                <List.Item data-testid="webhook-test-result">
                  <Space orientation="vertical" size={2}>
                    <Space wrap>
                      {r.ok ? (
                        <Tag color="green">{t("webhooks.testOk")}</Tag>
                      ) : (
                        <Tag color="red">{t("webhooks.testFailed")}</Tag>
                      )}
                      {webhooks[r.index]?.name && <Typography.Text strong>{webhooks[r.index]?.name}</Typography.Text>}
                      <Typography.Text className="mono">{r.url}</Typography.Text>
                    </Space>
                    {r.error && <Typography.Text type="danger">{r.error}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        )}
      </Space>
      {editing !== null && (
        <WebhookModal
          index={editing}
          webhooks={webhooks}
          onSaved={() => test.reset()}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

interface WebhookForm {
  format: WebhookFormat;
  url: string;
  name?: string;
  secret?: string;
}

/** Adds a target (index = the list's length) or changes one; either way the whole list is saved. */
function WebhookModal({
  index,
  webhooks,
  onSaved,
  onClose,
}: {
  index: number;
  webhooks: WebhookView[];
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WebhookForm>();
  const save = useSaveWebhooks();
  const current = webhooks[index];
  const format = Form.useWatch("format", form) ?? current?.format ?? "generic";
  const url = Form.useWatch("url", form) ?? current?.url ?? "";
  const aliases = Object.fromEntries(
    (["url", "format", "name", "secret"] as const).map((field) => [`body.webhooks.${index}.${field}`, field]),
  );
  const { submit, problem } = useFormSubmit<WebhookForm>(
    form,
    async (values) => {
      const name = values.name?.trim();
      const secret = values.format === "wecom" ? undefined : values.secret?.trim();
      const target: Target = {
        url: values.url.trim(),
        format: values.format,
        ...(name ? { name } : {}),
        ...(secret ? { secret } : {}),
      };
      const list = webhooks.map(asTarget);
      list[index] = target;
      await save.mutateAsync({ webhooks: list });
      onSaved();
      void message.success(t("webhooks.saved"));
      onClose();
    },
    aliases,
  );

  const secretKept = current?.hasSecret === true && url.trim() === current.url;
  const secretLost = current?.hasSecret === true && url.trim() !== current.url;

  return (
    <Modal
      open
      title={current ? t("webhooks.editTitle") : t("webhooks.addTitle")}
      okText={t("common.save")}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<WebhookForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          current ? { format: current.format, url: current.url, name: current.name ?? "" } : { format: "generic" }
        }
      >
        <Form.Item name="format" label={t("webhooks.format")} extra={t(`webhooks.formatHints.${format}`)}>
          <Radio.Group
            optionType="button"
            options={WEBHOOK_FORMAT_LIST.map((f) => ({ value: f, label: t(`webhooks.formats.${f}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="url"
          label={t("webhooks.url")}
          rules={[
            { required: true, whitespace: true, message: t("webhooks.urlRequired") },
            { max: 2000, message: t("webhooks.urlTooLong") },
            {
              validator: (_, value: string | undefined) => {
                const text = (value ?? "").trim();
                if (text === "" || isHttpUrl(text)) return Promise.resolve();
                return Promise.reject(new Error(t("webhooks.urlInvalid")));
              },
            },
            {
              validator: (_, value: string | undefined) =>
                webhooks.some((w, i) => i !== index && w.url === (value ?? "").trim())
                  ? Promise.reject(new Error(t("webhooks.urlDuplicate")))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea
            className="mono"
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={URL_PLACEHOLDERS[format]}
            spellCheck={false}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("webhooks.name")}
          extra={t("webhooks.nameHint")}
          rules={[{ max: 100, message: t("webhooks.nameTooLong") }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t("webhooks.secret")}
          extra={
            <>
              <div>{t(`webhooks.secretHints.${format}`)}</div>
              {format !== "wecom" && secretKept && <div>{t("webhooks.secretKept")}</div>}
              {format !== "wecom" && secretLost && (
                <Typography.Text type="warning">{t("webhooks.secretLost")}</Typography.Text>
              )}
            </>
          }
          rules={[{ max: 200, message: t("webhooks.secretTooLong") }]}
        >
          <Input.Password
            autoComplete="new-password"
            maxLength={200}
            disabled={format === "wecom"}
            placeholder={secretKept ? t("webhooks.secretSet") : undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const URL_PLACEHOLDERS: Record<WebhookFormat, string> = {
  generic: "https://relay.example.edu.cn/baomi",
  dingtalk: "https://oapi.dingtalk.com/robot/send?access_token=…",
  wecom: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
};

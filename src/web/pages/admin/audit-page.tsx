import { DownloadOutlined, ReloadOutlined, SearchOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Dropdown,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isAdminRole, isBusinessRole } from "../../../domain/roles";
import {
  type AuditEntryView,
  type AuditFilters,
  type AuditResult,
  type ExportFormat,
  useAuditEntries,
  useAuditExport,
} from "../../api/audit";
import { errorMessage } from "../../api/error-message";
import { useCurrentUser } from "../../app/access";
import { beijingInstant, type PickedDate } from "../../components/dates";
import { formatBeijing, localized, roleName } from "../../components/format";
import { usePageTitle } from "../../components/page-title";
import { saveBlob } from "../../components/save-blob";
import { LoadMore } from "../../components/load-more";
import { AdminPageHeader } from "./admin-page-header";
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_PREFIXES } from "./audit-actions";

const RESULT_COLOURS: Record<AuditResult, string> = { success: "success", failure: "warning", denied: "error" };
const RESULTS: readonly AuditResult[] = ["success", "failure", "denied"];

interface FilterForm {
  range?: [PickedDate | null, PickedDate | null] | null;
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: AuditResult;
}

function toFilters(values: FilterForm): AuditFilters {
  const text = (value: string | undefined) => value?.trim() || undefined;
  return {
    from: beijingInstant(values.range?.[0]),
    to: beijingInstant(values.range?.[1]),
    actor: text(values.actor),
    action: text(values.action),
    objectType: text(values.objectType),
    objectId: text(values.objectId),
    result: values.result,
  };
}

/** An action's words in the interface language, or the raw name for actions without a label. */
export function actionLabel(action: string, language: string): string {
  const label = AUDIT_ACTION_LABELS[action];
  return label ? localized(label, language) : action;
}

function actorRoleName(role: string | null, language: string): string | null {
  if (!role) return null;
  return isAdminRole(role) || isBusinessRole(role) ? roleName(role, language) : role;
}

/**
 * 审计日志 (auditor): every audited action, newest first, filtered by time, actor, action, object and result, with the
 * full entry in a drawer and an export of exactly what the filters select. Read-only: the log is append-only and
 * hash-chained, and is kept at least six months (网络安全法 第二十一条).
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("nav.adminPages.audit"));
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const list = useAuditEntries(filters);
  const exporter = useAuditExport();
  const [selected, setSelected] = useState<AuditEntryView | null>(null);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const download = (format: ExportFormat) =>
    exporter.mutate(
      { filters, format },
      {
        onSuccess: ({ blob, filename }) => {
          saveBlob(blob, filename);
          void message.success(t("audit.exported"));
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  const actionOptions = [
    ...Object.entries(AUDIT_ACTION_PREFIXES).map(([value, label]) => ({
      value,
      label: `${value}  ${localized(label, i18n.language)}`,
    })),
    ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
      value,
      label: `${value}  ${localized(label, i18n.language)}`,
    })),
  ];

  return (
    <div className="page">
      <AdminPageHeader
        page="audit"
        extra={
          me.abilities["audit.export"] ? (
            <Dropdown
              menu={{
                items: [
                  { key: "csv", label: t("audit.exportCsv") },
                  { key: "jsonl", label: t("audit.exportJsonl") },
                ],
                onClick: ({ key }) => download(key as ExportFormat),
              }}
            >
              <Button icon={<DownloadOutlined />} loading={exporter.isPending}>
                {t("audit.export")}
              </Button>
            </Dropdown>
          ) : undefined
        }
      />
      <Card className="audit-filters">
        <Form<FilterForm>
          form={form}
          layout="vertical"
          className="filter-grid"
          onFinish={(values) => setFilters(toFilters(values))}
        >
          <Form.Item name="range" label={t("audit.time")} className="filter-range">
            <DatePicker.RangePicker
              showTime={{ format: "HH:mm" }}
              format="YYYY-MM-DD HH:mm"
              allowEmpty={[true, true]}
              placeholder={[t("audit.from"), t("audit.to")]}
              className="full-width"
            />
          </Form.Item>
          <Form.Item name="actor" label={t("audit.actor")}>
            <Input allowClear placeholder={t("audit.actorPlaceholder")} maxLength={64} />
          </Form.Item>
          <Form.Item name="action" label={t("audit.action")}>
            <AutoComplete
              allowClear
              options={actionOptions}
              placeholder={t("audit.actionPlaceholder")}
              showSearch={{
                filterOption: (input, option) =>
                  (option?.label ?? "").toString().toLowerCase().includes(input.toLowerCase()),
              }}
              popupMatchSelectWidth={320}
            />
          </Form.Item>
          <Form.Item name="objectType" label={t("audit.objectType")}>
            <Input allowClear placeholder={t("audit.objectTypePlaceholder")} maxLength={64} />
          </Form.Item>
          <Form.Item name="objectId" label={t("audit.objectId")}>
            <Input allowClear maxLength={64} />
          </Form.Item>
          <Form.Item name="result" label={t("audit.result")}>
            <Select<AuditResult>
              allowClear
              placeholder={t("audit.allResults")}
              options={RESULTS.map((r) => ({ value: r, label: t(`audit.results.${r}`) }))}
            />
          </Form.Item>
          <Form.Item label=" " className="filter-buttons">
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t("audit.search")}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t("common.reset")}
              </Button>
              <Button
                icon={<ReloadOutlined />}
                aria-label={t("common.refresh")}
                title={t("common.refresh")}
                onClick={() => void list.refetch()}
              />
            </Space>
          </Form.Item>
        </Form>
        <Typography.Text type="secondary" className="audit-zone-note">
          {t("audit.zoneNote")}
        </Typography.Text>
      </Card>
      <Card>
        {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
        <Table<AuditEntryView>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 980 }}
          onRow={(entry) => ({ onClick: () => setSelected(entry), className: "clickable-row" })}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? t("audit.noMatch") : t("audit.empty")}
              />
            ),
          }}
          columns={[
            {
              key: "at",
              title: t("audit.at"),
              width: 205,
              render: (_, e) => <span className="mono nowrap">{formatBeijing(e.at)}</span>,
            },
            {
              key: "actor",
              title: t("audit.actor"),
              width: 130,
              render: (_, e) =>
                e.actorUsername ? (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text>{e.actorUsername}</Typography.Text>
                    <Typography.Text type="secondary">{actorRoleName(e.actorRole, i18n.language)}</Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t("audit.anonymous")}</Typography.Text>
                ),
            },
            {
              key: "action",
              title: t("audit.action"),
              width: 170,
              render: (_, e) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{actionLabel(e.action, i18n.language)}</Typography.Text>
                  <Typography.Text type="secondary" className="mono">
                    {e.action}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: "object",
              title: t("audit.object"),
              ellipsis: true,
              render: (_, e) => (e.objectType ? `${e.objectType}${e.objectId ? ` · ${e.objectId}` : ""}` : "—"),
            },
            {
              key: "result",
              title: t("audit.result"),
              width: 90,
              render: (_, e) => <Tag color={RESULT_COLOURS[e.result]}>{t(`audit.results.${e.result}`)}</Tag>,
            },
            { key: "ip", title: t("audit.sourceIp"), width: 120, render: (_, e) => e.sourceIp ?? "—" },
            {
              key: "details",
              title: "",
              width: 70,
              fixed: "right",
              render: (_, e) => (
                <Button
                  size="small"
                  type="link"
                  onClick={(event) => {
                    event.stopPropagation();
                    setSelected(e);
                  }}
                >
                  {t("audit.details")}
                </Button>
              ),
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
      <EntryDrawer entry={selected} onClose={() => setSelected(null)} />
    </div>
  );
}

function EntryDrawer({ entry, onClose }: { entry: AuditEntryView | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      size={560}
      title={entry ? `${actionLabel(entry.action, i18n.language)} · #${entry.seq}` : ""}
      className="audit-drawer"
    >
      {entry && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: "seq", label: t("audit.seq"), children: entry.seq },
              { key: "at", label: t("audit.at"), children: formatBeijing(entry.at) },
              { key: "actor", label: t("audit.actor"), children: entry.actorUsername ?? t("audit.anonymous") },
              {
                key: "role",
                label: t("audit.role"),
                children: actorRoleName(entry.actorRole, i18n.language) ?? "—",
              },
              {
                key: "action",
                label: t("audit.action"),
                children: `${actionLabel(entry.action, i18n.language)}（${entry.action}）`,
              },
              {
                key: "object",
                label: t("audit.object"),
                children: entry.objectType ? `${entry.objectType} · ${entry.objectId ?? "—"}` : "—",
              },
              {
                key: "result",
                label: t("audit.result"),
                children: <Tag color={RESULT_COLOURS[entry.result]}>{t(`audit.results.${entry.result}`)}</Tag>,
              },
              { key: "ip", label: t("audit.sourceIp"), children: entry.sourceIp ?? "—" },
              {
                key: "request",
                label: t("audit.requestId"),
                children: entry.requestId ? (
                  <Typography.Text copyable className="mono">
                    {entry.requestId}
                  </Typography.Text>
                ) : (
                  "—"
                ),
              },
              { key: "id", label: t("audit.entryId"), children: <span className="mono">{entry.id}</span> },
            ]}
          />
          <Typography.Title level={5} className="drawer-section">
            {t("audit.detailsJson")}
          </Typography.Title>
          <pre className="json-block" data-testid="audit-details-json">
            {JSON.stringify(entry.details, null, 2)}
          </pre>
        </>
      )}
    </Drawer>
  );
}

import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BUSINESS_ROLES, ROLE_NAMES, type BusinessRole } from "../../../domain/roles";
import { type GrantFilters, type GrantView, useCreateGrant, useGrants, useRevokeGrant } from "../../api/access";
import { errorMessage } from "../../api/error-message";
import { calendarDate, type PickedDate } from "../../components/dates";
import { formatBeijing, roleName, todayInBeijing } from "../../components/format";
import { LoadMore } from "../../components/load-more";
import { usePageTitle } from "../../components/page-title";
import { AccountPicker } from "../../components/pickers";
import { UnitTreeSelect } from "../../components/unit-tree-select";
import { AdminPageHeader } from "./admin-page-header";
import { useFormSubmit } from "../../components/use-form-submit";

/** A grant's state on today's date: in force, not started, expired, or revoked. */
function grantState(g: GrantView): "active" | "future" | "expired" | "revoked" {
  if (g.revokedAt) return "revoked";
  const today = todayInBeijing();
  if (g.startsOn > today) return "future";
  if (g.endsOn !== null && g.endsOn < today) return "expired";
  return "active";
}

const STATE_COLOURS = { active: "success", future: "processing", expired: "default", revoked: "error" } as const;

/** The role options: Chinese name plus the article of the implementing rules that gives the role its duties. */
function useRoleOptions() {
  const { t, i18n } = useTranslation();
  return BUSINESS_ROLES.map((role) => {
    const article = ROLE_NAMES[role].article;
    return {
      value: role,
      label: article
        ? `${roleName(role, i18n.language)}（${t("grants.article", { article })}）`
        : roleName(role, i18n.language),
    };
  });
}

/** 授权管理 (security administrator): business roles granted on a unit subtree, with dates; revocation. */
export function GrantsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("nav.adminPages.grants"));
  const { message } = App.useApp();
  const [filters, setFilters] = useState<GrantFilters>({ includeRevoked: false });
  const list = useGrants(filters);
  const revoke = useRevokeGrant();
  const [creating, setCreating] = useState(false);
  const roleOptions = useRoleOptions();
  const filtered = filters.accountId !== undefined || filters.role !== undefined;

  return (
    <div className="page">
      <AdminPageHeader
        page="grants"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("grants.create")}
          </Button>
        }
      />
      <Card>
        <Space wrap className="filters">
          <div className="filter-picker">
            <AccountPicker
              allowClear
              placeholder={t("grants.filterAccount")}
              value={filters.accountId}
              onChange={(accountId) => setFilters((f) => ({ ...f, accountId }))}
            />
          </div>
          <Select<BusinessRole | "">
            value={filters.role ?? ""}
            onChange={(role) => setFilters((f) => ({ ...f, role: role || undefined }))}
            options={[{ value: "", label: t("grants.allRoles") }, ...roleOptions]}
            className="filter-select-wide"
            aria-label={t("grants.role")}
            popupMatchSelectWidth={false}
          />
          <Space>
            <Switch
              checked={filters.includeRevoked}
              onChange={(includeRevoked) => setFilters((f) => ({ ...f, includeRevoked }))}
              aria-label={t("grants.includeRevoked")}
            />
            <Typography.Text>{t("grants.includeRevoked")}</Typography.Text>
          </Space>
        </Space>
        {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
        <Table<GrantView>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? t("common.noMatch") : t("grants.empty")}
              />
            ),
          }}
          columns={[
            {
              key: "account",
              title: t("grants.account"),
              render: (_, g) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{g.displayName}</Typography.Text>
                  <Typography.Text type="secondary">{g.username}</Typography.Text>
                </Space>
              ),
            },
            { key: "role", title: t("grants.role"), render: (_, g) => roleName(g.role, i18n.language) },
            { key: "unit", title: t("grants.scope"), render: (_, g) => t("grants.scopeValue", { unit: g.unitName }) },
            {
              key: "period",
              title: t("grants.period"),
              render: (_, g) => `${g.startsOn} ~ ${g.endsOn ?? t("grants.openEnded")}`,
            },
            {
              key: "state",
              title: t("grants.state"),
              render: (_, g) => {
                const state = grantState(g);
                return (
                  <Tag color={STATE_COLOURS[state]} title={g.revokedAt ? formatBeijing(g.revokedAt) : undefined}>
                    {t(`grants.states.${state}`)}
                  </Tag>
                );
              },
            },
            {
              key: "actions",
              title: t("common.actions"),
              fixed: "right",
              render: (_, g) =>
                g.revokedAt ? null : (
                  <Popconfirm
                    title={t("grants.revokeConfirm", { name: g.displayName, role: roleName(g.role, i18n.language) })}
                    description={t("grants.revokeBody")}
                    okText={t("grants.revoke")}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      void revoke.mutateAsync(g.id).then(
                        () => void message.success(t("grants.revoked")),
                        (error: unknown) => void message.error(errorMessage(error, t)),
                      )
                    }
                  >
                    <Button size="small" danger>
                      {t("grants.revoke")}
                    </Button>
                  </Popconfirm>
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
      <CreateGrantModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

interface GrantForm {
  accountId: string;
  role: BusinessRole;
  unitId: string;
  startsOn?: PickedDate | null;
  endsOn?: PickedDate | null;
}

function CreateGrantModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantForm>();
  const create = useCreateGrant();
  const roleOptions = useRoleOptions();

  const { submit, problem, clearProblem } = useFormSubmit<GrantForm>(form, async (values) => {
    await create.mutateAsync({
      accountId: values.accountId,
      role: values.role,
      unitId: values.unitId,
      startsOn: calendarDate(values.startsOn) ?? todayInBeijing(),
      endsOn: calendarDate(values.endsOn),
    });
    form.resetFields();
    void message.success(t("grants.created"));
    onClose();
  });

  return (
    <Modal
      open={open}
      title={t("grants.createTitle")}
      okText={t("grants.createSubmit")}
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      destroyOnHidden
    >
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<GrantForm> form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item
          name="accountId"
          label={t("grants.account")}
          rules={[{ required: true, message: t("grants.accountRequired") }]}
        >
          <AccountPicker />
        </Form.Item>
        <Form.Item name="role" label={t("grants.role")} rules={[{ required: true, message: t("grants.roleRequired") }]}>
          <Select<BusinessRole>
            options={roleOptions}
            placeholder={t("grants.rolePlaceholder")}
            showSearch={{ optionFilterProp: "label" }}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t("grants.scope")}
          extra={t("grants.scopeHint")}
          rules={[{ required: true, message: t("grants.scopeRequired") }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Space wrap className="date-pair">
          <Form.Item name="startsOn" label={t("grants.startsOn")} extra={t("grants.startsOnHint")}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t("grants.endsOn")}
            extra={t("grants.endsOnHint")}
            dependencies={["startsOn"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: PickedDate | null | undefined) => {
                  const start = calendarDate(getFieldValue("startsOn") as PickedDate | null) ?? todayInBeijing();
                  const end = calendarDate(value);
                  return end === null || end >= start
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("grants.endBeforeStart")));
                },
              }),
            ]}
          >
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

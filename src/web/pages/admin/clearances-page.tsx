import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Empty, Form, Modal, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TIERS, type Tier } from "../../../domain/roles";
import {
  type ClearanceFilters,
  type ClearanceView,
  useClearances,
  useCreateClearance,
  useEndClearance,
} from "../../api/access";
import { errorMessage } from "../../api/error-message";
import { calendarDate, type PickedDate } from "../../components/dates";
import { tierName, todayInBeijing } from "../../components/format";
import { LoadMore } from "../../components/load-more";
import { usePageTitle } from "../../components/page-title";
import { PersonPicker } from "../../components/pickers";
import { AdminPageHeader } from "./admin-page-header";
import { useFormSubmit } from "../../components/use-form-submit";

const TIER_COLOURS: Record<Tier, string> = { CORE: "red", IMPORTANT: "orange", GENERAL: "blue" };

/** 涉密人员等级 (security administrator): each cleared person's tier (保密法 2024 第四十三条), with dates. */
export function ClearancesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("nav.adminPages.clearances"));
  const [filters, setFilters] = useState<ClearanceFilters>({});
  const list = useClearances(filters);
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<ClearanceView | null>(null);
  const filtered = filters.personId !== undefined || filters.tier !== undefined;
  const tierOptions = TIERS.map((tier) => ({ value: tier, label: tierName(tier, i18n.language) }));

  return (
    <div className="page">
      <AdminPageHeader
        page="clearances"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("clearances.create")}
          </Button>
        }
      />
      <Card>
        <Space wrap className="filters">
          <div className="filter-picker">
            <PersonPicker
              allowClear
              placeholder={t("clearances.filterPerson")}
              value={filters.personId}
              onChange={(personId) => setFilters((f) => ({ ...f, personId }))}
            />
          </div>
          <Select<Tier | "">
            value={filters.tier ?? ""}
            onChange={(tier) => setFilters((f) => ({ ...f, tier: tier || undefined }))}
            options={[{ value: "", label: t("clearances.allTiers") }, ...tierOptions]}
            className="filter-select"
            aria-label={t("clearances.tier")}
          />
        </Space>
        {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
        <Table<ClearanceView>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? t("common.noMatch") : t("clearances.empty")}
              />
            ),
          }}
          columns={[
            {
              key: "person",
              title: t("clearances.person"),
              render: (_, c) => <Typography.Text strong>{c.personName}</Typography.Text>,
            },
            { key: "unit", title: t("clearances.unit"), render: (_, c) => c.unitName ?? "—" },
            {
              key: "tier",
              title: t("clearances.tier"),
              render: (_, c) => <Tag color={TIER_COLOURS[c.tier]}>{tierName(c.tier, i18n.language)}</Tag>,
            },
            {
              key: "period",
              title: t("clearances.period"),
              render: (_, c) => `${c.startsOn} ~ ${c.endsOn ?? t("grants.openEnded")}`,
            },
            {
              key: "state",
              title: t("clearances.state"),
              render: (_, c) =>
                c.active ? <Tag color="success">{t("clearances.active")}</Tag> : <Tag>{t("clearances.inactive")}</Tag>,
            },
            {
              key: "actions",
              title: t("common.actions"),
              fixed: "right",
              render: (_, c) =>
                c.active ? (
                  <Button size="small" danger onClick={() => setEnding(c)}>
                    {t("clearances.end")}
                  </Button>
                ) : null,
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
      <CreateClearanceModal open={creating} onClose={() => setCreating(false)} />
      <EndClearanceModal clearance={ending} onClose={() => setEnding(null)} />
    </div>
  );
}

interface ClearanceForm {
  personId: string;
  tier: Tier;
  startsOn?: PickedDate | null;
  endsOn?: PickedDate | null;
}

function CreateClearanceModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClearanceForm>();
  const create = useCreateClearance();

  const { submit, problem, clearProblem } = useFormSubmit<ClearanceForm>(form, async (values) => {
    await create.mutateAsync({
      personId: values.personId,
      tier: values.tier,
      startsOn: calendarDate(values.startsOn) ?? todayInBeijing(),
      endsOn: calendarDate(values.endsOn),
    });
    form.resetFields();
    void message.success(t("clearances.created"));
    onClose();
  });

  return (
    <Modal
      open={open}
      title={t("clearances.createTitle")}
      okText={t("clearances.createSubmit")}
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      destroyOnHidden
    >
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<ClearanceForm> form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item
          name="personId"
          label={t("clearances.person")}
          rules={[{ required: true, message: t("clearances.personRequired") }]}
        >
          <PersonPicker />
        </Form.Item>
        <Form.Item
          name="tier"
          label={t("clearances.tier")}
          extra={t("clearances.tierHint")}
          rules={[{ required: true, message: t("clearances.tierRequired") }]}
        >
          <Select<Tier> options={TIERS.map((tier) => ({ value: tier, label: tierName(tier, i18n.language) }))} />
        </Form.Item>
        <Space wrap className="date-pair">
          <Form.Item name="startsOn" label={t("grants.startsOn")} extra={t("grants.startsOnHint")}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t("grants.endsOn")} extra={t("grants.endsOnHint")}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function EndClearanceModal({ clearance, onClose }: { clearance: ClearanceView | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ endsOn?: PickedDate | null }>();
  const end = useEndClearance();
  const { submit, problem } = useFormSubmit(form, async (values) => {
    if (!clearance) return;
    await end.mutateAsync({ id: clearance.id, endsOn: calendarDate(values.endsOn) ?? todayInBeijing() });
    void message.success(t("clearances.ended"));
    onClose();
  });

  return (
    <Modal
      open={clearance !== null}
      title={t("clearances.endTitle")}
      okText={t("clearances.end")}
      okButtonProps={{ danger: true }}
      confirmLoading={end.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {clearance && (
        <Typography.Paragraph>
          {t("clearances.endBody", { name: clearance.personName, tier: tierName(clearance.tier, i18n.language) })}
        </Typography.Paragraph>
      )}
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="endsOn" label={t("clearances.endsOn")} extra={t("clearances.endsOnHint")}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

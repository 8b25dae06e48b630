import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Drawer, Empty, Form, Input, Modal, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { allowed, useCurrentUser } from "../../app/access";
import { errorMessage } from "../../api/error-message";
import {
  type PeopleFilters,
  type PersonView,
  useAppointments,
  useCreatePerson,
  usePeople,
  useUpdatePerson,
} from "../../api/org";
import { LoadMore } from "../../components/load-more";
import { UnitTreeSelect } from "../../components/unit-tree-select";
import { OrgPageHeader } from "./org-page-header";
import { AppointmentTable } from "./units-page";
import { useFormSubmit } from "../../components/use-form-submit";

/** 人员: the people of the units in scope, with their appointments; the secrecy office adds and corrects them. */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [filters, setFilters] = useState<PeopleFilters>({});
  const list = usePeople(filters);
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<PersonView | "new" | null>(null);
  const canManage = allowed(me, "org.manage");
  const openPersonId = params.get("personId");
  const openPerson = list.items.find((p) => p.id === openPersonId);

  const showAppointments = (id: string | null) =>
    setParams(
      (p) => {
        if (id) p.set("personId", id);
        else p.delete("personId");
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <OrgPageHeader
        page="people"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
              {t("org.people.create")}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap className="filters">
          <Input.Search
            allowClear
            placeholder={t("org.people.search")}
            aria-label={t("org.people.search")}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
            className="filter-search"
          />
          <div className="filter-picker">
            <UnitFilter value={filters.unitId} onChange={(unitId) => setFilters((f) => ({ ...f, unitId }))} />
          </div>
        </Space>
        {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
        <Table<PersonView>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filters.q || filters.unitId ? t("common.noMatch") : t("org.people.empty")}
              />
            ),
          }}
          columns={[
            {
              key: "name",
              title: t("org.people.name"),
              render: (_, p) => <Typography.Text strong>{p.name}</Typography.Text>,
            },
            { key: "staffNo", title: t("org.people.staffNo"), render: (_, p) => p.staffNo ?? "—" },
            {
              key: "email",
              title: t("org.people.email"),
              render: (_, p) =>
                p.email ? <Typography.Text copyable={{ text: p.email }}>{p.email}</Typography.Text> : "—",
            },
            { key: "unit", title: t("org.people.unit"), render: (_, p) => p.unitName ?? "—" },
            {
              key: "actions",
              title: t("common.actions"),
              render: (_, p) => (
                <Space size={4}>
                  <Button size="small" onClick={() => showAppointments(p.id)}>
                    {t("org.people.appointments")}
                  </Button>
                  {p.abilities.manage && (
                    <Button size="small" onClick={() => setEditing(p)}>
                      {t("org.people.edit")}
                    </Button>
                  )}
                </Space>
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
      {openPersonId && (
        <PersonAppointments
          personId={openPersonId}
          name={openPerson?.name}
          canManage={openPerson?.abilities.manage ?? canManage}
          onClose={() => showAppointments(null)}
        />
      )}
      {editing && <PersonModal person={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

/** A unit filter that can be cleared (the unit tree select itself always holds one unit). */
function UnitFilter({ value, onChange }: { value?: string; onChange: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Space.Compact className="full-width">
      <UnitTreeSelect value={value} onChange={onChange} />
      {value && <Button onClick={() => onChange(undefined)}>{t("org.people.allUnits")}</Button>}
    </Space.Compact>
  );
}

function PersonAppointments({
  personId,
  name,
  canManage,
  onClose,
}: {
  personId: string;
  name: string | undefined;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const list = useAppointments({ personId });
  const title = name ?? list.items[0]?.personName;
  return (
    <Drawer
      open
      size="large"
      title={title ? t("org.people.appointmentsOf", { name: title }) : t("org.people.appointments")}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t("org.people.appointmentsNote")}</Typography.Paragraph>
      <AppointmentTable list={list} show="unit" canManage={canManage} />
    </Drawer>
  );
}

interface PersonForm {
  name: string;
  staffNo?: string;
  email?: string;
  unitId: string;
}

function PersonModal({ person, onClose }: { person: PersonView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonForm>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const { submit, problem } = useFormSubmit<PersonForm>(form, async (values) => {
    const body = {
      name: values.name.trim(),
      staffNo: values.staffNo?.trim() || null,
      email: values.email?.trim() || null,
      unitId: values.unitId,
    };
    if (person) await update.mutateAsync({ id: person.id, ...body });
    else await create.mutateAsync(body);
    void message.success(person ? t("org.people.updated") : t("org.people.created", { name: body.name }));
    onClose();
  });

  return (
    <Modal
      open
      title={person ? t("org.people.editTitle") : t("org.people.createTitle")}
      okText={person ? t("common.save") : t("org.people.createSubmit")}
      confirmLoading={create.isPending || update.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<PersonForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          person
            ? {
                name: person.name,
                staffNo: person.staffNo ?? "",
                email: person.email ?? "",
                unitId: person.unitId ?? undefined,
              }
            : {}
        }
      >
        <Form.Item
          name="name"
          label={t("org.people.name")}
          rules={[
            { required: true, whitespace: true, message: t("org.people.nameRequired") },
            { max: 64, message: t("org.people.nameTooLong") },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="staffNo"
          label={t("org.people.staffNo")}
          extra={t("org.people.staffNoHint")}
          rules={[{ max: 32, message: t("org.people.staffNoTooLong") }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("org.people.email")}
          extra={t("org.people.emailHint")}
          rules={[
            { type: "email", transform: (v: string | undefined) => v?.trim(), message: t("org.people.emailInvalid") },
            { max: 254, message: t("org.people.emailTooLong") },
          ]}
        >
          <Input inputMode="email" autoComplete="off" maxLength={254} placeholder="zhangsan@gdpt.edu.cn" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t("org.people.unit")}
          rules={[{ required: true, message: t("org.people.unitRequired") }]}
        >
          <UnitTreeSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { ApartmentOutlined, EditOutlined, PlusOutlined, StopOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Tree,
  Typography,
} from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { allowed, useCurrentUser } from "../../app/access";
import { useUnits } from "../../api/accounts";
import { errorMessage } from "../../api/error-message";
import {
  type AppointmentView,
  type PersonView,
  PORTFOLIO_AREA_LIST,
  type PortfolioArea,
  type PortfolioView,
  type UnitView,
  useAppointments,
  useCreateUnit,
  useEndAppointment,
  useEndPortfolio,
  usePeople,
  usePortfolios,
  useUpdateUnit,
} from "../../api/org";
import { todayInBeijing } from "../../components/format";
import { LoadMore } from "../../components/load-more";
import { AppointModal, EndDateModal, PortfolioModal } from "./org-forms";
import { OrgPageHeader } from "./org-page-header";
import { useFormSubmit } from "../../components/use-form-submit";

interface UnitNode {
  key: string;
  title: ReactNode;
  unit: UnitView;
  children: UnitNode[];
}

/** The tree of the units matching a search (with the ancestors that lead to them), or all of them. */
function buildTree(units: readonly UnitView[], search: string, label: (u: UnitView) => ReactNode): UnitNode[] {
  const needle = search.trim().toLowerCase();
  const matches = (u: UnitView) =>
    needle === "" || u.name.toLowerCase().includes(needle) || (u.code ?? "").toLowerCase().includes(needle);
  const keep = new Set<string>();
  for (const u of units) if (matches(u)) for (const id of u.path.split("/").filter(Boolean)) keep.add(id);
  const nodes = new Map(
    units.filter((u) => keep.has(u.id)).map((u) => [u.id, { key: u.id, title: label(u), unit: u, children: [] }]),
  );
  const roots: UnitNode[] = [];
  const sorted = [...units].sort((a, b) => a.sortOrder - b.sortOrder || a.path.localeCompare(b.path));
  for (const u of sorted) {
    const node = nodes.get(u.id);
    if (!node) continue;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/**
 * 组织机构: the unit tree (第一条 分级管理、分层负责) and, for the selected unit, its appointments, people and — at the
 * institution — the leaders' portfolios (第五条). The secrecy office keeps these records (第十三条); everyone else reads.
 */
export function UnitsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<{ mode: "create" | "edit"; unit: UnitView } | null>(null);
  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  // Without a choice, the top of what this account sees: the root, or the top of its scope (its parent is not listed).
  const selected =
    items.find((u) => u.id === params.get("unitId")) ??
    items.find((u) => u.parentId === null || !items.some((p) => p.id === u.parentId));

  const label = (u: UnitView) => (
    <span className="unit-node">
      <span className={u.closedOn ? "unit-closed" : undefined}>{u.name}</span>
      {u.code && <span className="unit-code mono">{u.code}</span>}
      {u.classified && <Tag color="gold">{t("org.classifiedUnit")}</Tag>}
      {u.closedOn && <Tag>{t("org.units.closed")}</Tag>}
    </span>
  );
  const tree = useMemo(() => buildTree(items, search, label), [items, search, t]);

  const select = (id: string) =>
    setParams(
      (p) => {
        p.set("unitId", id);
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <OrgPageHeader page="units" />
      {units.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(units.error, t)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <Card title={t("org.units.tree")} className="unit-tree-card" loading={units.isPending}>
            <Input.Search
              allowClear
              placeholder={t("org.units.search")}
              aria-label={t("org.units.search")}
              onChange={(e) => setSearch(e.target.value)}
              className="unit-search"
            />
            {tree.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common.noMatch")} />
            ) : (
              <Tree<UnitNode>
                key={search === "" ? "all" : "search"}
                className="unit-tree"
                treeData={tree}
                defaultExpandAll
                blockNode
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => {
                  const [key] = keys;
                  if (typeof key === "string") select(key);
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          {selected ? (
            <UnitDetail
              unit={selected}
              parent={items.find((u) => u.id === selected.parentId)}
              canManage={selected.abilities.manage}
              canReadPeople={allowed(me, "person.read")}
              onEdit={(mode) => setEditing({ mode, unit: selected })}
            />
          ) : (
            !units.isPending && (
              <Card>
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("units.none")} />
              </Card>
            )
          )}
        </Col>
      </Row>
      {editing && (
        <UnitFormModal
          mode={editing.mode}
          unit={editing.unit}
          onClose={(created) => {
            setEditing(null);
            if (created) select(created);
          }}
        />
      )}
    </>
  );
}

function UnitDetail({
  unit,
  parent,
  canManage,
  canReadPeople,
  onEdit,
}: {
  unit: UnitView;
  parent: UnitView | undefined;
  canManage: boolean;
  canReadPeople: boolean;
  onEdit: (mode: "create" | "edit") => void;
}) {
  const { t } = useTranslation();
  const [closing, setClosing] = useState(false);
  const { message } = App.useApp();
  const update = useUpdateUnit();
  const leaders = unit.kind !== "unit";

  const tabs = [];
  if (canReadPeople) {
    tabs.push({
      key: "appointments",
      label: t("org.units.appointmentsTab"),
      children: <UnitAppointments unit={unit} canManage={canManage} />,
    });
    tabs.push({ key: "people", label: t("org.units.peopleTab"), children: <UnitPeople unit={unit} /> });
  }
  if (leaders) {
    tabs.push({
      key: "portfolios",
      label: t("org.units.portfoliosTab"),
      children: <Portfolios canManage={canManage} />,
    });
  }

  return (
    <Card
      data-testid="unit-detail"
      title={
        <Space wrap>
          <ApartmentOutlined />
          <span>{unit.name}</span>
          {unit.classified && <Tag color="gold">{t("org.classifiedUnit")}</Tag>}
          {unit.closedOn && <Tag>{t("org.units.closedOn", { date: unit.closedOn })}</Tag>}
        </Space>
      }
      extra={
        canManage && (
          <Space wrap>
            {!unit.closedOn && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => onEdit("create")}>
                {t("org.units.addChild")}
              </Button>
            )}
            <Button size="small" icon={<EditOutlined />} onClick={() => onEdit("edit")}>
              {t("org.units.edit")}
            </Button>
            {unit.parentId !== null &&
              (unit.closedOn ? (
                <Popconfirm
                  title={t("org.units.reopenConfirm", { name: unit.name })}
                  onConfirm={() =>
                    void update.mutateAsync({ id: unit.id, closedOn: null }).then(
                      () => void message.success(t("org.units.reopened")),
                      (error: unknown) => void message.error(errorMessage(error, t)),
                    )
                  }
                >
                  <Button size="small">{t("org.units.reopen")}</Button>
                </Popconfirm>
              ) : (
                <Button size="small" danger icon={<StopOutlined />} onClick={() => setClosing(true)}>
                  {t("org.units.close")}
                </Button>
              ))}
          </Space>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, xl: 3 }}
        items={[
          { key: "code", label: t("org.units.code"), children: unit.code ?? "—" },
          { key: "kind", label: t("org.units.kind"), children: t(`org.unitKinds.${unit.kind}`) },
          { key: "parent", label: t("org.units.parent"), children: parent?.name ?? "—" },
          {
            key: "classified",
            label: t("org.units.classified"),
            children: unit.classified ? t("org.units.classifiedYes") : t("org.units.classifiedNo"),
          },
          {
            key: "chain",
            label: t("org.units.chain"),
            children: <Link to={`/org/chain?unitId=${encodeURIComponent(unit.id)}`}>{t("org.units.viewChain")}</Link>,
          },
        ]}
      />
      {tabs.length > 0 && <Tabs className="unit-tabs" items={tabs} destroyOnHidden />}
      <EndDateModal
        open={closing}
        title={t("org.units.closeTitle", { name: unit.name })}
        body={t("org.units.closeBody")}
        startsOn="0000-01-01"
        pending={update.isPending}
        onSubmit={(closedOn) =>
          update.mutateAsync({ id: unit.id, closedOn }).then(() => void message.success(t("org.units.closedDone")))
        }
        onClose={() => setClosing(false)}
      />
    </Card>
  );
}

/** The appointments in this unit: those in force today, or the whole history. */
function UnitAppointments({ unit, canManage }: { unit: UnitView; canManage: boolean }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState(false);
  const [appointing, setAppointing] = useState(false);
  const list = useAppointments({ unitId: unit.id, at: history ? undefined : todayInBeijing() });
  return (
    <>
      <Space wrap className="filters">
        {canManage && !unit.closedOn && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAppointing(true)}>
            {t("org.appointments.appoint")}
          </Button>
        )}
        <Space>
          <Switch checked={history} onChange={setHistory} aria-label={t("org.appointments.history")} />
          <Typography.Text>{t("org.appointments.history")}</Typography.Text>
        </Space>
      </Space>
      <AppointmentTable list={list} show="person" canManage={canManage} />
      {appointing && <AppointModal open unit={unit} onClose={() => setAppointing(false)} />}
    </>
  );
}

type AppointmentList = ReturnType<typeof useAppointments>;

/** Appointments as a table, with 免职 (end) for the secrecy office. */
export function AppointmentTable({
  list,
  show,
  canManage,
}: {
  list: AppointmentList;
  show: "person" | "unit";
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const end = useEndAppointment();
  const [ending, setEnding] = useState<AppointmentView | null>(null);
  return (
    <>
      {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
      <Table<AppointmentView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("org.appointments.empty")} />,
        }}
        columns={[
          show === "person"
            ? { key: "person", title: t("org.appointments.person"), render: (_, a) => a.personName }
            : { key: "unit", title: t("org.appointments.unit"), render: (_, a) => a.unitName },
          {
            key: "position",
            title: t("org.appointments.position"),
            render: (_, a) => (
              <Space size={4}>
                <span>{a.positionName}</span>
                {a.acting && <Tag color="orange">{t("org.acting")}</Tag>}
              </Space>
            ),
          },
          {
            key: "period",
            title: t("org.appointments.period"),
            render: (_, a) =>
              a.endsOn ? t("org.period", { from: a.startsOn, to: a.endsOn }) : t("org.since", { from: a.startsOn }),
          },
          {
            key: "state",
            title: t("org.state"),
            render: (_, a) =>
              a.current ? (
                <Tag color="success">{t("org.current")}</Tag>
              ) : a.startsOn > todayInBeijing() ? (
                <Tag color="processing">{t("org.future")}</Tag>
              ) : (
                <Tag>{t("org.ended")}</Tag>
              ),
          },
          ...(canManage
            ? [
                {
                  key: "actions",
                  title: t("common.actions"),
                  render: (_: unknown, a: AppointmentView) =>
                    a.endsOn === null || a.endsOn >= todayInBeijing() ? (
                      <Button size="small" danger onClick={() => setEnding(a)}>
                        {t("org.appointments.end")}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      <EndDateModal
        open={ending !== null}
        title={t("org.appointments.endTitle")}
        body={
          ending
            ? t("org.appointments.endBody", {
                name: ending.personName,
                unit: ending.unitName,
                position: ending.positionName,
              })
            : ""
        }
        startsOn={ending?.startsOn ?? ""}
        pending={end.isPending}
        onSubmit={(endsOn) =>
          end
            .mutateAsync({ id: ending?.id ?? "", endsOn })
            .then(() => void message.success(t("org.appointments.ended")))
        }
        onClose={() => setEnding(null)}
      />
    </>
  );
}

/** People of the unit and the units below it. */
function UnitPeople({ unit }: { unit: UnitView }) {
  const { t } = useTranslation();
  const list = usePeople({ unitId: unit.id });
  return (
    <>
      {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
      <Table<PersonView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("org.people.empty")} /> }}
        columns={[
          {
            key: "name",
            title: t("org.people.name"),
            render: (_, p) => <Link to={`/org/people?personId=${encodeURIComponent(p.id)}`}>{p.name}</Link>,
          },
          { key: "staffNo", title: t("org.people.staffNo"), render: (_, p) => p.staffNo ?? "—" },
          { key: "unit", title: t("org.people.unit"), render: (_, p) => p.unitName ?? "—" },
        ]}
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </>
  );
}

/** The leaders' portfolios (分管): who oversees which units, in which area (第四条、第五条、第八条). */
function Portfolios({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [area, setArea] = useState<PortfolioArea | undefined>(undefined);
  const list = usePortfolios({ area });
  const end = useEndPortfolio();
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<PortfolioView | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t("org.portfolios.intro")}</Typography.Paragraph>
      <Space wrap className="filters">
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)}>
            {t("org.portfolios.assign")}
          </Button>
        )}
        <Select<PortfolioArea | "">
          value={area ?? ""}
          onChange={(v) => setArea(v || undefined)}
          aria-label={t("org.portfolios.area")}
          className="filter-select-wide"
          options={[
            { value: "", label: t("org.portfolios.allAreas") },
            ...PORTFOLIO_AREA_LIST.map((a) => ({ value: a, label: t(`org.areas.${a}`) })),
          ]}
        />
      </Space>
      {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
      <Table<PortfolioView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("org.portfolios.empty")} /> }}
        columns={[
          { key: "leader", title: t("org.portfolios.leader"), render: (_, p) => p.personName },
          {
            key: "area",
            title: t("org.portfolios.area"),
            render: (_, p) => t(`org.areas.${p.area as PortfolioArea}`, { defaultValue: p.area }),
          },
          { key: "unit", title: t("org.portfolios.unit"), render: (_, p) => p.unitName },
          {
            key: "period",
            title: t("org.appointments.period"),
            render: (_, p) =>
              p.endsOn ? t("org.period", { from: p.startsOn, to: p.endsOn }) : t("org.since", { from: p.startsOn }),
          },
          {
            key: "state",
            title: t("org.state"),
            render: (_, p) =>
              p.current ? <Tag color="success">{t("org.current")}</Tag> : <Tag>{t("org.notCurrent")}</Tag>,
          },
          ...(canManage
            ? [
                {
                  key: "actions",
                  title: t("common.actions"),
                  render: (_: unknown, p: PortfolioView) =>
                    p.endsOn === null || p.endsOn >= todayInBeijing() ? (
                      <Button size="small" danger onClick={() => setEnding(p)}>
                        {t("org.portfolios.end")}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {assigning && <PortfolioModal open onClose={() => setAssigning(false)} />}
      <EndDateModal
        open={ending !== null}
        title={t("org.portfolios.endTitle")}
        body={ending ? t("org.portfolios.endBody", { name: ending.personName, unit: ending.unitName }) : ""}
        startsOn={ending?.startsOn ?? ""}
        pending={end.isPending}
        onSubmit={(endsOn) =>
          end.mutateAsync({ id: ending?.id ?? "", endsOn }).then(() => void message.success(t("org.portfolios.ended")))
        }
        onClose={() => setEnding(null)}
      />
    </>
  );
}

interface UnitForm {
  name: string;
  code?: string;
  classified: boolean;
  sortOrder: number;
}

/** 新增下级单位 / 修改单位. The code names the unit the committee's membership refers to (第八条). */
function UnitFormModal({
  mode,
  unit,
  onClose,
}: {
  mode: "create" | "edit";
  unit: UnitView;
  onClose: (createdId?: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitForm>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const initial: UnitForm =
    mode === "edit"
      ? { name: unit.name, code: unit.code ?? "", classified: unit.classified, sortOrder: unit.sortOrder }
      : { name: "", code: "", classified: false, sortOrder: 0 };

  const { submit, problem } = useFormSubmit<UnitForm>(form, async (values) => {
    const fields = {
      name: values.name.trim(),
      code: values.code?.trim() ? values.code.trim() : null,
      classified: values.classified,
      sortOrder: values.sortOrder,
    };
    if (mode === "create") {
      const created = await create.mutateAsync({ parentId: unit.id, ...fields });
      void message.success(t("org.units.created", { name: created.name }));
      onClose(created.id);
    } else {
      await update.mutateAsync({ id: unit.id, ...fields });
      void message.success(t("org.units.updated"));
      onClose();
    }
  });

  return (
    <Modal
      open
      title={mode === "create" ? t("org.units.addChildTitle", { parent: unit.name }) : t("org.units.editTitle")}
      okText={mode === "create" ? t("org.units.createSubmit") : t("common.save")}
      confirmLoading={create.isPending || update.isPending}
      onOk={submit}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<UnitForm> form={form} layout="vertical" requiredMark={false} initialValues={initial}>
        <Form.Item
          name="name"
          label={t("org.units.name")}
          rules={[
            { required: true, whitespace: true, message: t("org.units.nameRequired") },
            { max: 100, message: t("org.units.nameTooLong") },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t("org.units.code")}
          extra={t("org.units.codeHint")}
          rules={[{ pattern: /^([A-Z][A-Z0-9_]{1,40})?$/, message: t("org.units.codeFormat") }]}
          normalize={(v: string) => v.toUpperCase()}
        >
          <Input className="mono" maxLength={41} />
        </Form.Item>
        <Form.Item
          name="classified"
          label={t("org.units.classified")}
          valuePropName="checked"
          extra={t("org.units.classifiedHint")}
        >
          <Switch />
        </Form.Item>
        <Form.Item name="sortOrder" label={t("org.units.sortOrder")} extra={t("org.units.sortOrderHint")}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

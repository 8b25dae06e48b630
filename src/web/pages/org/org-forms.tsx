import { Alert, App, Checkbox, DatePicker, Form, Modal, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { PORTFOLIO_AREA_LIST, type PortfolioArea, useAppoint, useAssignPortfolio } from "../../api/org";
import { calendarDate, type PickedDate } from "../../components/dates";
import { localized, todayInBeijing } from "../../components/format";
import { PersonPicker } from "../../components/pickers";
import { UnitTreeSelect } from "../../components/unit-tree-select";
import { usePolicy } from "../../api/responsibility";
import { useFormSubmit } from "../../components/use-form-submit";

type PositionScope = "institution" | "unit";

/** The end date must not come before the start (the server says the same; this says it sooner). */
function endAfterStart(t: (key: "org.endBeforeStart") => string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_rule: unknown, value: PickedDate | null | undefined) => {
      const start = calendarDate(getFieldValue("startsOn") as PickedDate | null) ?? todayInBeijing();
      const end = calendarDate(value);
      return end === null || end >= start ? Promise.resolve() : Promise.reject(new Error(t("org.endBeforeStart")));
    },
  });
}

/**
 * The position options of the implementing rules in force (served with the policy, so another institution's rules
 * bring their own posts), the ones that exist at this kind of unit first (院领导 at the institution).
 */
function usePositionOptions(scope: PositionScope) {
  const { t, i18n } = useTranslation();
  const positions = usePolicy().data?.positions ?? [];
  const group = (s: PositionScope) => ({
    label: t(`org.positionScopes.${s}`),
    options: positions
      .filter((p) => p.scope === s)
      .map((p) => ({
        value: p.code,
        label: localized(p.name, i18n.language),
      })),
  });
  return scope === "institution" ? [group("institution"), group("unit")] : [group("unit"), group("institution")];
}

interface AppointForm {
  personId: string;
  position: string;
  acting: boolean;
  startsOn?: PickedDate | null;
  endsOn?: PickedDate | null;
}

/** 任命: a person to a post in a unit, from a date (today when none), acting or not. */
export function AppointModal({
  open,
  unit,
  onClose,
}: {
  open: boolean;
  unit: { id: string; name: string; kind: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AppointForm>();
  const appoint = useAppoint();
  const options = usePositionOptions(unit.kind === "unit" ? "unit" : "institution");

  const { submit, problem, clearProblem } = useFormSubmit<AppointForm>(form, async (values) => {
    await appoint.mutateAsync({
      personId: values.personId,
      unitId: unit.id,
      position: values.position,
      acting: values.acting,
      startsOn: calendarDate(values.startsOn) ?? todayInBeijing(),
      endsOn: calendarDate(values.endsOn),
    });
    form.resetFields();
    void message.success(t("org.appointments.appointed"));
    onClose();
  });

  return (
    <Modal
      open={open}
      title={t("org.appointments.appointTitle", { unit: unit.name })}
      okText={t("org.appointments.appointSubmit")}
      confirmLoading={appoint.isPending}
      onOk={submit}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      destroyOnHidden
    >
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<AppointForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={{ acting: false }}
      >
        <Form.Item
          name="personId"
          label={t("org.appointments.person")}
          rules={[{ required: true, message: t("org.appointments.personRequired") }]}
        >
          <PersonPicker />
        </Form.Item>
        <Form.Item
          name="position"
          label={t("org.appointments.position")}
          extra={t("org.appointments.positionHint")}
          rules={[{ required: true, message: t("org.appointments.positionRequired") }]}
        >
          <Select options={options} showSearch={{ optionFilterProp: "label" }} />
        </Form.Item>
        <Form.Item name="acting" valuePropName="checked" extra={t("org.appointments.actingHint")}>
          <Checkbox>{t("org.appointments.acting")}</Checkbox>
        </Form.Item>
        <Space wrap className="date-pair">
          <Form.Item name="startsOn" label={t("org.startsOn")} extra={t("org.startsOnHint")}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t("org.endsOn")}
            extra={t("org.endsOnHint")}
            dependencies={["startsOn"]}
            rules={[endAfterStart(t)]}
          >
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

interface PortfolioForm {
  personId: string;
  unitId: string;
  area: PortfolioArea;
  startsOn?: PickedDate | null;
  endsOn?: PickedDate | null;
}

/** 确定分管: which units (and which area) a leader oversees, from a date. */
export function PortfolioModal({
  open,
  onClose,
  defaultUnitId,
}: {
  open: boolean;
  onClose: () => void;
  defaultUnitId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PortfolioForm>();
  const assign = useAssignPortfolio();

  const { submit, problem, clearProblem } = useFormSubmit<PortfolioForm>(form, async (values) => {
    await assign.mutateAsync({
      personId: values.personId,
      unitId: values.unitId,
      area: values.area,
      startsOn: calendarDate(values.startsOn) ?? todayInBeijing(),
      endsOn: calendarDate(values.endsOn),
    });
    form.resetFields();
    void message.success(t("org.portfolios.assigned"));
    onClose();
  });

  return (
    <Modal
      open={open}
      title={t("org.portfolios.assignTitle")}
      okText={t("org.portfolios.assignSubmit")}
      confirmLoading={assign.isPending}
      onOk={submit}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("org.portfolios.assignIntro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<PortfolioForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={{ area: "business", unitId: defaultUnitId }}
      >
        <Form.Item
          name="personId"
          label={t("org.portfolios.leader")}
          rules={[{ required: true, message: t("org.portfolios.leaderRequired") }]}
        >
          <PersonPicker />
        </Form.Item>
        <Form.Item
          name="area"
          label={t("org.portfolios.area")}
          rules={[{ required: true, message: t("org.portfolios.areaRequired") }]}
        >
          <Select
            options={PORTFOLIO_AREA_LIST.map((a) => ({
              value: a,
              label: `${t(`org.areas.${a}`)}（${t(`org.areaBasis.${a}`)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t("org.portfolios.unit")}
          extra={t("org.portfolios.unitHint")}
          rules={[{ required: true, message: t("org.portfolios.unitRequired") }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Space wrap className="date-pair">
          <Form.Item name="startsOn" label={t("org.startsOn")} extra={t("org.startsOnHint")}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t("org.endsOn")}
            extra={t("org.endsOnHint")}
            dependencies={["startsOn"]}
            rules={[endAfterStart(t)]}
          >
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** Asks for the last day (inclusive) of an appointment or portfolio, today when none, then ends it. */
export function EndDateModal({
  open,
  title,
  body,
  startsOn,
  pending,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  body: string;
  startsOn: string;
  pending: boolean;
  onSubmit: (endsOn: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ endsOn?: PickedDate | null }>();
  const { submit, problem, clearProblem } = useFormSubmit(form, async (values) => {
    await onSubmit(calendarDate(values.endsOn) ?? todayInBeijing());
    onClose();
  });

  return (
    <Modal
      open={open}
      title={title}
      okText={t("org.end")}
      okButtonProps={{ danger: true }}
      confirmLoading={pending}
      onOk={submit}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{body}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item
          name="endsOn"
          label={t("org.lastDay")}
          extra={t("org.lastDayHint")}
          rules={[
            {
              validator: (_rule, value: PickedDate | null | undefined) => {
                const end = calendarDate(value);
                return end === null || end >= startsOn
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("org.endBeforeStartOn", { from: startsOn })));
              },
            },
          ]}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

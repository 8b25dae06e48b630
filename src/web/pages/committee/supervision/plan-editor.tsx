import { DeleteOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Form, Input, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { type PlanView, type SupervisionYear, useSavePlan } from "../../../api/supervision";
import { calendarDate, type PickedDate } from "../../../components/dates";
import { UnitTreeSelect } from "../../../components/unit-tree-select";
import { ProblemAlert } from "./problem-alert";
import { useStepSubmit } from "./use-step-submit";

interface ItemRow {
  title: string;
  ownerUnitId: string;
  dueOn: PickedDate;
}

interface PlanForm {
  title: string;
  body: string;
  items: ItemRow[];
}

/** The draft as saved, or a first empty task to fill in (unit and deadline left for the office to choose). */
const initialOf = (plan: PlanView | null, title: string): Omit<PlanForm, "items"> & { items: Partial<ItemRow>[] } => ({
  title: plan?.title ?? title,
  body: plan?.body ?? "",
  items: plan
    ? [...plan.items]
        .sort((a, b) => a.position - b.position)
        .map((i) => ({ title: i.title, ownerUnitId: i.ownerUnit.id, dueOn: dayjs(i.dueOn) }))
    : [{ title: "" }],
});

/**
 * The plan's draft (保密办公室拟定, 第十三条第（二）项): its title and text, and its tasks — each with the unit that
 * carries it out and a deadline. On approval each task becomes a tracked task (督办) of its unit.
 */
export function PlanEditor({ year: y }: { year: SupervisionYear }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanForm>();
  const save = useSavePlan(y.year);
  const { submit, problem, stale } = useStepSubmit<PlanForm>(form, async (values) => {
    await save.mutateAsync({
      title: values.title.trim(),
      body: values.body.trim(),
      items: (values.items ?? []).map((i) => ({
        title: i.title.trim(),
        ownerUnitId: i.ownerUnitId,
        dueOn: calendarDate(i.dueOn) ?? "",
      })),
    });
    void message.success(t("committee.supervision.plan.saved"));
  });

  return (
    <div data-testid="plan-editor">
      <ProblemAlert problem={problem} stale={stale} />
      <Form<PlanForm>
        form={form}
        name="plan"
        layout="vertical"
        requiredMark={false}
        initialValues={initialOf(y.plan, t("committee.supervision.plan.defaultTitle", { year: y.year }))}
      >
        <Form.Item
          name="title"
          label={t("committee.supervision.plan.titleLabel")}
          rules={[
            { required: true, whitespace: true, min: 2, message: t("committee.supervision.plan.titleRequired") },
            { max: 200, message: t("committee.supervision.plan.titleTooLong") },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t("committee.supervision.plan.body")}
          extra={t("committee.supervision.plan.bodyHint")}
          rules={[
            { required: true, whitespace: true, min: 10, message: t("committee.supervision.plan.bodyRequired") },
            { max: 50_000, message: t("committee.supervision.plan.bodyTooLong") },
          ]}
        >
          <Input.TextArea rows={6} maxLength={50_000} showCount />
        </Form.Item>
        <Typography.Title level={5} className="section-title">
          {t("committee.supervision.plan.items")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("committee.supervision.plan.itemsHint")}</Typography.Paragraph>
        <Form.List
          name="items"
          rules={[
            {
              validator: (_, items?: unknown[]) =>
                items && items.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("committee.supervision.plan.itemsRequired"))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div className="plan-items">
              <div className="plan-item-row plan-item-head" aria-hidden>
                <span>{t("committee.supervision.plan.no")}</span>
                <span>{t("committee.supervision.plan.task")}</span>
                <span>{t("committee.supervision.plan.owner")}</span>
                <span>{t("committee.supervision.plan.dueOn")}</span>
                <span />
              </div>
              {fields.map((field, index) => (
                <div key={field.key} className="plan-item-row" data-testid="plan-item">
                  <span className="plan-item-no">{index + 1}</span>
                  <Form.Item
                    name={[field.name, "title"]}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        min: 2,
                        message: t("committee.supervision.plan.taskRequired"),
                      },
                      { max: 500, message: t("committee.supervision.plan.taskTooLong") },
                    ]}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={500}
                      aria-label={t("committee.supervision.plan.taskOf", { no: index + 1 })}
                      placeholder={t("committee.supervision.plan.taskPlaceholder")}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "ownerUnitId"]}
                    rules={[{ required: true, message: t("committee.supervision.plan.ownerRequired") }]}
                  >
                    <UnitTreeSelect id={`plan-item-${index}-owner`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "dueOn"]}
                    rules={[{ required: true, message: t("committee.supervision.plan.dueOnRequired") }]}
                  >
                    <DatePicker
                      className="full-width"
                      aria-label={t("committee.supervision.plan.dueOnOf", { no: index + 1 })}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("committee.supervision.plan.removeItem", { no: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button className="panel-block" icon={<PlusOutlined />} onClick={() => add({ title: "" })}>
                {t("committee.supervision.plan.addItem")}
              </Button>
            </div>
          )}
        </Form.List>
        <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={submit}>
          {y.plan ? t("committee.supervision.plan.update") : t("committee.supervision.plan.submit")}
        </Button>
      </Form>
    </div>
  );
}

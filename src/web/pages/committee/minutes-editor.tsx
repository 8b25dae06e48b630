import { DeleteOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Form, Input, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { type MeetingView, useDraftMinutes } from "../../api/meetings";
import { calendarDate, type PickedDate } from "../../components/dates";
import { UnitTreeSelect } from "../../components/unit-tree-select";
import { useFormSubmit } from "../../components/use-form-submit";

interface DecisionRow {
  text: string;
  ownerUnitId: string;
  dueOn: PickedDate;
}

interface MinutesForm {
  text: string;
  decisions: DecisionRow[];
}

/**
 * The minutes' draft: the text, and the decisions (议定事项), each with the unit that carries it out and a deadline.
 * Saving reports it to the director for sign-off; at sign-off each decision becomes a tracked task (督办).
 */
export function MinutesEditor({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MinutesForm>();
  const draft = useDraftMinutes(m.id);
  const { submit, problem } = useFormSubmit<MinutesForm>(form, async (values) => {
    await draft.mutateAsync({
      text: values.text.trim(),
      decisions: (values.decisions ?? []).map((d) => ({
        text: d.text.trim(),
        ownerUnitId: d.ownerUnitId,
        dueOn: calendarDate(d.dueOn) ?? "",
      })),
    });
    void message.success(t("committee.minutes.saved"));
  });

  return (
    <div data-testid="minutes-editor">
      <Typography.Paragraph type="secondary">{t("committee.minutes.intro")}</Typography.Paragraph>
      <Alert className="form-error" type="warning" showIcon title={t("committee.noSecrets")} />
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<MinutesForm>
        form={form}
        name="minutes"
        layout="vertical"
        requiredMark={false}
        initialValues={{
          text: m.minutes?.text ?? "",
          decisions: [...(m.minutes?.decisions ?? [])]
            .sort((a, b) => a.position - b.position)
            .map((d) => ({ text: d.text, ownerUnitId: d.ownerUnit.id, dueOn: dayjs(d.dueOn) })),
        }}
      >
        <Form.Item
          name="text"
          label={t("committee.minutes.text")}
          extra={t("committee.minutes.textHint")}
          rules={[
            { required: true, whitespace: true, message: t("committee.minutes.textRequired") },
            { min: 10, message: t("committee.minutes.textRequired") },
            { max: 50_000, message: t("committee.minutes.textTooLong") },
          ]}
        >
          <Input.TextArea rows={10} maxLength={50_000} showCount />
        </Form.Item>
        <Typography.Title level={5} className="section-title">
          {t("committee.minutes.decisions")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("committee.minutes.decisionsHint")}</Typography.Paragraph>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  className="decision-card"
                  data-testid="decision"
                  title={t("committee.minutes.decisionNo", { no: index + 1 })}
                  extra={
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t("committee.minutes.removeDecision")}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Form.Item
                    name={[field.name, "text"]}
                    label={t("committee.minutes.decision")}
                    rules={[
                      { required: true, whitespace: true, message: t("committee.minutes.decisionRequired") },
                      { min: 2, message: t("committee.minutes.decisionRequired") },
                      { max: 1000, message: t("committee.minutes.decisionTooLong") },
                    ]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
                  </Form.Item>
                  <div className="decision-fields">
                    <Form.Item
                      name={[field.name, "ownerUnitId"]}
                      label={t("committee.minutes.owner")}
                      rules={[{ required: true, message: t("committee.minutes.ownerRequired") }]}
                    >
                      <UnitTreeSelect />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "dueOn"]}
                      label={t("committee.minutes.dueOn")}
                      rules={[{ required: true, message: t("committee.minutes.dueOnRequired") }]}
                    >
                      <DatePicker className="full-width" />
                    </Form.Item>
                  </div>
                </Card>
              ))}
              <Button className="panel-block" icon={<PlusOutlined />} onClick={() => add()}>
                {t("committee.minutes.addDecision")}
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" icon={<SaveOutlined />} loading={draft.isPending} onClick={submit}>
            {m.minutes ? t("committee.minutes.update") : t("committee.minutes.submit")}
          </Button>
        </div>
      </Form>
    </div>
  );
}

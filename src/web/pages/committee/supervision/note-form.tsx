import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { useAddNote } from "../../../api/supervision";
import { UnitTreeSelect } from "../../../components/unit-tree-select";
import { ProblemAlert } from "./problem-alert";
import { useStepSubmit } from "./use-step-submit";

interface NoteForm {
  unitId: string;
  text: string;
}

/** 督查意见: a written note to one unit on what the supervision found and what it must do. */
export function NoteForm({ year }: { year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NoteForm>();
  const add = useAddNote(year);
  const { submit, problem, stale } = useStepSubmit<NoteForm>(form, async (values) => {
    await add.mutateAsync({ unitId: values.unitId, text: values.text.trim() });
    form.resetFields(["text"]);
    void message.success(t("committee.supervision.notes.added"));
  });
  return (
    <div className="note-form" data-testid="note-form">
      <ProblemAlert problem={problem} stale={stale} />
      <Form<NoteForm> form={form} name="note" layout="vertical" requiredMark={false}>
        <div className="note-form-fields">
          <Form.Item
            name="unitId"
            label={t("committee.supervision.notes.unit")}
            rules={[{ required: true, message: t("committee.supervision.notes.unitRequired") }]}
          >
            <UnitTreeSelect id="note-unit" />
          </Form.Item>
          <Form.Item
            name="text"
            label={t("committee.supervision.notes.text")}
            extra={t("committee.supervision.notes.textHint")}
            rules={[
              { required: true, whitespace: true, min: 4, message: t("committee.supervision.notes.textRequired") },
              { max: 5000, message: t("committee.supervision.notes.textTooLong") },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
        </div>
        <Button icon={<PlusOutlined />} loading={add.isPending} onClick={submit}>
          {t("committee.supervision.notes.add")}
        </Button>
      </Form>
    </div>
  );
}

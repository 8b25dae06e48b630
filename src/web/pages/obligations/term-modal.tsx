import { Alert, App, DatePicker, Form, Modal, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { type TermView, useSaveTerm } from "../../api/obligations";
import { calendarDate, type PickedDate } from "../../components/dates";
import { useFormSubmit } from "../../components/use-form-submit";

interface TermForm {
  startsOn: PickedDate;
  endsOn: PickedDate;
}

/** Sets a semester's first and last day as the institution's own calendar has them. */
export function TermModal({
  term,
  institutionId,
  onClose,
}: {
  term: TermView;
  institutionId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TermForm>();
  const save = useSaveTerm();
  const { submit, problem } = useFormSubmit<TermForm>(form, async (values) => {
    const startsOn = calendarDate(values.startsOn);
    const endsOn = calendarDate(values.endsOn);
    if (!startsOn || !endsOn) return;
    await save.mutateAsync({
      academicYear: term.academicYear,
      ordinal: term.ordinal,
      startsOn,
      endsOn,
      institutionId,
    });
    void message.success(t("obligations.academic.saved", { name: term.name }));
    onClose();
  });

  return (
    <Modal
      open
      title={t("obligations.academic.editTitle", { name: term.name })}
      okText={t("common.save")}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("obligations.academic.editIntro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<TermForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ startsOn: dayjs(term.startsOn), endsOn: dayjs(term.endsOn) }}
      >
        <Form.Item
          name="startsOn"
          label={t("obligations.academic.startsOn")}
          rules={[{ required: true, message: t("obligations.academic.startsOnRequired") }]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t("obligations.academic.endsOn")}
          dependencies={["startsOn"]}
          rules={[
            { required: true, message: t("obligations.academic.endsOnRequired") },
            ({ getFieldValue }) => ({
              validator: (_, value: PickedDate | undefined) => {
                const start = getFieldValue("startsOn") as PickedDate | undefined;
                return !value || !start || value.isAfter(start)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("obligations.academic.endBeforeStart")));
              },
            }),
          ]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

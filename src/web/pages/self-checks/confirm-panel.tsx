import { Alert, App, Button, Card, DatePicker, Form, Input, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type SelfCheckView, useConfirmSelfCheck, useReturnSelfCheck } from "../../api/self-checks";
import { calendarDate, type PickedDate } from "../../components/dates";
import { applyFieldErrors } from "../../components/field-errors";
import "./self-checks.css";

interface ConfirmForm {
  deadline?: PickedDate | null;
  reason?: string;
}

/**
 * The superior's part (上级确认): confirm — the items not met become findings of the unit, rectified by the deadline
 * given or in 30 days — or return the self-check to the person with the reason.
 */
export function ConfirmPanel({ view }: { view: SelfCheckView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConfirmForm>();
  const confirm = useConfirmSelfCheck(view.id);
  const sendBack = useReturnSelfCheck(view.id);
  const [problem, setProblem] = useState<string | null>(null);
  const failed = (error: unknown) => {
    if (!applyFieldErrors(form, error)) setProblem(errorMessage(error, t));
  };
  const doConfirm = () => {
    const deadline = calendarDate(form.getFieldValue("deadline") as PickedDate | null | undefined);
    confirm.mutate(deadline ? { deadline } : {}, {
      onSuccess: () => void message.success(t("selfChecks.confirm.confirmed")),
      onError: failed,
    });
  };
  const doReturn = async () => {
    const { reason } = await form.validateFields(["reason"]);
    sendBack.mutate(
      { reason: reason ?? "" },
      { onSuccess: () => void message.success(t("selfChecks.confirm.returnedDone")), onError: failed },
    );
  };
  return (
    <Card
      title={t("selfChecks.confirm.title")}
      className="panel-block self-check-confirm"
      data-testid="self-check-confirm"
    >
      <Typography.Paragraph type="secondary">{t("selfChecks.confirm.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<ConfirmForm> form={form} name="self-check-confirm" layout="vertical" requiredMark={false}>
        {view.failed > 0 && (
          <Form.Item
            name="deadline"
            label={t("selfChecks.confirm.deadline")}
            extra={t("selfChecks.confirm.deadlineHelp")}
          >
            <DatePicker className="full-width" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t("selfChecks.confirm.reason")}
          rules={[{ required: true, whitespace: true, min: 2, message: t("selfChecks.confirm.reasonRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Space wrap>
          <Popconfirm title={t("selfChecks.confirm.confirmConfirm")} onConfirm={doConfirm}>
            <Button type="primary" size="large" loading={confirm.isPending}>
              {t("selfChecks.confirm.confirm")}
            </Button>
          </Popconfirm>
          <Button size="large" loading={sendBack.isPending} onClick={() => void doReturn()}>
            {t("selfChecks.confirm.return")}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

import { Alert, Button, DatePicker, Form, Input, Modal, Result, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type RaiseEventResult, useRaiseEvent } from "../../api/obligations";
import { beijingInstant, type PickedDate } from "../../components/dates";
import { UnitTreeSelect } from "../../components/unit-tree-select";
import { useFormSubmit } from "../../components/use-form-submit";
import { useEventOptions } from "./filter-options";
import { ObligationTable } from "./obligation-table";

interface EventForm {
  event: string;
  unitId: string;
  occurredAt: PickedDate;
  summary: string;
}

/**
 * 登记事件: something happened that the rules attach duties to (收到上级文件、发现泄密…). The server creates the
 * obligations those duties ask for, each due from the moment it happened; the dialog then lists them.
 */
export function RaiseEventModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EventForm>();
  const raise = useRaiseEvent();
  const events = useEventOptions();
  const [result, setResult] = useState<RaiseEventResult | null>(null);
  const { submit, problem } = useFormSubmit<EventForm>(form, async (values) => {
    const occurredAt = beijingInstant(values.occurredAt);
    if (!occurredAt) return;
    setResult(
      await raise.mutateAsync({
        event: values.event,
        unitId: values.unitId,
        occurredAt,
        summary: values.summary.trim(),
      }),
    );
  });

  if (result) {
    return (
      <Modal
        open
        width={860}
        title={t("obligations.event.title")}
        onCancel={onClose}
        footer={
          <Button type="primary" onClick={onClose}>
            {t("obligations.event.done")}
          </Button>
        }
      >
        <Result
          status="success"
          title={t("obligations.event.raised", { event: result.eventName })}
          subTitle={t("obligations.event.created", { count: result.obligations.length })}
        />
        <ObligationTable
          compact
          testId="event-obligations"
          items={result.obligations}
          empty={t("obligations.event.none")}
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      width={600}
      title={t("obligations.event.title")}
      okText={t("obligations.event.submit")}
      confirmLoading={raise.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("obligations.event.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<EventForm> form={form} name="raise-event" layout="vertical" requiredMark={false}>
        <Form.Item
          name="event"
          label={t("obligations.event.event")}
          rules={[{ required: true, message: t("obligations.event.eventRequired") }]}
        >
          <Select<string>
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("obligations.event.eventPlaceholder")}
            options={events}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t("obligations.event.unit")}
          extra={t("obligations.event.unitHint")}
          rules={[{ required: true, message: t("obligations.event.unitRequired") }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item
          name="occurredAt"
          label={t("obligations.event.occurredAt")}
          extra={t("obligations.event.occurredAtHint")}
          rules={[{ required: true, message: t("obligations.event.occurredAtRequired") }]}
        >
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" className="full-width" />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t("obligations.event.summary")}
          extra={t("obligations.event.summaryHint")}
          rules={[
            { required: true, whitespace: true, message: t("obligations.event.summaryRequired") },
            { min: 2, message: t("obligations.event.summaryRequired") },
            { max: 500, message: t("obligations.event.summaryTooLong") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

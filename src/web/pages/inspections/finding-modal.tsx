import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type CreateFindingRequest, type InspectionView, useCreateFinding } from "../../api/inspections";
import { calendarDate, type PickedDate } from "../../components/dates";
import { applyFieldErrors } from "../../components/field-errors";

type Item = InspectionView["template"]["sections"][number]["items"][number];
interface FindingForm {
  category: CreateFindingRequest["category"];
  severity: CreateFindingRequest["severity"];
  description: string;
  deadline: PickedDate;
}

const CATEGORIES = ["organization", "personnel", "carrier", "system", "keyDepartment", "other"] as const;
const SEVERITIES = ["minor", "major", "serious"] as const;

/** 登记问题 against one checklist item: its category, severity, description and rectification deadline. */
export function FindingModal({
  inspectionId,
  item,
  onClose,
}: {
  inspectionId: string;
  item: Item;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FindingForm>();
  const create = useCreateFinding(inspectionId);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        itemId: item.id,
        category: v.category,
        severity: v.severity,
        description: v.description,
        deadline: calendarDate(v.deadline) ?? "",
      },
      {
        onSuccess: () => {
          void message.success(t("inspections.finding.created"));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) setProblem(errorMessage(error, t));
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t("inspections.check.addFinding")}
      okText={t("inspections.finding.submit")}
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{item.text.zh}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<FindingForm>
        form={form}
        name="inspection-finding"
        layout="vertical"
        requiredMark={false}
        initialValues={{ category: "other", severity: "minor" }}
      >
        <Form.Item name="category" label={t("inspections.finding.category")} rules={[{ required: true }]}>
          <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`inspections.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="severity" label={t("inspections.finding.severity")} rules={[{ required: true }]}>
          <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`inspections.severities.${s}`) }))} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t("inspections.finding.description")}
          rules={[{ required: true, whitespace: true, min: 4, message: t("inspections.finding.descriptionRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t("inspections.finding.deadline")}
          rules={[{ required: true, message: t("inspections.finding.deadlineRequired") }]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, App, DatePicker, Form, Input, Modal, Select, TreeSelect, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { DocumentAudience } from "../../../../features/document-studies/contract";
import { useUnits } from "../../../api/accounts";
import { useRegisterDocument } from "../../../api/document-studies";
import { calendarDate, type PickedDate } from "../../../components/dates";
import { InstitutionField } from "../../../components/institution-picker";
import { unitTree } from "../../../components/unit-tree-select";
import { useFormSubmit } from "../../../components/use-form-submit";
import { DOCUMENT_AUDIENCES, documentUrl, useDocumentNames } from "./names";

interface RegisterForm {
  issuer: string;
  documentNo: string;
  title: string;
  receivedOn: PickedDate;
  audience: DocumentAudience;
  requirement?: string;
  summary?: string;
  unitIds: string[];
  dueOn: PickedDate;
  institutionId?: string;
}

/** 登记来文 (the secrecy office): the document's metadata, who must study it and by when — never its text. */
export function RegisterDocumentModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const names = useDocumentNames();
  const [form] = Form.useForm<RegisterForm>();
  const units = useUnits();
  const tree = useMemo(() => unitTree(units.data?.items ?? []), [units.data]);
  const register = useRegisterDocument();
  const { submit, problem } = useFormSubmit<RegisterForm>(form, async (values) => {
    const view = await register.mutateAsync({
      issuer: values.issuer.trim(),
      documentNo: values.documentNo.trim(),
      title: values.title.trim(),
      receivedOn: calendarDate(values.receivedOn) ?? "",
      audience: values.audience,
      requirement: values.requirement?.trim() || undefined,
      summary: values.summary?.trim() || undefined,
      unitIds: values.unitIds,
      dueOn: calendarDate(values.dueOn) ?? "",
      institutionId: values.institutionId,
    });
    void message.success(t("documentStudies.register.done"));
    onClose();
    void navigate(documentUrl(view.id));
  });
  const required = (message: string) => [{ required: true, whitespace: true, message }];

  return (
    <Modal
      open
      width={680}
      title={t("documentStudies.register.title")}
      okText={t("documentStudies.register.submit")}
      confirmLoading={register.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("documentStudies.register.intro")}</Typography.Paragraph>
      <Alert className="form-error" type="warning" showIcon title={t("documentStudies.noSecrets")} />
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<RegisterForm>
        form={form}
        name="register-document"
        layout="vertical"
        requiredMark={false}
        initialValues={{ audience: "allStaff", receivedOn: dayjs() }}
      >
        <InstitutionField permission="documentStudy.manage" />
        <Form.Item
          name="issuer"
          label={t("documentStudies.fields.issuer")}
          rules={required(t("documentStudies.register.issuerRequired"))}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="documentNo"
          label={t("documentStudies.fields.documentNo")}
          rules={required(t("documentStudies.register.documentNoRequired"))}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("documentStudies.fields.title")}
          rules={[
            ...required(t("documentStudies.register.titleRequired")),
            { min: 4, message: t("documentStudies.register.titleRequired") },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t("documentStudies.fields.receivedOn")}
          rules={[{ required: true, message: t("documentStudies.register.receivedOnRequired") }]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item
          name="audience"
          label={t("documentStudies.fields.audience")}
          rules={[{ required: true, message: t("documentStudies.register.audienceRequired") }]}
        >
          <Select<DocumentAudience> options={DOCUMENT_AUDIENCES.map((a) => ({ value: a, label: names.audience(a) }))} />
        </Form.Item>
        <Form.Item
          name="requirement"
          label={t("documentStudies.fields.requirement")}
          extra={t("documentStudies.register.requirementHint")}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t("documentStudies.fields.summary")}
          extra={t("documentStudies.register.summaryHint")}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="unitIds"
          label={t("documentStudies.fields.units")}
          extra={t("documentStudies.register.unitsHint")}
          rules={[{ required: true, message: t("documentStudies.register.unitsRequired") }]}
        >
          <TreeSelect<string[]>
            multiple
            treeData={tree}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: "title" }}
            loading={units.isPending}
            className="full-width"
          />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t("documentStudies.fields.dueOn")}
          rules={[{ required: true, message: t("documentStudies.register.dueOnRequired") }]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

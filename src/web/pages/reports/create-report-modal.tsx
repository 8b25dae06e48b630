import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type ReportKind, type ReportRecipient, useCreateReport } from "../../api/reports";
import { todayInBeijing } from "../../components/format";
import { InstitutionField } from "../../components/institution-picker";
import { useFormSubmit } from "../../components/use-form-submit";
import { yearOptions } from "../obligations/filter-options";
import { CONTACT_ALIASES, ContactFields, type ContactValues, contactOf } from "./contact-fields";
import { REPORT_KINDS, REPORT_RECIPIENTS, useReportNames, WRITTEN } from "./report-names";
import { reportUrl } from "./reports-nav";

interface CreateForm extends ContactValues {
  kind: ReportKind;
  recipient: ReportRecipient;
  year: number;
  title?: string;
  body?: string;
  institutionId?: string;
}

/**
 * 起草报告 (the secrecy office): the kind and the body it goes to, and the year. A plan or summary report starts as a
 * draft compiled from the year's records; a major-matter report or a request is written here, a request with the
 * contact who answers for it. The draft opens for editing.
 */
export function CreateReportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const names = useReportNames();
  const [form] = Form.useForm<CreateForm>();
  const kind = Form.useWatch("kind", form) ?? "planReport";
  const year = Form.useWatch("year", form);
  const create = useCreateReport();
  const { submit, problem } = useFormSubmit<CreateForm>(
    form,
    async (values) => {
      const written = WRITTEN[values.kind];
      const contact = values.kind === "request" ? contactOf(values) : undefined;
      const report = await create.mutateAsync({
        kind: values.kind,
        recipient: values.recipient,
        year: values.year,
        institutionId: values.institutionId,
        ...(written ? { title: values.title?.trim() ?? "", body: values.body?.trim() ?? "" } : {}),
        ...(contact ? { contact } : {}),
      });
      void message.success(t("reports.create.done"));
      onClose();
      void navigate(reportUrl(report.id));
    },
    CONTACT_ALIASES,
  );

  return (
    <Modal
      open
      width={640}
      title={t("reports.create.title")}
      okText={t("reports.create.submit")}
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("reports.create.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<CreateForm>
        form={form}
        name="create-report"
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: "planReport", recipient: "partyCommittee", year: Number(todayInBeijing().slice(0, 4)) }}
      >
        <InstitutionField permission="report.manage" />
        <Form.Item name="kind" label={t("reports.fields.kind")}>
          <Radio.Group optionType="button" options={REPORT_KINDS.map((k) => ({ value: k, label: names.kind(k) }))} />
        </Form.Item>
        <Form.Item name="recipient" label={t("reports.fields.recipient")} extra={t("reports.create.recipientHint")}>
          <Radio.Group
            optionType="button"
            options={REPORT_RECIPIENTS.map((r) => ({ value: r, label: names.recipient(r) }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t("reports.fields.year")} className="report-year">
          <Select<number> options={yearOptions()} />
        </Form.Item>
        {WRITTEN[kind] ? (
          <>
            <Form.Item
              name="title"
              label={t("reports.fields.title")}
              extra={kind === "request" ? t("reports.create.requestTitleHint") : t("reports.create.majorTitleHint")}
              rules={[
                { required: true, whitespace: true, message: t("reports.draft.titleRequired") },
                { min: 4, message: t("reports.draft.titleRequired") },
                { max: 200, message: t("reports.draft.titleTooLong") },
              ]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="body"
              label={t("reports.fields.body")}
              extra={t("reports.draft.bodyHint")}
              rules={[
                { required: true, whitespace: true, message: t("reports.draft.bodyRequired") },
                { min: 10, message: t("reports.draft.bodyRequired") },
                { max: 50_000, message: t("reports.draft.bodyTooLong") },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={50_000} />
            </Form.Item>
            {kind === "request" && <ContactFields required />}
            <Alert type="warning" showIcon title={t("reports.noSecrets")} />
          </>
        ) : (
          <Alert
            type="info"
            showIcon
            title={t(kind === "planReport" ? "reports.create.compiledPlan" : "reports.create.compiledSummary", {
              year: year ?? "",
            })}
          />
        )}
      </Form>
    </Modal>
  );
}

import { DeleteOutlined, PaperClipOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type ReportView, useUpdateReport } from "../../api/reports";
import { useFormSubmit } from "../../components/use-form-submit";
import { CONTACT_ALIASES, ContactFields, type ContactValues, contactOf } from "./contact-fields";
import { useReportNames } from "./report-names";

interface DraftForm extends ContactValues {
  title: string;
  body: string;
  attachments: string[];
}

const MAX_ATTACHMENTS = 20;

/**
 * The draft the secrecy office edits before the director signs: the title, the text (one paragraph a line; headings
 * 一、 （一） 1. as the document layout expects), the names of the attachments (附件说明 — the files themselves go with
 * the paper document) and, for a request, the contact. Once signed the text is final and this form is gone.
 */
export function ReportDraftForm({ report: r }: { report: ReportView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useReportNames();
  const [form] = Form.useForm<DraftForm>();
  const update = useUpdateReport(r.id);
  const request = r.kind === "request";
  const { submit, problem } = useFormSubmit<DraftForm>(
    form,
    async (values) => {
      const contact = request ? contactOf(values) : undefined;
      await update.mutateAsync({
        title: values.title.trim(),
        body: values.body.trim(),
        attachments: (values.attachments ?? []).map((name) => name?.trim() ?? "").filter((name) => name !== ""),
        ...(contact ? { contact } : {}),
      });
      void message.success(t("reports.draft.saved"));
    },
    CONTACT_ALIASES,
  );

  return (
    <Card title={t("reports.draft.title")} className="stack-card" data-testid="report-draft">
      <Typography.Paragraph type="secondary">
        {t("reports.draft.intro", { recipient: names.recipient(r.recipient) })}
      </Typography.Paragraph>
      <Alert className="form-error" type="warning" showIcon title={t("reports.noSecrets")} />
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<DraftForm>
        form={form}
        name="report-draft"
        layout="vertical"
        requiredMark={false}
        initialValues={{
          title: r.title,
          body: r.body,
          attachments: r.attachments,
          contactName: r.contact?.name ?? "",
          contactPhone: r.contact?.phone ?? "",
        }}
      >
        <Form.Item
          name="title"
          label={t("reports.fields.title")}
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
          <Input.TextArea autoSize={{ minRows: 10, maxRows: 28 }} maxLength={50_000} className="report-body-input" />
        </Form.Item>
        <Typography.Title level={5} className="section-title">
          {t("reports.fields.attachments")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("reports.draft.attachmentsHint")}</Typography.Paragraph>
        <Form.List name="attachments">
          {(fields, { add, remove }) => (
            <div data-testid="report-attachments-editor">
              {fields.map((field, index) => (
                <Space key={field.key} align="start" className="attachment-row">
                  <Form.Item
                    name={field.name}
                    rules={[{ max: 200, message: t("reports.draft.attachmentTooLong") }]}
                    className="attachment-input"
                  >
                    <Input
                      prefix={<PaperClipOutlined />}
                      maxLength={200}
                      aria-label={t("reports.draft.attachmentName", { n: index + 1 })}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t("reports.draft.removeAttachment", { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_ATTACHMENTS}
                onClick={() => add("")}
                className="panel-block"
              >
                {t("reports.draft.addAttachment")}
              </Button>
            </div>
          )}
        </Form.List>
        {request && (
          <>
            <Typography.Title level={5} className="section-title">
              {t("reports.contact.title")}
            </Typography.Title>
            <ContactFields required />
          </>
        )}
        <Button type="primary" icon={<SaveOutlined />} loading={update.isPending} onClick={submit}>
          {t("reports.draft.save")}
        </Button>
      </Form>
    </Card>
  );
}

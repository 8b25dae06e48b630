import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";

/** A request's contact as the forms hold it: two flat fields, so the server's refusals land under them. */
export interface ContactValues {
  contactName?: string;
  contactPhone?: string;
}

/** Where the server's issues about the contact go (`body.contact` when it is missing altogether). */
export const CONTACT_ALIASES: Record<string, string> = {
  "body.contact": "contactName",
  "body.contact.name": "contactName",
  "body.contact.phone": "contactPhone",
};

const PHONE = /^[\d\-+() ]{5,30}$/;

/** The contact as the API takes it, or undefined when neither field is filled. */
export function contactOf(values: ContactValues): { name: string; phone: string } | undefined {
  const name = values.contactName?.trim() ?? "";
  const phone = values.contactPhone?.trim() ?? "";
  return name === "" && phone === "" ? undefined : { name, phone };
}

/**
 * 联系人及电话: a request names who answers for it (GB/T 9704 附注, printed under the date). Required for a request;
 * `required` false leaves both empty or both filled.
 */
export function ContactFields({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="contact-fields">
      <Form.Item
        name="contactName"
        label={t("reports.contact.name")}
        rules={[
          { required, whitespace: true, message: t("reports.contact.nameRequired") },
          { max: 50, message: t("reports.contact.nameTooLong") },
        ]}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t("reports.contact.phone")}
        rules={[
          { required, whitespace: true, message: t("reports.contact.phoneRequired") },
          { pattern: PHONE, message: t("reports.contact.phoneInvalid") },
        ]}
      >
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
    </div>
  );
}

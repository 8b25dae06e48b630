import { DatePicker, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { useRecordHigherRegulation } from "../../../api/regulations";
import { calendarDate, type PickedDate } from "../../../components/dates";
import { InstitutionField } from "../../../components/institution-picker";
import { RegulationDialog } from "./regulation-dialog";

interface HigherForm {
  issuer: string;
  documentNo: string;
  title: string;
  issuedOn: PickedDate;
  summary?: string;
  institutionId?: string;
}

/** 登记上级法规: raises the obligation to adopt or revise the institution's rules after it (第十三条第（四）项). */
export function HigherRegulationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordHigherRegulation();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <RegulationDialog<HigherForm>
      name="higher-regulation"
      title={t("regulations.higher.modalTitle")}
      ok={t("regulations.higher.submit")}
      intro={t("regulations.higher.modalIntro")}
      done={t("regulations.higher.done")}
      pending={record.isPending}
      send={(values) =>
        record.mutateAsync({
          issuer: values.issuer.trim(),
          documentNo: values.documentNo.trim(),
          title: values.title.trim(),
          issuedOn: calendarDate(values.issuedOn) ?? "",
          summary: values.summary?.trim() || undefined,
          institutionId: values.institutionId,
        })
      }
      onClose={onClose}
      warn
    >
      <InstitutionField permission="regulation.manage" />
      <Form.Item
        name="issuer"
        label={t("regulations.higher.issuer")}
        rules={required(t("regulations.higher.issuerRequired"))}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="documentNo"
        label={t("regulations.higher.documentNo")}
        rules={required(t("regulations.higher.documentNoRequired"))}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t("regulations.higher.docTitle")}
        rules={[
          ...required(t("regulations.higher.docTitleRequired")),
          { min: 4, message: t("regulations.higher.docTitleRequired") },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="issuedOn"
        label={t("regulations.higher.issuedOn")}
        rules={[{ required: true, message: t("regulations.higher.issuedOnRequired") }]}
      >
        <DatePicker className="full-width" />
      </Form.Item>
      <Form.Item name="summary" label={t("regulations.higher.summary")}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </RegulationDialog>
  );
}

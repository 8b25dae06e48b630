import { Card, Descriptions, Steps } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportView } from "../../api/reports";
import { STATUS_STEP, useReportNames } from "./report-names";
import { minuteOf } from "./report-table";

/** 草稿 → 已签发 → 已报送, with who signed and when it went out; under them what the report is and where it goes. */
export function ReportSteps({ report: r }: { report: ReportView }) {
  const { t } = useTranslation();
  const names = useReportNames();
  return (
    <Card className="stack-card" size="small">
      <Steps
        className="report-steps"
        size="small"
        data-testid="report-steps"
        current={STATUS_STEP[r.status]}
        status={r.status === "submitted" ? "finish" : "process"}
        items={[
          { title: t("reports.steps.draft"), content: t("reports.steps.draftNote") },
          {
            title: t("reports.steps.signed"),
            content: r.signer
              ? `${r.signer.person.name} · ${minuteOf(r.signer.signedAt)}`
              : t("reports.steps.signNote"),
          },
          {
            title: t("reports.steps.submitted"),
            content: r.submittedAt ? minuteOf(r.submittedAt) : t("reports.steps.submitNote"),
          },
        ]}
      />
      <Descriptions
        className="report-facts"
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: "kind", label: t("reports.fields.kind"), children: names.kind(r.kind) },
          { key: "recipient", label: t("reports.fields.recipient"), children: names.recipient(r.recipient) },
          { key: "year", label: t("reports.fields.year"), children: r.year },
          { key: "institution", label: t("reports.fields.institution"), children: r.institution.name },
          {
            key: "basis",
            label: t("reports.fields.basis"),
            span: "filled",
            children: t("reports.detail.basis", { rules: t("placeholder.rules"), citation: r.citation }),
          },
        ]}
      />
    </Card>
  );
}

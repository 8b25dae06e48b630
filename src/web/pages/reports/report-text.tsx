import { Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportView } from "../../api/reports";
import { useReportNames } from "./report-names";

/**
 * The report as it reads (to the director before signing, to everyone once final): title, recipient, text one
 * paragraph a line, the attachments (附件说明) and, for a request, the contact (附注).
 */
export function ReportText({ report: r }: { report: ReportView }) {
  const { t } = useTranslation();
  const names = useReportNames();
  return (
    <Card
      title={r.status === "draft" ? t("reports.text.draftTitle") : t("reports.text.finalTitle")}
      className="stack-card"
      data-testid="report-text"
    >
      <Typography.Title level={4} className="report-doc-title">
        {r.title}
      </Typography.Title>
      <Typography.Paragraph strong>
        {t("reports.text.to", { recipient: names.recipient(r.recipient) })}
      </Typography.Paragraph>
      <div className="report-body">
        {r.body.split("\n").map((line, index) => (
          // Lines are the text's own paragraphs, never reordered: their position is their identity.
          <p key={index}>{line}</p>
        ))}
      </div>
      {r.attachments.length > 0 && (
        <div className="report-attachments" data-testid="report-attachments">
          <Typography.Text>{t("reports.text.attachments")}</Typography.Text>
          <ol>
            {r.attachments.map((name, index) => (
              <li key={index}>{name}</li>
            ))}
          </ol>
        </div>
      )}
      {r.contact && (
        <Typography.Paragraph type="secondary" className="report-contact">
          {t("reports.text.contact", { name: r.contact.name, phone: r.contact.phone })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

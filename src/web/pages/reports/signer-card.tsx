import { Card, Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportSigner, ReportView } from "../../api/reports";
import { formatBeijing } from "../../components/format";

/**
 * The signed report's 发文字号, who signed it and in what capacity (the director, or a deputy under the director's
 * delegation, 第十条第（二）项), when, the signature's digest, and — once sent — when and how it went out.
 */
export function SignerCard({ report: r, signer }: { report: ReportView; signer: ReportSigner }) {
  const { t } = useTranslation();
  return (
    <Card title={t("reports.signer.title")} className="stack-card report-signer">
      <Descriptions
        size="small"
        bordered
        column={1}
        data-testid="report-signer"
        items={[
          ...(r.number ? [{ key: "number", label: t("reports.fields.number"), children: r.number }] : []),
          { key: "person", label: t("reports.signer.person"), children: signer.person.name },
          {
            key: "as",
            label: t("reports.signer.signedAs"),
            children:
              signer.signedAs === "director" ? (
                t("reports.signer.asDirector")
              ) : (
                <>
                  <Typography.Text>{t("reports.signer.asDelegate")}</Typography.Text>
                  {signer.delegationPurpose && (
                    <Typography.Paragraph type="secondary" className="signer-delegation">
                      {t("reports.signer.delegation", { purpose: signer.delegationPurpose })}
                    </Typography.Paragraph>
                  )}
                </>
              ),
          },
          { key: "at", label: t("reports.signer.signedAt"), children: formatBeijing(signer.signedAt) },
          {
            key: "signature",
            label: t("reports.signer.signature"),
            children: (
              <Typography.Text className="mono signature" copyable>
                {signer.signature}
              </Typography.Text>
            ),
          },
          ...(r.submittedAt
            ? [
                { key: "submittedAt", label: t("reports.fields.submittedAt"), children: formatBeijing(r.submittedAt) },
                { key: "note", label: t("reports.submit.note"), children: r.submittedNote ?? "—" },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

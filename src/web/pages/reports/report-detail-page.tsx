import { Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { type ReportView, useReport } from "../../api/reports";
import { DetailPage } from "../../components/detail-page";
import { usePageTitle } from "../../components/page-title";
import { DischargesCard } from "../obligations/discharges-card";
import { ReportDraftForm } from "./report-draft-form";
import { ReportHeader } from "./report-header";
import { ReportSteps } from "./report-steps";
import { ReportText } from "./report-text";
import { REPORTS_PATH } from "./reports-nav";
import { SignPanel } from "./sign-panel";
import { SignerCard } from "./signer-card";
import { SubmitPanel } from "./submit-panel";
import "./reports.css";

/**
 * One report or request: its header (kind, recipient, status, number, the .docx), the steps 草稿 → 已签发 → 已报送, the
 * draft the office edits (or the final text once signed), the director's 签发 with the password re-entered, the
 * office's 登记报送, who signed with the signature's digest, and the obligations its submission discharges.
 */
export function ReportDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const report = useReport(id);
  usePageTitle(report.data?.title ?? t("reports.detail.title"));

  return (
    <DetailPage
      query={report}
      notFound={t("reports.detail.notFound")}
      notFoundHint={t("reports.detail.notFoundHint")}
      back={{ to: REPORTS_PATH, label: t("reports.detail.back") }}
    >
      {(data) => <ReportDetail report={data} />}
    </DetailPage>
  );
}

function ReportDetail({ report: r }: { report: ReportView }) {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="report-detail">
      <ReportHeader report={r} />
      <ReportSteps report={r} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          {/* A new status is a new form: what was typed into a draft that has since been signed is not kept. */}
          {r.abilities.edit ? <ReportDraftForm key={r.status} report={r} /> : <ReportText report={r} />}
        </Col>
        <Col xs={24} xl={9}>
          {r.status === "draft" && <SignPanel report={r} />}
          {r.status === "signed" && <SubmitPanel report={r} />}
          {r.signer && <SignerCard report={r} signer={r.signer} />}
          <DischargesCard
            obligations={r.obligations}
            title={t("reports.discharges.title")}
            testId="report-discharges"
            pending={r.status === "submitted" ? undefined : t("reports.discharges.whenSubmitted")}
            empty={t("reports.discharges.empty")}
            compact
          />
        </Col>
      </Row>
    </div>
  );
}

import { Alert, Card, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { errorMessage } from "../../api/error-message";
import { type SelfAssessmentView, useSelfAssessment } from "../../api/self-assessments";
import { PageHeader } from "../../components/page-header";
import { FindingsTable } from "../inspections/findings-table";
import { AnswerForm } from "./answer-form";
import { AnswersView } from "./answers-view";
import { ResultCard } from "./result-card";
import "./self-assessments.css";

/**
 * One self-assessment (`/self-assessments/:id`; the findings it raised link here): its score, band and veto, the
 * form while it is a draft the user fills, the answers read-only otherwise, and the findings it raised.
 */
export function SelfAssessmentPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const query = useSelfAssessment(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <Alert type="error" showIcon title={errorMessage(query.error, t)} />;
  return <SelfAssessmentDetail key={`${query.data.id}:${query.data.status}`} view={query.data} />;
}

function SelfAssessmentDetail({ view }: { view: SelfAssessmentView }) {
  const { t } = useTranslation();
  return (
    <div data-testid="self-assessment">
      <PageHeader
        title={t("selfAssessments.detail.title", {
          unit: view.own ? `${view.unit.name}（${t("selfAssessments.own")}）` : view.unit.name,
          year: view.year,
        })}
        intro={t("selfAssessments.intro")}
        basis={t("selfAssessments.basis")}
      />
      <ResultCard view={view} />
      <Card
        title={t("selfAssessments.detail.findings")}
        className="panel-block"
        data-testid="sa-findings"
        extra={view.status === "draft" && t("selfAssessments.detail.problems", { count: view.problems.length })}
      >
        {view.status === "draft" ? (
          <Alert type="info" showIcon title={t("selfAssessments.detail.findingsHint")} />
        ) : (
          <FindingsTable items={view.findings} compact empty={t("selfAssessments.detail.noFindings")} />
        )}
      </Card>
      <Card title={t("selfAssessments.form.title")} className="panel-block">
        {view.abilities.fill ? <AnswerForm view={view} /> : <AnswersView view={view} />}
      </Card>
    </div>
  );
}

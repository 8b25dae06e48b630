import { Alert, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { rubricOf, type SupervisionYear } from "../../../api/supervision";
import { ApprovalPanel } from "./approval-panel";
import { stageStates } from "./year-steps";
import { RankingTable } from "./ranking-table";
import { RubricFacts } from "./rubric-facts";
import { ScoreForm } from "./score-form";
import { StageCard } from "./stage-card";
import { UnitChooser } from "./unit-chooser";

/**
 * 年底 考核: the office scores each unit on the year's rubric, the units are ranked with their band (符合 / 基本符合 /
 * 不符合) and any 一票否决, and the director approves the results, which are then final.
 */
export function AssessmentCard({ year: y }: { year: SupervisionYear }) {
  const { t } = useTranslation();
  const assessment = y.assessment;
  const rubric = rubricOf(assessment);
  const scoring = y.abilities.manage && assessment?.status === "draft" && rubric !== null;
  const [picked, setPicked] = useState<string | undefined>();

  if (!assessment || !rubric) {
    return (
      <StageCard stage="assessment" state={stageStates(y).assessment}>
        <Alert
          type="info"
          showIcon
          data-testid="assessment-not-begun"
          title={t("committee.supervision.assessment.notBegun")}
          description={y.abilities.manage ? t("committee.supervision.assessment.notBegunOffice") : undefined}
        />
      </StageCard>
    );
  }

  // Until the office picks one, the first unit not scored yet.
  const target = picked ?? assessment.unscored[0]?.id;
  const unit =
    assessment.unscored.find((u) => u.id === target) ?? assessment.scores.find((s) => s.unit.id === target)?.unit;
  const saved = assessment.scores.find((s) => s.unit.id === target);
  const pick = (unitId: string) => {
    setPicked(unitId);
    document.getElementById("score-unit")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  return (
    <StageCard stage="assessment" state={stageStates(y).assessment}>
      <RubricFacts rubric={rubric} />
      <Typography.Title level={5} className="section-title">
        {t("committee.supervision.ranking.title")}
      </Typography.Title>
      <RankingTable scores={assessment.scores} bands={rubric.bands} onPick={scoring ? pick : undefined} />
      {assessment.unscored.length > 0 && (
        <Typography.Paragraph type="secondary" className="unscored-note" data-testid="unscored">
          {t("committee.supervision.ranking.unscored", {
            count: assessment.unscored.length,
            units: assessment.unscored.map((u) => u.name).join(t("committee.supervision.listSeparator")),
          })}
        </Typography.Paragraph>
      )}
      <ApprovalPanel
        year={y}
        record="assessment"
        warning={
          assessment.unscored.length > 0
            ? t("committee.supervision.approval.assessment.unscoredWarning", { count: assessment.unscored.length })
            : undefined
        }
      />
      {scoring && (
        <div id="score-unit" className="score-unit">
          <Typography.Title level={5} className="section-title">
            {t("committee.supervision.score.title")}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t("committee.supervision.score.intro")}</Typography.Paragraph>
          <UnitChooser assessment={assessment} bands={rubric.bands} value={unit?.id} onChange={setPicked} />
          {unit && (
            // A new unit, or the same one saved again: the form starts from what the server holds.
            <ScoreForm
              key={`${unit.id}:${saved?.scoredAt ?? ""}`}
              year={y.year}
              rubric={rubric}
              unit={unit}
              saved={saved}
              onSaved={() => setPicked(unit.id)}
            />
          )}
        </div>
      )}
    </StageCard>
  );
}

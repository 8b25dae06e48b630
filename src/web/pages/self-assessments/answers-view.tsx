import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AnswerInput, RubricViewItem, SelfAssessmentView } from "../../api/self-assessments";
import { localized } from "../../components/format";
import { isProblem } from "./answer-item";

/** How an item was answered, in a word: the score of its points, the points taken off, 不适用, whether a veto happened. */
function AnswerText({ item, answer }: { item: RubricViewItem; answer: AnswerInput | undefined }) {
  const { t } = useTranslation();
  if (!answer) return <Typography.Text type="secondary">{t("selfAssessments.answer.notAnswered")}</Typography.Text>;
  if (answer.excluded) return <Tag>{t("selfAssessments.answer.excluded")}</Tag>;
  if (item.kind === "veto")
    return answer.vetoed ? (
      <Tag color="red">{t("selfAssessments.answer.vetoYes")}</Tag>
    ) : (
      <Tag color="green">{t("selfAssessments.answer.vetoNo")}</Tag>
    );
  if (typeof answer.score !== "number")
    return <Typography.Text type="secondary">{t("selfAssessments.answer.notAnswered")}</Typography.Text>;
  return item.kind === "deduction" ? (
    <span>{t("selfAssessments.answer.deducted", { score: answer.score })}</span>
  ) : (
    <span>{t("selfAssessments.answer.score", { score: answer.score, points: item.points })}</span>
  );
}

/** The answers read-only (submitted, or a reader's view), section by section; problem answers stand out with their note. */
export function AnswersView({ view }: { view: SelfAssessmentView }) {
  const { i18n } = useTranslation();
  return (
    <div className="sa-form" data-testid="sa-answers">
      {view.rubric.sections.map((section) => (
        <section key={section.id} className="sa-section">
          <Typography.Title level={5} className="sa-section-title">
            {localized(section.title, i18n.language)}
          </Typography.Title>
          {section.items.map((item) => {
            const answer = view.answers[item.id];
            return (
              <div key={item.id} className={`sa-item sa-item-read${isProblem(item, answer) ? " sa-item-problem" : ""}`}>
                <div className="sa-read-row">
                  <Typography.Text className="sa-item-title">{localized(item.title, i18n.language)}</Typography.Text>
                  <span className="sa-read-answer">
                    <AnswerText item={item} answer={answer} />
                  </span>
                </div>
                {answer?.note && (
                  <Typography.Paragraph type="secondary" className="sa-read-note">
                    {answer.note}
                  </Typography.Paragraph>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}

import { Checkbox, Input, InputNumber, Radio, Space, Tag, Typography } from "antd";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerInput, RubricViewItem } from "../../api/self-assessments";
import { localized } from "../../components/format";

/** Whether an answer reveals a problem (as the server judges it): points lost, a deduction taken, a veto hit. */
export function isProblem(item: RubricViewItem, answer: AnswerInput | undefined): boolean {
  if (!answer || answer.excluded) return false;
  if (item.kind === "veto") return answer.vetoed === true;
  if (typeof answer.score !== "number") return false;
  return item.kind === "deduction" ? answer.score > 0 : answer.score < item.points;
}

/** Whether the item has an answer (a score, 不适用, or yes/no for a veto item). */
export function isAnswered(item: RubricViewItem, answer: AnswerInput | undefined): boolean {
  if (!answer) return false;
  if (item.kind === "veto") return typeof answer.vetoed === "boolean";
  return answer.excluded === true || typeof answer.score === "number";
}

/**
 * One item of the rubric answered on a tablet or phone: its text, guidance and articles; a score within its points on
 * its step (不适用 where the item allows it), the points a deduction takes, or whether a veto happened; and, whenever
 * the answer reveals a problem, the note describing it — required, as it becomes the finding.
 */
export const AnswerItem = memo(function AnswerItem(props: {
  item: RubricViewItem;
  citations: Record<string, string>;
  answer: AnswerInput | undefined;
  error: string | undefined;
  onChange: (id: string, answer: AnswerInput) => void;
}) {
  const { item, answer = {}, onChange } = props;
  const { t, i18n } = useTranslation();
  const title = localized(item.title, i18n.language);
  const problem = isProblem(item, answer);
  const set = (change: AnswerInput) => onChange(item.id, { ...answer, ...change });
  return (
    <div
      className={`sa-item${problem ? " sa-item-problem" : ""}${props.error ? " sa-item-error" : ""}`}
      data-testid={`sa-item-${item.id}`}
    >
      <Typography.Text className="sa-item-title">{title}</Typography.Text>
      {item.guidance && (
        <Typography.Paragraph type="secondary" className="sa-guidance">
          {localized(item.guidance, i18n.language)}
        </Typography.Paragraph>
      )}
      {item.articles.length > 0 && (
        <Space size={4} wrap className="sa-tags">
          {item.articles.map((ref) => (
            <Tag key={ref}>{props.citations[ref] ?? ref}</Tag>
          ))}
        </Space>
      )}
      <div className="sa-control">
        {item.kind === "veto" ? (
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            className="sa-veto"
            value={answer.vetoed}
            onChange={(e) => set({ vetoed: e.target.value as boolean })}
            aria-label={t("selfAssessments.form.vetoOf", { title })}
            options={[
              { value: false, label: t("selfAssessments.form.vetoNo") },
              { value: true, label: t("selfAssessments.form.vetoYes") },
            ]}
          />
        ) : (
          <Space size={12} align="center" wrap>
            <Space.Compact>
              <InputNumber
                size="large"
                className="sa-score"
                min={0}
                max={item.points}
                step={item.step}
                inputMode="decimal"
                disabled={answer.excluded === true}
                value={answer.score ?? null}
                onChange={(value) => {
                  const { score: _old, ...rest } = answer;
                  onChange(item.id, typeof value === "number" ? { ...rest, score: value } : rest);
                }}
                aria-label={t(`selfAssessments.form.${item.kind === "points" ? "scoreOf" : "deductionOf"}`, {
                  title,
                })}
              />
              <Space.Addon>
                {item.kind === "points"
                  ? t("selfAssessments.form.outOf", { points: item.points })
                  : t("selfAssessments.form.atMost", { points: item.points })}
              </Space.Addon>
            </Space.Compact>
            {item.canExclude && (
              <Checkbox
                checked={answer.excluded === true}
                onChange={(e) => {
                  const { score: _score, excluded: _excluded, ...rest } = answer;
                  onChange(item.id, e.target.checked ? { ...rest, excluded: true } : rest);
                }}
              >
                {t("selfAssessments.form.excluded")}
              </Checkbox>
            )}
          </Space>
        )}
      </div>
      {(problem || answer.note) && (
        <Input.TextArea
          className="sa-note"
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          status={problem && !answer.note?.trim() ? "warning" : undefined}
          placeholder={t("selfAssessments.form.notePlaceholder")}
          aria-label={t("selfAssessments.form.noteOf", { title })}
          value={answer.note}
          onChange={(e) => set({ note: e.target.value })}
        />
      )}
      {props.error && (
        <Typography.Text type="danger" className="sa-error" role="alert">
          {props.error}
        </Typography.Text>
      )}
    </div>
  );
});

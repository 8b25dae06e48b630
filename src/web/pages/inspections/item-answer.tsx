import { Input, InputNumber, Radio, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { InspectionView } from "../../api/inspections";
import "./inspections.css";

export type TemplateItem = InspectionView["template"]["sections"][number]["items"][number];
export type ItemAnswerValue = { outcome?: "pass" | "fail" | "na"; score?: number | null; note?: string };

/**
 * One checklist item answered on a phone — its text, kind and article, large 符合/不符合/不适用 buttons, the score where
 * it scores, and a note: the inspector's check form and the cleared person's self-check share it.
 */
export function ItemAnswer(props: {
  item: TemplateItem;
  citation: string;
  answer: ItemAnswerValue;
  editable: boolean;
  onChange: (change: ItemAnswerValue) => void;
  /** The note's placeholder (the self-check asks what is wrong when an item is not met). */
  notePlaceholder?: string;
  /** Marks the note as required (a 不符合 of a self-check). */
  noteRequired?: boolean;
}) {
  const { item, answer, editable, onChange } = props;
  const { t } = useTranslation();
  const kindLabel =
    item.kind === "points"
      ? t("inspections.check.points", { points: item.points })
      : item.kind === "veto"
        ? t("inspections.check.veto")
        : t("inspections.check.check");
  return (
    <>
      <Typography.Paragraph className="check-text">{item.text.zh}</Typography.Paragraph>
      <Space size={4} wrap className="check-tags">
        <Tag color={item.kind === "veto" ? "red" : item.kind === "points" ? "gold" : "default"}>{kindLabel}</Tag>
        <Tag>{props.citation}</Tag>
      </Space>
      <Radio.Group
        className="check-outcome"
        optionType="button"
        buttonStyle="solid"
        size="large"
        disabled={!editable}
        value={answer.outcome}
        onChange={(e) => onChange({ outcome: e.target.value as ItemAnswerValue["outcome"] })}
        options={[
          { value: "pass", label: t("inspections.outcomes.pass") },
          { value: "fail", label: t("inspections.outcomes.fail") },
          ...(item.canExclude ? [{ value: "na", label: t("inspections.outcomes.na") }] : []),
        ]}
        aria-label={item.text.zh}
      />
      {item.kind === "points" && answer.outcome !== "na" && (
        <InputNumber
          className="check-score"
          size="large"
          min={0}
          max={item.points}
          step={0.5}
          disabled={!editable}
          value={answer.score ?? null}
          onChange={(v) => onChange({ score: v })}
          addonBefore={t("inspections.check.scoreLabel")}
          addonAfter={`/ ${item.points}`}
          inputMode="decimal"
        />
      )}
      <Input.TextArea
        className="check-note"
        placeholder={props.notePlaceholder ?? t("inspections.check.note")}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={2000}
        disabled={!editable}
        status={props.noteRequired && !answer.note?.trim() ? "warning" : undefined}
        aria-label={props.notePlaceholder ?? t("inspections.check.note")}
        value={answer.note}
        onChange={(e) => onChange({ note: e.target.value })}
      />
    </>
  );
}

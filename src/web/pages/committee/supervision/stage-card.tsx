import { Card, Space, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type StageState, StageTag } from "./stage-tag";

/** The four steps of the year, in its order (第十二条第（二）项: 年初计划, 年中督查, 年底考核、总结). */
export const STAGES = ["plan", "supervision", "assessment", "summary"] as const;
export type Stage = (typeof STAGES)[number];

/** The anchor of a step's card, for the year's steps to scroll to. */
export const stageAnchor = (stage: Stage) => `supervision-${stage}`;

/** One step's card: when in the year it falls, what it is, where it stands. */
export function StageCard({
  stage,
  state,
  extra,
  children,
}: {
  stage: Stage;
  state: StageState;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      id={stageAnchor(stage)}
      data-testid={`stage-${stage}`}
      className="stack-card stage-card"
      title={
        <Space size={8} wrap>
          <Tag color="geekblue" className="stage-when">
            {t(`committee.supervision.stages.${stage}.when`)}
          </Tag>
          <span>{t(`committee.supervision.stages.${stage}.title`)}</span>
          <StageTag state={state} />
        </Space>
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}

import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/**
 * Where a record of the year stands: not begun, a draft, approved (审定); the assessment is being scored until it is
 * approved; the supervision is open or done.
 */
export type StageState = "none" | "draft" | "scoring" | "approved" | "open" | "completed";

const COLOURS: Record<StageState, string> = {
  none: "default",
  draft: "orange",
  scoring: "processing",
  approved: "green",
  open: "processing",
  completed: "green",
};

/** The coloured state of one of the year's records. */
export function StageTag({ state }: { state: StageState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[state]} className="status-tag" data-testid="stage-state">
      {t(`committee.supervision.states.${state}`)}
    </Tag>
  );
}

import { Form, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RubricItem } from "../../../api/supervision";

/**
 * How many items still wait for an answer, as the office types (its own component: watching every answer re-renders
 * only this line, not the whole rubric).
 */
export function OpenCount({ items }: { items: readonly RubricItem[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const answers = Form.useWatch("answers", form) as Record<string, { score?: unknown; excluded?: boolean }> | undefined;
  const open = items.filter((item) => {
    const a = answers?.[item.id];
    return item.kind !== "veto" && a?.excluded !== true && typeof a?.score !== "number";
  }).length;
  return (
    <Typography.Text type={open > 0 ? "warning" : "secondary"} data-testid="score-open">
      {open > 0 ? t("committee.supervision.score.open", { count: open }) : t("committee.supervision.score.allAnswered")}
    </Typography.Text>
  );
}

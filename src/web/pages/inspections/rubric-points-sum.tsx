import { Form, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type EditorValues, pointsOf, tidy } from "./rubric-draft";

/** What the points items add up to, against the total when one is set: the server refuses a save where they differ. */
export function RubricPointsSum() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const sections = Form.useWatch("sections", form);
  const total = Form.useWatch("total", form);
  const sum = tidy((sections ?? []).reduce((acc, section) => acc + pointsOf(section?.items), 0));
  const hasTotal = typeof total === "number";
  const matches = !hasTotal || Math.abs(sum - total) < 1e-9;
  return (
    <div data-testid="rubric-points-sum">
      <Typography.Text strong type={matches ? "success" : "danger"}>
        {hasTotal ? t("inspections.rubrics.sumOfTotal", { sum, total }) : t("inspections.rubrics.sumOnly", { sum })}
      </Typography.Text>
      {!matches && (
        <Typography.Text type="danger">
          {" "}
          {t("inspections.rubrics.sumDiff", { diff: tidy(Math.abs(total - sum)) })}
        </Typography.Text>
      )}
    </div>
  );
}

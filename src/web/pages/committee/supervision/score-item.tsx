import { Checkbox, Form, Input, InputNumber, Space, Switch, Typography } from "antd";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { RubricItem } from "../../../api/supervision";
import { localized } from "../../../components/format";

/**
 * One item of the rubric for one unit: a points item takes a score from 0 to its points on its step, and where it
 * may not apply to the unit a 不适用 box; a deduction takes the points taken off; a veto item is answered yes or no.
 * The guidance says how to judge it; a reason is asked for whenever points are lost.
 */
export const ScoreItem = memo(function ScoreItem({ item }: { item: RubricItem }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  const base = ["answers", item.id];
  const excluded = Form.useWatch([...base, "excluded"], form) === true;
  const score = Form.useWatch([...base, "score"], form) as number | null | undefined;
  const vetoed = Form.useWatch([...base, "vetoed"], form) === true;
  const title = localized(item.title, i18n.language);
  const lost =
    item.kind === "veto"
      ? vetoed
      : item.kind === "deduction"
        ? (score ?? 0) > 0
        : !excluded && typeof score === "number" && score < item.points;

  return (
    <div className={`score-item${vetoed ? " score-item-vetoed" : ""}`} data-testid={`score-item-${item.id}`}>
      <div className="score-item-text">
        <Typography.Text className="score-item-title">{title}</Typography.Text>
        {item.guidance && (
          <Typography.Paragraph type="secondary" className="score-guidance">
            {localized(item.guidance, i18n.language)}
          </Typography.Paragraph>
        )}
        {lost && (
          <Form.Item
            name={[...base, "note"]}
            className="score-note"
            rules={[{ max: 500, message: t("committee.supervision.score.noteTooLong") }]}
          >
            <Input
              maxLength={500}
              aria-label={t("committee.supervision.score.noteOf", { title })}
              placeholder={t(`committee.supervision.score.notePlaceholder.${item.kind}`)}
            />
          </Form.Item>
        )}
      </div>
      <div className="score-item-control">
        {item.kind === "veto" ? (
          <Form.Item name={[...base, "vetoed"]} valuePropName="checked" className="score-control-item">
            <Switch
              checkedChildren={t("committee.supervision.score.vetoYes")}
              unCheckedChildren={t("committee.supervision.score.vetoNo")}
              aria-label={t("committee.supervision.score.vetoOf", { title })}
            />
          </Form.Item>
        ) : (
          <Form.Item className="score-control-item">
            <Space size={12} align="center" wrap>
              <Space.Compact>
                <Form.Item
                  noStyle
                  name={[...base, "score"]}
                  dependencies={[[...base, "excluded"]]}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, value: unknown) =>
                        getFieldValue([...base, "excluded"]) === true || (value !== null && value !== undefined)
                          ? Promise.resolve()
                          : Promise.reject(new Error(t(`committee.supervision.score.required.${item.kind}`))),
                    }),
                  ]}
                >
                  <InputNumber
                    min={0}
                    max={item.points}
                    step={item.step}
                    disabled={excluded}
                    className="score-input"
                    aria-label={t(`committee.supervision.score.inputOf.${item.kind}`, { title })}
                  />
                </Form.Item>
                <Space.Addon>
                  {item.kind === "points"
                    ? t("committee.supervision.score.outOf", { points: item.points })
                    : t("committee.supervision.score.atMost", { points: item.points })}
                </Space.Addon>
              </Space.Compact>
              {item.canExclude && (
                <Form.Item noStyle name={[...base, "excluded"]} valuePropName="checked">
                  <Checkbox
                    onChange={(event) => {
                      if (event.target.checked) form.setFieldValue([...base, "score"], null);
                    }}
                  >
                    {t("committee.supervision.score.excluded")}
                  </Checkbox>
                </Form.Item>
              )}
            </Space>
          </Form.Item>
        )}
      </div>
    </div>
  );
});

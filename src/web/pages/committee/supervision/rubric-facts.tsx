import { Descriptions, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Rubric } from "../../../api/supervision";
import { localized } from "../../../components/format";
import { bandColour } from "./band-tag";

/** The rubric the year is assessed on: its name and version, the full marks, and the bands a percentage falls into. */
export function RubricFacts({ rubric }: { rubric: Rubric }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const total = rubric.sections
    .flatMap((s) => s.items)
    .filter((item) => item.kind === "points")
    .reduce((sum, item) => sum + item.points, 0);
  return (
    <Descriptions
      size="small"
      className="panel-block"
      column={{ xs: 1, md: 2 }}
      data-testid="rubric"
      items={[
        {
          key: "rubric",
          label: t("committee.supervision.rubric.name"),
          children: t("committee.supervision.rubric.version", {
            title: localized(rubric.title, language),
            version: rubric.version,
          }),
        },
        {
          key: "total",
          label: t("committee.supervision.rubric.total"),
          children: t("committee.supervision.points", { count: total }),
        },
        {
          key: "bands",
          label: t("committee.supervision.rubric.bands"),
          span: "filled",
          children: (
            <Space size={4} wrap>
              {rubric.bands.map((band, index) => {
                const above = rubric.bands[index - 1];
                return (
                  <Tag key={band.key} color={bandColour(rubric.bands, band.key)}>
                    {localized(band, language)}{" "}
                    {!above
                      ? t("committee.supervision.rubric.atLeast", { min: band.min })
                      : band.min === 0
                        ? t("committee.supervision.rubric.below", { max: above.min })
                        : t("committee.supervision.rubric.between", { min: band.min, max: above.min })}
                  </Tag>
                );
              })}
              <span className="rubric-veto-note">{t("committee.supervision.rubric.vetoNote")}</span>
            </Space>
          ),
        },
      ]}
    />
  );
}

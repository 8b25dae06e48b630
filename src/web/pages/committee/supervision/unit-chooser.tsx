import { Select } from "antd";
import { useTranslation } from "react-i18next";
import type { AssessmentView, RubricBand } from "../../../api/supervision";
import { localized } from "../../../components/format";

/** Picks the unit to score: those not scored yet first, then those scored (with their percentage) to score again. */
export function UnitChooser({
  assessment,
  bands,
  value,
  onChange,
}: {
  assessment: AssessmentView;
  bands: readonly RubricBand[];
  value: string | undefined;
  onChange: (unitId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const bandName = (key: string, fallback: string) => {
    const band = bands.find((b) => b.key === key);
    return band ? localized(band, i18n.language) : fallback;
  };
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      className="unit-chooser"
      aria-label={t("committee.supervision.score.unit")}
      placeholder={t("committee.supervision.score.pickUnit")}
      showSearch={{ optionFilterProp: "title" }}
      options={[
        {
          label: t("committee.supervision.score.unscored", { count: assessment.unscored.length }),
          options: assessment.unscored.map((u) => ({ value: u.id, title: u.name, label: u.name })),
        },
        {
          label: t("committee.supervision.score.scored", { count: assessment.scores.length }),
          options: assessment.scores.map((s) => ({
            value: s.unit.id,
            title: s.unit.name,
            label: t("committee.supervision.score.scoredUnit", {
              unit: s.unit.name,
              percent: s.percent === null ? "—" : `${s.percent.toFixed(1)}%`,
              band: s.vetoed
                ? t("committee.supervision.score.vetoedBand", { band: bandName(s.band, s.bandName) })
                : bandName(s.band, s.bandName),
            }),
          })),
        },
      ]}
    />
  );
}

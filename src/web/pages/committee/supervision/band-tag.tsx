import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { RubricBand } from "../../../api/supervision";
import { localized } from "../../../components/format";

/** Bands run from best to worst: the first green (符合), the last red (不符合), those between orange (基本符合). */
export function bandColour(bands: readonly RubricBand[], key: string): string {
  const index = bands.findIndex((band) => band.key === key);
  if (index === -1) return "default";
  if (index === 0) return "green";
  return index === bands.length - 1 ? "red" : "orange";
}

/** A result's band (分档), coloured, in the interface language; the server's Chinese name when the rubric lacks it. */
export function BandTag({ bands, band, fallback }: { bands: readonly RubricBand[]; band: string; fallback: string }) {
  const { i18n } = useTranslation();
  const known = bands.find((b) => b.key === band);
  return (
    <Tag color={bandColour(bands, band)} className="status-tag" data-testid="band">
      {known ? localized(known, i18n.language) : fallback}
    </Tag>
  );
}

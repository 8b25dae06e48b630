import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import {
  CATEGORY_NAMES,
  type RegulationCategory,
  type RegulationStatus,
  REGULATION_STATUS_NAMES,
} from "../../../../features/regulations/contract";
import { localized } from "../../../components/format";

export {
  REGULATION_CATEGORIES,
  REGULATION_LEVELS,
  REGULATION_STATUSES,
} from "../../../../features/regulations/contract";

/** The library's vocabulary in the interface language (the server sends the Chinese names too). */
export function useRegulationNames() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    category: useCallback((c: RegulationCategory) => localized(CATEGORY_NAMES[c], language), [language]),
    status: useCallback((s: RegulationStatus) => localized(REGULATION_STATUS_NAMES[s], language), [language]),
  };
}

export const STATUS_COLOURS: Record<RegulationStatus, string> = {
  draft: "orange",
  inForce: "green",
  repealed: "default",
};

/** The address of one regulation. */
export function regulationUrl(id: string): string {
  return `/committee/regulations/${encodeURIComponent(id)}`;
}

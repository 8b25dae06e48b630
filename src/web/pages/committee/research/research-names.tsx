import { Tag } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { ResearchStatus } from "../../../api/research";

// The contract's vocabulary, spelled out here because the web reads only contracts' types (DESIGN §3); the records
// below are keyed by the contract's types, so a status added there is a compile error here.

/** 立项 → 立项通过 → 调研 → 调研发现 → 调研报告 → 结题: the step each status stands at (a cancelled topic stops). */
export const STATUS_STEP: Record<ResearchStatus, number> = {
  draft: 0,
  approved: 1,
  inProgress: 2,
  findingsRecorded: 3,
  reported: 4,
  concluded: 5,
  cancelled: 0,
};
export const RESEARCH_STATUSES = Object.keys(STATUS_STEP) as ResearchStatus[];
const STATUS_COLOURS: Record<ResearchStatus, string> = {
  draft: "orange",
  approved: "cyan",
  inProgress: "blue",
  findingsRecorded: "geekblue",
  reported: "purple",
  concluded: "green",
  cancelled: "default",
};

/** The list of 调研课题 under 委员会工作. */
export const RESEARCH_PATH = "/committee/research";

/** The address of one research topic. */
export function researchUrl(id: string): string {
  return `${RESEARCH_PATH}/${encodeURIComponent(id)}`;
}

/** A status in the interface language (the server sends it in Chinese only). */
export function useResearchStatusName(): (status: ResearchStatus) => string {
  const { t } = useTranslation();
  return useCallback((status: ResearchStatus) => t(`research.statuses.${status}`), [t]);
}

/** A topic's coloured status. */
export function ResearchStatusTag({ status }: { status: ResearchStatus }) {
  const name = useResearchStatusName();
  return (
    <Tag color={STATUS_COLOURS[status]} className="status-tag">
      {name(status)}
    </Tag>
  );
}

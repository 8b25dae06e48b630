import { Tag } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { ReportKind, ReportRecipient, ReportStatus } from "../../api/reports";

// The contract's vocabulary, spelled out here because the web reads only contracts' types (DESIGN §3); the records
// below are keyed by the contract's types, so a kind, recipient or status added there is a compile error here.

/** Whether the office writes a kind itself (重大事项报告, 请示) or the platform compiles its draft (计划、总结报告). */
export const WRITTEN: Record<ReportKind, boolean> = {
  planReport: false,
  summaryReport: false,
  majorMatter: true,
  request: true,
};
export const REPORT_KINDS = Object.keys(WRITTEN) as ReportKind[];

const RECIPIENT_ORDER: Record<ReportRecipient, number> = { partyCommittee: 0, higherCommittee: 1 };
export const REPORT_RECIPIENTS = Object.keys(RECIPIENT_ORDER) as ReportRecipient[];

/** 草稿 → 已签发 → 已报送: the step each status stands at, and its colour. */
export const STATUS_STEP: Record<ReportStatus, number> = { draft: 0, signed: 1, submitted: 2 };
export const REPORT_STATUSES = Object.keys(STATUS_STEP) as ReportStatus[];
const STATUS_COLOURS: Record<ReportStatus, string> = { draft: "orange", signed: "blue", submitted: "green" };

/** Names of the reports' vocabulary in the interface language (the server sends them in Chinese only). */
export function useReportNames() {
  const { t } = useTranslation();
  return {
    kind: useCallback((kind: ReportKind) => t(`reports.kinds.${kind}`), [t]),
    recipient: useCallback((recipient: ReportRecipient) => t(`reports.recipients.${recipient}`), [t]),
    status: useCallback((status: ReportStatus) => t(`reports.statuses.${status}`), [t]),
  };
}

/** A report's coloured status. */
export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const names = useReportNames();
  return (
    <Tag color={STATUS_COLOURS[status]} className="status-tag">
      {names.status(status)}
    </Tag>
  );
}

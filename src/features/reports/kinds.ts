/** The kinds of report upward and their recipients (实施细则第十二条第（四）项), named as a Chinese office names them. */
import { type Localized } from "../../domain/errors.js";

export const REPORT_KINDS = ["planReport", "summaryReport", "majorMatter", "request"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_RECIPIENTS = ["partyCommittee", "higherCommittee"] as const;
export type ReportRecipient = (typeof REPORT_RECIPIENTS)[number];
export const REPORT_STATUSES = ["draft", "signed", "submitted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_KIND_NAMES: Record<ReportKind, Localized> = {
  planReport: { zh: "年度工作计划报告", en: "Annual plan report" },
  summaryReport: { zh: "年度工作总结报告", en: "Annual summary report" },
  majorMatter: { zh: "重大事项报告", en: "Major-matter report" },
  request: { zh: "请示", en: "Request for instructions" },
};

export const REPORT_STATUS_NAMES: Record<ReportStatus, Localized> = {
  draft: { zh: "草稿", en: "Draft" },
  signed: { zh: "已签发，待报送", en: "Signed, to be sent" },
  submitted: { zh: "已报送", en: "Submitted" },
};

/** 主送机关 as written on the document. */
export function recipientName(recipient: ReportRecipient, institutionName: string): string {
  return recipient === "partyCommittee" ? `中共${institutionName}委员会` : "上级保密委员会";
}

export const RECIPIENT_NAMES: Record<ReportRecipient, Localized> = {
  partyCommittee: { zh: "院党委", en: "The Party committee" },
  higherCommittee: { zh: "上级保密委员会", en: "The higher secrecy committee" },
};

/** The 代字 of the committee's documents: 保委〔2027〕3号. */
export const REPORT_NUMBER_PREFIX = "保委";

/** Which window of the year a kind reports on (the duty's cadence), or null for event reports. */
export function windowOf(kind: ReportKind): "start" | "end" | null {
  return kind === "planReport" ? "start" : kind === "summaryReport" ? "end" : null;
}

import { Space, Tag } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { OBLIGATION_STATUS_NAMES, OBLIGATION_STATUSES } from "../../../domain/obligation";
import type { ObligationStatus } from "../../api/obligations";
import { localized } from "../../components/format";

export { OBLIGATION_STATUSES };

/** One colour per status, the same in tags, calendar cells and charts: done is green, late is red. */
export const STATUS_COLOURS: Record<ObligationStatus, string> = {
  open: "#1e4fa3",
  dueSoon: "#fa8c16",
  overdue: "#e53935",
  fulfilled: "#389e0d",
  waived: "#8c8c8c",
};

const TAG_COLOURS: Record<ObligationStatus, string> = {
  open: "blue",
  dueSoon: "orange",
  overdue: "red",
  fulfilled: "green",
  waived: "default",
};

/** A status's name in the interface language, for filters and legends (records carry the server's own words). */
export function useStatusName(): (status: ObligationStatus) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((status: ObligationStatus) => localized(OBLIGATION_STATUS_NAMES[status], language), [language]);
}

/** The coloured status of an obligation, in the server's words when it sent them. */
export function StatusTag({ status, name }: { status: ObligationStatus; name?: string }) {
  const statusName = useStatusName();
  return (
    <Tag color={TAG_COLOURS[status]} className="status-tag">
      {name ?? statusName(status)}
    </Tag>
  );
}

/** What the colours mean, where the colours stand alone (calendar cells, month bars). */
export function StatusLegend() {
  const statusName = useStatusName();
  return (
    <Space size={4} wrap className="status-legend">
      {OBLIGATION_STATUSES.map((s) => (
        <Tag key={s} color={STATUS_COLOURS[s]}>
          {statusName(s)}
        </Tag>
      ))}
    </Space>
  );
}

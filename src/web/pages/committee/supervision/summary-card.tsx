import { Empty } from "antd";
import { useTranslation } from "react-i18next";
import type { SupervisionYear } from "../../../api/supervision";
import { ApprovalPanel } from "./approval-panel";
import { StageCard } from "./stage-card";
import { SummaryEditor } from "./summary-editor";

/** 年底 总结全院保密工作: the office drafts the annual summary, the director approves it. */
export function SummaryCard({ year: y }: { year: SupervisionYear }) {
  const { t } = useTranslation();
  const summary = y.summary;
  const editing = y.abilities.manage && summary?.status !== "approved";
  return (
    <StageCard stage="summary" state={summary?.status ?? "none"}>
      {editing ? (
        <SummaryEditor year={y.year} summary={summary} />
      ) : summary ? (
        <div className="record-text panel-block" data-testid="summary-text">
          {summary.text}
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.supervision.summary.none")} />
      )}
      {summary && <ApprovalPanel year={y} record="summary" />}
    </StageCard>
  );
}

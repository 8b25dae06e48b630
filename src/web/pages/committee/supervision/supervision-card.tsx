import { Alert, Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { SupervisionYear } from "../../../api/supervision";
import { formatBeijing } from "../../../components/format";
import { NoteForm } from "./note-form";
import { NotesTable } from "./notes-table";
import { ReportForm } from "./report-form";
import { StageCard } from "./stage-card";

/**
 * 年中 检查督促: the office writes supervision notes to units (督查意见) — the plan's tasks show how far each has come —
 * and closes the supervision with its report, which fulfils the year's mid-year duty.
 */
export function SupervisionCard({ year: y }: { year: SupervisionYear }) {
  const { t } = useTranslation();
  const s = y.supervision;
  const completed = s?.status === "completed";
  const manage = y.abilities.manage && !completed;
  return (
    <StageCard stage="supervision" state={s?.status ?? "none"}>
      <Typography.Paragraph type="secondary">{t("committee.supervision.notes.intro")}</Typography.Paragraph>
      <Typography.Title level={5} className="section-title">
        {t("committee.supervision.notes.title")}
      </Typography.Title>
      <NotesTable notes={s?.notes ?? []} />
      {manage && <NoteForm year={y.year} />}
      <Typography.Title level={5} className="section-title">
        {t("committee.supervision.report.title")}
      </Typography.Title>
      {completed && s ? (
        <div data-testid="supervision-report">
          <Alert className="form-error" type="success" showIcon title={t("committee.supervision.report.final")} />
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              {
                key: "at",
                label: t("committee.supervision.report.completedAt"),
                children: formatBeijing(s.completedAt),
              },
              {
                key: "report",
                label: t("committee.supervision.report.label"),
                children: <div className="record-text">{s.report}</div>,
              },
            ]}
          />
        </div>
      ) : manage ? (
        <ReportForm year={y.year} />
      ) : (
        <Typography.Text type="secondary">{t("committee.supervision.report.none")}</Typography.Text>
      )}
    </StageCard>
  );
}

import { StopOutlined } from "@ant-design/icons";
import { Card, Descriptions, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { SelfAssessmentView } from "../../api/self-assessments";
import { formatBeijing, localized } from "../../components/format";
import { BandTag } from "../committee/supervision/band-tag";

/**
 * The result: points after deductions of points possible, the percentage, the band (provisional on a draft), the veto
 * items hit, the items marked 不适用, and — for those who read supervision — the committee's year-end score beside it.
 */
export function ResultCard({ view }: { view: SelfAssessmentView }) {
  const { t, i18n } = useTranslation();
  const { result, rubric } = view;
  const items = rubric.sections.flatMap((s) => s.items);
  const titleOf = (id: string) => {
    const item = items.find((i) => i.id === id);
    return item ? localized(item.title, i18n.language) : id;
  };
  const draft = view.status === "draft";
  // Until every item is answered a percentage or band would mislead: unanswered items count as possible, unearned.
  const pending = draft && result.unanswered.length > 0;
  return (
    <Card className="panel-block" data-testid="sa-result">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: "rubric",
            label: t("selfAssessments.detail.rubric"),
            children: `${localized(rubric.title, i18n.language)}（${t("inspections.plan.version", { version: rubric.version })}）`,
          },
          {
            key: "status",
            label: t("selfAssessments.detail.status"),
            children: (
              <Tag color={draft ? "blue" : "green"} data-testid="sa-status">
                {t(`selfAssessments.statuses.${view.status}`)}
              </Tag>
            ),
          },
          {
            key: "score",
            label: t("selfAssessments.detail.score"),
            children: (
              <span data-testid="sa-score">
                {t("selfAssessments.detail.scoreValue", { earned: result.earned, possible: result.possible })}
              </span>
            ),
          },
          {
            key: "percent",
            label: t("selfAssessments.detail.percent"),
            children: pending || result.percent === null ? "—" : `${result.percent.toFixed(1)}%`,
          },
          {
            key: "band",
            label: t("selfAssessments.detail.band"),
            children: pending ? (
              <Typography.Text type="warning">
                {t("selfAssessments.form.open", { count: result.unanswered.length })}
              </Typography.Text>
            ) : result.band ? (
              <Space size={4} wrap>
                <BandTag bands={rubric.bands} band={result.band.key} fallback={result.band.zh} />
                {draft && <Typography.Text type="secondary">{t("selfAssessments.detail.draftBand")}</Typography.Text>}
              </Space>
            ) : (
              "—"
            ),
          },
          {
            key: "excluded",
            label: t("selfAssessments.detail.excluded"),
            children: t("selfAssessments.detail.excludedCount", { count: result.excluded.length }),
          },
          ...(result.vetoedBy.length > 0
            ? [
                {
                  key: "veto",
                  label: t("selfAssessments.detail.vetoedBy"),
                  span: "filled" as const,
                  children: (
                    <Space size={4} wrap>
                      {result.vetoedBy.map((id) => (
                        <Tag
                          key={id}
                          color="red"
                          variant="solid"
                          icon={<StopOutlined />}
                          className="sa-veto-tag"
                          data-testid="sa-veto"
                        >
                          {titleOf(id)}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
          ...(view.committee
            ? [
                {
                  key: "committee",
                  label: t("selfAssessments.detail.committee"),
                  children: (
                    <Space size={4} wrap data-testid="sa-committee">
                      <span>{view.committee.percent === null ? "—" : `${view.committee.percent.toFixed(1)}%`}</span>
                      <BandTag bands={rubric.bands} band={view.committee.band} fallback={view.committee.bandName} />
                      {view.committee.status === "draft" && (
                        <Typography.Text type="secondary">{t("selfAssessments.list.committeeDraft")}</Typography.Text>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
          ...(view.submittedAt
            ? [
                {
                  key: "submitted",
                  label: t("selfAssessments.detail.submitted"),
                  children: t("selfAssessments.detail.submittedBy", {
                    name: view.submittedBy?.name ?? "—",
                    at: formatBeijing(view.submittedAt),
                  }),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

import { StopOutlined } from "@ant-design/icons";
import { Empty, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RubricBand, ScoreView } from "../../../api/supervision";
import { formatBeijing } from "../../../components/format";
import { BandTag } from "./band-tag";

/**
 * The units ranked by percentage (vetoed units last whatever their percentage), each with its points, band and any
 * 一票否决. The office picks a row to score that unit again while the assessment is a draft.
 */
export function RankingTable({
  scores,
  bands,
  onPick,
}: {
  scores: readonly ScoreView[];
  bands: readonly RubricBand[];
  onPick?: ((unitId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Table<ScoreView>
      rowKey={(s) => s.unit.id}
      size="small"
      data-testid="ranking"
      dataSource={[...scores]}
      pagination={false}
      scroll={{ x: 820 }}
      onRow={(s) => (onPick ? { onClick: () => onPick(s.unit.id), className: "clickable-row" } : {})}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.supervision.ranking.empty")} />
        ),
      }}
      columns={[
        {
          key: "rank",
          title: t("committee.supervision.ranking.rank"),
          width: 64,
          align: "center",
          render: (_, s) => <span className="rank-number">{s.rank ?? "—"}</span>,
        },
        { key: "unit", title: t("committee.supervision.ranking.unit"), render: (_, s) => s.unit.name },
        {
          key: "points",
          title: t("committee.supervision.ranking.points"),
          width: 150,
          align: "right",
          render: (_, s) => (
            <span className="nowrap">
              {s.earned} / {s.possible}
            </span>
          ),
        },
        {
          key: "percent",
          title: t("committee.supervision.ranking.percent"),
          width: 100,
          align: "right",
          render: (_, s) => (s.percent === null ? "—" : `${s.percent.toFixed(1)}%`),
        },
        {
          key: "band",
          title: t("committee.supervision.ranking.band"),
          width: 170,
          render: (_, s) => (
            <span className="nowrap">
              <BandTag bands={bands} band={s.band} fallback={s.bandName} />
              {s.vetoed && (
                <Tag color="red" variant="solid" icon={<StopOutlined />} data-testid="veto">
                  {t("committee.supervision.ranking.veto")}
                </Tag>
              )}
            </span>
          ),
        },
        {
          key: "scoredAt",
          title: t("committee.supervision.ranking.scoredAt"),
          width: 200,
          render: (_, s) => (
            <Typography.Text type="secondary" className="nowrap">
              {formatBeijing(s.scoredAt)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

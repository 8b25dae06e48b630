import { EditOutlined, EyeOutlined, HistoryOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Drawer, Space, Table, Tabs, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RubricItem } from "../../../domain/rubric";
import { type RubricVersionView, useRubrics, useRubricVersions } from "../../api/rubrics";
import { formatBeijing } from "../../components/format";
import { PageHeader } from "../../components/page-header";
import { RubricEditor } from "./rubric-editor";
import "./inspections.css";

const items = (v: RubricVersionView): RubricItem[] => v.sections.flatMap((s) => s.items);

/** The full marks: the declared total, else what the points items add up to. */
const totalOf = (v: RubricVersionView): number =>
  v.total ??
  Math.round(
    items(v)
      .filter((item) => item.kind === "points")
      .reduce((sum, item) => sum + item.points, 0) * 1e6,
  ) / 1e6;

/** A bilingual text in the interface language; the Chinese stands in for English left empty. */
const textIn = (value: { zh: string; en?: string }, language: string): string =>
  language === "en-US" && value.en ? value.en : value.zh;

type Viewing = { version: RubricVersionView; tab: "rubric" | "history" };

/**
 * 评分表管理 (实施细则第十二条第（二）项、第十三条第（六）项): the rubrics the committee's year-end assessment of units
 * and the institution's self-assessment are scored on — as shipped, or as the institution revised them. The secrecy
 * office revises one; each save is a new version, and every version stays on record with who saved it and why.
 */
export function RubricsPage() {
  const { t, i18n } = useTranslation();
  const list = useRubrics();
  const [viewing, setViewing] = useState<Viewing | null>(null);
  const [editing, setEditing] = useState<RubricVersionView | null>(null);
  const canEdit = list.data?.abilities.edit ?? false;
  const institutionId = list.data?.institutionId ?? null;
  return (
    <div data-testid="rubrics">
      <PageHeader
        title={t("inspections.rubrics.title")}
        intro={t("inspections.rubrics.intro")}
        basis={t("inspections.rubrics.basis")}
      />
      <Card>
        <Table<RubricVersionView>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          columns={[
            {
              title: t("inspections.rubrics.name"),
              key: "title",
              render: (_, v) => textIn(v.title, i18n.language),
            },
            { title: t("inspections.rubrics.usedFor"), key: "usedFor", dataIndex: "usedFor", responsive: ["md"] },
            {
              title: t("inspections.rubrics.version"),
              key: "version",
              className: "nowrap",
              render: (_, v) => t("inspections.rubrics.versionN", { n: v.version }),
            },
            {
              title: t("inspections.rubrics.origin"),
              key: "origin",
              render: (_, v) => (
                <Tag color={v.origin === "shipped" ? "default" : "blue"} title={v.originName}>
                  {t(`inspections.rubrics.origins.${v.origin}`)}
                </Tag>
              ),
            },
            {
              title: t("inspections.rubrics.total"),
              key: "total",
              className: "nowrap",
              render: (_, v) => t("inspections.rubrics.pointsN", { n: totalOf(v) }),
              responsive: ["sm"],
            },
            {
              title: t("inspections.rubrics.items"),
              key: "items",
              className: "nowrap",
              render: (_, v) => items(v).length,
              responsive: ["sm"],
            },
            {
              title: t("common.actions"),
              key: "actions",
              render: (_, v) => (
                <Space wrap>
                  <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing({ version: v, tab: "rubric" })}>
                    {t("inspections.rubrics.view")}
                  </Button>
                  <Button
                    size="small"
                    icon={<HistoryOutlined />}
                    onClick={() => setViewing({ version: v, tab: "history" })}
                  >
                    {t("inspections.rubrics.history")}
                  </Button>
                  {canEdit && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(v)}>
                      {t("inspections.rubrics.revise")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {viewing && (
        <RubricView
          key={`${viewing.version.id}:${viewing.tab}`}
          viewing={viewing}
          institutionId={institutionId}
          onClose={() => setViewing(null)}
        />
      )}
      {editing && (
        <RubricEditor
          key={`${editing.id}:${editing.version}`}
          version={editing}
          institutionId={institutionId}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

/** One rubric: its bands and items by section, and the history of its versions (who saved each, and why). */
function RubricView({
  viewing,
  institutionId,
  onClose,
}: {
  viewing: Viewing;
  institutionId: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { version } = viewing;
  const language = i18n.language;
  const history = useRubricVersions(version.id, institutionId ?? undefined);
  const [tab, setTab] = useState<string>(viewing.tab);
  const rubric = (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} className="panel-block">
        <Descriptions.Item label={t("inspections.rubrics.id")}>{version.id}</Descriptions.Item>
        <Descriptions.Item label={t("inspections.rubrics.version")}>
          {t("inspections.rubrics.versionN", { n: version.version })} · {version.originName}
        </Descriptions.Item>
        <Descriptions.Item label={t("inspections.rubrics.usedFor")}>{version.usedFor}</Descriptions.Item>
        <Descriptions.Item label={t("inspections.rubrics.article")}>{version.article}</Descriptions.Item>
        <Descriptions.Item label={t("inspections.rubrics.total")}>
          {t("inspections.rubrics.pointsN", { n: totalOf(version) })}
        </Descriptions.Item>
        <Descriptions.Item label={t("inspections.rubrics.bands")}>
          <Space size={4} wrap>
            {version.bands.map((band, index) => {
              const above = version.bands[index - 1];
              const name = textIn(band, language);
              return (
                <Tag key={band.key}>
                  {band.min === 0 && above
                    ? t("inspections.rubrics.bandBelow", { name, max: above.min })
                    : t("inspections.rubrics.bandAtLeast", { name, min: band.min })}
                </Tag>
              );
            })}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {version.sections.map((section) => (
        <Card key={section.id} size="small" title={textIn(section.title, language)} className="panel-block">
          <ol className="template-items">
            {section.items.map((item) => (
              <li key={item.id}>
                <Typography.Text>{textIn(item.title, language)}</Typography.Text>{" "}
                <Tag>{t(`inspections.rubrics.kinds.${item.kind}`)}</Tag>
                {item.kind === "points" && (
                  <Tag color="blue">{t("inspections.rubrics.pointsN", { n: item.points })}</Tag>
                )}
                {item.kind === "deduction" && (
                  <Tag color="orange">{t("inspections.rubrics.deductsN", { n: item.points })}</Tag>
                )}
                {item.canExclude && <Tag>{t("inspections.rubrics.canExclude")}</Tag>}
                <Typography.Text type="secondary">{item.articles.join("、")}</Typography.Text>
                {item.guidance && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {textIn(item.guidance, language)}
                  </Typography.Paragraph>
                )}
              </li>
            ))}
          </ol>
        </Card>
      ))}
    </>
  );
  const versions = (
    <Timeline
      data-testid="rubric-history"
      items={(history.data?.items ?? []).map((v) => ({
        key: `${v.origin}:${v.version}`,
        color: v.origin === "shipped" ? "gray" : "blue",
        content: (
          <>
            <Typography.Text strong>{t("inspections.rubrics.versionN", { n: v.version })}</Typography.Text> ·{" "}
            {t(`inspections.rubrics.origins.${v.origin}`)}
            {v.savedAt && (
              <div>
                <Typography.Text type="secondary">
                  {t("inspections.rubrics.savedBy", { who: v.savedBy ?? "—", at: formatBeijing(v.savedAt) })}
                </Typography.Text>
              </div>
            )}
            {v.note && <div>{v.note}</div>}
          </>
        ),
      }))}
    />
  );
  return (
    <Drawer open size="large" title={textIn(version.title, language)} onClose={onClose}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "rubric", label: t("inspections.rubrics.content"), children: rubric },
          { key: "history", label: t("inspections.rubrics.history"), children: versions },
        ]}
      />
    </Drawer>
  );
}

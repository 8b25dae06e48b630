import { Alert, Card, Empty, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type PolicySummary, usePolicy } from "../../api/responsibility";
import { CitationPopover } from "./my-duties-page";
import { OrgPageHeader } from "./org-page-header";
import { itemLabel, useArticleText } from "./policy-text";

type Duty = PolicySummary["duties"][number];

/** The article a duty belongs to (`art12.1` → `art12`). */
const articleOf = (ref: string) => ref.split(".")[0] ?? ref;

/** 实施细则: the rules in force, article by article with their items, and the duty catalogue drawn from them. */
export function PolicyPage() {
  const { t } = useTranslation();
  const policy = usePolicy();
  const [tab, setTab] = useState("articles");
  const [article, setArticle] = useState<string | undefined>(undefined);
  const data = policy.data;

  return (
    <>
      <OrgPageHeader page="policy" />
      {policy.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(policy.error, t)} />}
      {policy.isPending && <Skeleton active />}
      {data && (
        <Card
          data-testid="policy"
          title={data.title}
          extra={
            <Space wrap>
              <Tag>{data.docNo}</Tag>
              <Typography.Text type="secondary">{t("org.policy.version", { version: data.version })}</Typography.Text>
            </Space>
          }
        >
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: "articles",
                label: t("org.policy.articles", { count: data.articles.length }),
                children: (
                  <Articles
                    policy={data}
                    onDuties={(id) => {
                      setArticle(id);
                      setTab("duties");
                    }}
                  />
                ),
              },
              {
                key: "duties",
                label: t("org.policy.duties", { count: data.duties.length }),
                children: <DutyCatalogue policy={data} article={article} onArticle={setArticle} />,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}

function Articles({ policy, onDuties }: { policy: PolicySummary; onDuties: (articleId: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="policy-articles">
      {policy.articles.map((a) => {
        const duties = policy.duties.filter((d) => articleOf(d.article) === a.id).length;
        return (
          <section key={a.id} id={a.id} className="policy-article">
            <Typography.Paragraph className="policy-article-text">
              <Typography.Text strong>{a.citation}</Typography.Text> {a.text}
            </Typography.Paragraph>
            {a.items.length > 0 && (
              <ol className="policy-items">
                {a.items.map((i) => (
                  <li key={i.id} id={i.id}>
                    <Typography.Text type="secondary">{itemLabel(i.citation, a.citation)}</Typography.Text>
                    {i.text}
                  </li>
                ))}
              </ol>
            )}
            {duties > 0 && (
              <Typography.Link onClick={() => onDuties(a.id)} className="policy-duty-link">
                {t("org.policy.dutiesOf", { count: duties, citation: a.citation })}
              </Typography.Link>
            )}
          </section>
        );
      })}
    </div>
  );
}

function DutyCatalogue({
  policy,
  article,
  onArticle,
}: {
  policy: PolicySummary;
  article: string | undefined;
  onArticle: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const articleText = useArticleText();
  const duties = article ? policy.duties.filter((d) => articleOf(d.article) === article) : policy.duties;
  return (
    <>
      <Space wrap className="filters">
        <Select<string>
          allowClear
          value={article}
          onChange={(v) => onArticle(v)}
          placeholder={t("org.policy.allArticles")}
          aria-label={t("org.policy.filterArticle")}
          className="filter-select-wide"
          options={policy.articles
            .filter((a) => policy.duties.some((d) => articleOf(d.article) === a.id))
            .map((a) => ({ value: a.id, label: a.citation }))}
        />
      </Space>
      <Table<Duty>
        rowKey="id"
        size="small"
        dataSource={duties}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common.noMatch")} /> }}
        columns={[
          {
            key: "citation",
            title: t("org.policy.citation"),
            width: 170,
            render: (_, d) => <CitationPopover citation={d.citation} text={articleText(d.article)} />,
          },
          { key: "title", title: t("org.policy.dutyTitle"), dataIndex: "title" },
          { key: "bearer", title: t("org.policy.bearer"), dataIndex: "bearer", width: 200 },
          {
            key: "cadence",
            title: t("org.policy.cadence"),
            width: 200,
            render: (_, d) => <Tag color="geekblue">{d.cadence}</Tag>,
          },
        ]}
      />
    </>
  );
}

import { Card, Col, Descriptions, Row, Space, Steps, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type ResearchView, useResearchTopic } from "../../../api/research";
import { DetailPage } from "../../../components/detail-page";
import { usePageTitle } from "../../../components/page-title";
import { ResearchActions } from "./research-actions";
import { FindingsCard, ReportCard } from "./research-records";
import { RESEARCH_PATH, ResearchStatusTag, STATUS_STEP } from "./research-names";
import "./research.css";
import { DischargesCard } from "../../obligations/discharges-card";

/**
 * One research topic: its status and the steps 立项 → 调研 → 调研发现 → 调研报告 → 结题, what it studies, its team
 * and plan, its findings and report, the office's next step (gated by the abilities the server sends), the article it
 * serves and the obligations its 结题 discharges.
 */
export function ResearchDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const topic = useResearchTopic(id);
  usePageTitle(topic.data?.title ?? t("research.detail.title"));

  return (
    <DetailPage
      query={topic}
      notFound={t("research.detail.notFound")}
      notFoundHint={t("research.detail.notFoundHint")}
      back={{ to: RESEARCH_PATH, label: t("research.detail.back") }}
    >
      {(data) => <ResearchDetail topic={data} />}
    </DetailPage>
  );
}

function ResearchDetail({ topic: r }: { topic: ResearchView }) {
  const { t } = useTranslation();
  const cancelled = r.status === "cancelled";
  return (
    <div data-testid="research-detail">
      <div className="page-header">
        <Space size={8} wrap className="detail-crumbs">
          <Link to={RESEARCH_PATH}>{t("research.title")}</Link>
          <Typography.Text type="secondary">/</Typography.Text>
          <Tag color="geekblue">{r.article.citation}</Tag>
        </Space>
        <Typography.Title level={3} className="page-title">
          {r.title}
        </Typography.Title>
        <Space size={8} wrap>
          <ResearchStatusTag status={r.status} />
          <Typography.Text type="secondary">
            {t("research.detail.ledBy", { name: r.lead.name })}
            {r.lead.unitName ? ` · ${r.lead.unitName}` : ""}
          </Typography.Text>
        </Space>
      </div>
      <Card className="stack-card" size="small">
        <Steps
          size="small"
          data-testid="research-steps"
          current={STATUS_STEP[r.status]}
          status={cancelled ? "error" : r.status === "concluded" ? "finish" : "process"}
          items={[
            { title: t("research.steps.draft") },
            { title: t("research.steps.approved"), content: r.approval?.approvedOn },
            { title: t("research.steps.inProgress"), content: r.startedOn ?? undefined },
            {
              title: t("research.steps.findings"),
              content:
                r.findings.length > 0 ? t("research.steps.findingCount", { count: r.findings.length }) : undefined,
            },
            { title: t("research.steps.report") },
            { title: t("research.steps.concluded"), content: r.conclusion?.concludedOn },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Overview topic={r} />
          <FindingsCard topic={r} />
          <ReportCard key={r.status} topic={r} />
          {r.conclusion && (
            <Card
              title={t("research.conclusion.title")}
              className="stack-card"
              size="small"
              data-testid="research-conclusion"
            >
              <Typography.Paragraph strong>
                {t("research.conclusion.on", { date: r.conclusion.concludedOn })}
              </Typography.Paragraph>
              <Typography.Paragraph className="research-text">{r.conclusion.note}</Typography.Paragraph>
            </Card>
          )}
        </Col>
        <Col xs={24} xl={9}>
          <ResearchActions topic={r} />
          <Card title={t("research.article.title")} className="stack-card" size="small" data-testid="research-article">
            <Typography.Paragraph strong>
              {t("placeholder.rules")}
              {r.article.citation}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" className="research-article">
              {r.article.text}
            </Typography.Paragraph>
          </Card>
          <DischargesCard
            obligations={r.obligations}
            title={t("research.discharges.title")}
            testId="research-discharges"
            pending={r.status === "concluded" ? undefined : t("research.discharges.whenConcluded")}
            empty={t("research.discharges.empty")}
            compact
          />
        </Col>
      </Row>
    </div>
  );
}

/** What the topic studies, who does it, and the plan. */
function Overview({ topic: r }: { topic: ResearchView }) {
  const { t } = useTranslation();
  return (
    <Card title={t("research.detail.overview")} className="stack-card" size="small" data-testid="research-overview">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "question",
            label: t("research.fields.question"),
            children: <span className="research-text">{r.question}</span>,
          },
          {
            key: "team",
            label: t("research.fields.team"),
            children: (
              <Space size={[12, 4]} wrap data-testid="research-team">
                {r.team.map((m) => (
                  <span key={m.person.id}>
                    {m.person.name}
                    <Typography.Text type="secondary">
                      （{t(`research.roles.${m.role}`)}
                      {m.person.unitName ? ` · ${m.person.unitName}` : ""}）
                    </Typography.Text>
                  </span>
                ))}
              </Space>
            ),
          },
          {
            key: "period",
            label: t("research.fields.period"),
            children: t("research.detail.planPeriod", { from: r.plan.startsOn, to: r.plan.endsOn }),
          },
          {
            key: "plan",
            label: t("research.fields.plan"),
            children: <span className="research-text">{r.plan.text}</span>,
          },
          {
            key: "milestones",
            label: t("research.fields.milestones"),
            children:
              r.plan.milestones.length === 0 ? (
                t("research.detail.noMilestones")
              ) : (
                <ol className="research-milestones">
                  {r.plan.milestones.map((m, i) => (
                    <li key={i}>
                      {m.title}
                      <Typography.Text type="secondary">（{m.dueOn}）</Typography.Text>
                    </li>
                  ))}
                </ol>
              ),
          },
          ...(r.approval
            ? [
                {
                  key: "approval",
                  label: t("research.steps.approved"),
                  children: t("research.detail.approval", { date: r.approval.approvedOn, note: r.approval.note }),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

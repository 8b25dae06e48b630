import { Alert, Card, Descriptions, List, Skeleton, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { errorMessage } from "../../api/error-message";
import { useInspectionPlan } from "../../api/inspections";
import { PageHeader } from "../../components/page-header";
import { DischargesCard } from "../obligations/discharges-card";
import "./inspections.css";

/** 检查计划: its kind, team, template and the inspection of each unit, with the obligations it discharged. */
export function PlanDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const plan = useInspectionPlan(id);
  if (plan.isPending) return <Skeleton active />;
  if (plan.isError) return <Alert type="error" showIcon title={errorMessage(plan.error, t)} />;
  const p = plan.data;
  return (
    <div data-testid="inspection-plan">
      <PageHeader
        title={p.title}
        intro={p.kindName}
        basis={t("inspections.basisOf", { citation: p.article.citation })}
      />
      <Card className="panel-block">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t("inspections.plan.kind")}>{p.kindName}</Descriptions.Item>
          <Descriptions.Item label={t("inspections.plan.period")}>
            {p.startsOn} ~ {p.endsOn}
            {p.half ? `（${p.half === 1 ? t("inspections.plan.h1") : t("inspections.plan.h2")}）` : ""}
          </Descriptions.Item>
          <Descriptions.Item label={t("inspections.plan.team")}>
            {p.team.map((m) => m.name).join("、")}
          </Descriptions.Item>
          <Descriptions.Item label={t("inspections.plan.template")}>
            {p.template.title}（{t("inspections.plan.version", { version: p.template.version })}）
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t("inspections.plan.units")} className="panel-block">
        <List
          dataSource={p.inspections}
          renderItem={(i) => (
            <List.Item
              extra={<Tag color={i.status === "closed" ? "green" : "blue"}>{i.statusName}</Tag>}
              className="inspection-unit-row"
            >
              <List.Item.Meta
                title={<Link to={`/inspections/${i.id}`}>{i.unit.name}</Link>}
                description={
                  <Typography.Text type="secondary">
                    {t("inspections.check.recordedOf", { recorded: i.recorded, total: i.itemCount })}
                    {" · "}
                    {t("inspections.check.findingCount", { count: i.findingCount })}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <DischargesCard
        obligations={p.obligations}
        title={t("inspections.discharges.title")}
        testId="inspection-plan-discharges"
      />
    </div>
  );
}

import {
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  ProfileOutlined,
  PlusOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { Button, Card, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PLAN_KINDS, type PlanKind } from "../../../domain/inspection";
import {
  type PlanFilters,
  type PlanSummary,
  useInspectionPlans,
  useMyPortfolio,
  useMyUnits,
} from "../../api/inspections";
import { allowed, useCurrentUser } from "../../app/access";
import { FilterGrid, FilterSelect, ListCard, YearFilter } from "../../components/list-parts";
import { PageHeader } from "../../components/page-header";
import { useUrlFilters } from "../../components/url-filters";
import { type OwnScope, PlanFormModal } from "./plan-form-modal";
import "./inspections.css";

/** Reads the plan list's filters from the query string, dropping what could never be valid. */
function planFiltersFrom(params: URLSearchParams): PlanFilters {
  const filters: PlanFilters = {};
  const year = Number(params.get("year"));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) filters.year = year;
  const kind = params.get("kind");
  if (PLAN_KINDS.includes(kind as PlanKind)) filters.kind = kind as PlanKind;
  return filters;
}

/**
 * 检查整改 (第十一条第（四）项、第十三条第（六）项): the inspection plans the user reaches — on the institution's branch,
 * or as an inspector on the plan's team — newest first, filtered by year and kind (kept in the address); the secrecy
 * office makes a new one.
 */
export function InspectionsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { filters, apply, change, filtered } = useUrlFilters(planFiltersFrom);
  const list = useInspectionPlans(filters);
  // "office": any plan (the secrecy office); "member": a member's own half-yearly inspection of their portfolio;
  // "unit": a unit head's inspection of their unit.
  const [creating, setCreating] = useState<"office" | "member" | "unit" | null>(null);
  const portfolio = useMyPortfolio();
  const headed = useMyUnits();
  const own: OwnScope | undefined =
    creating === "member" && portfolio.data
      ? { kind: "member", ...portfolio.data }
      : creating === "unit" && headed.data
        ? { kind: "unit", ...headed.data }
        : undefined;
  return (
    <div data-testid="inspections">
      <PageHeader
        title={t("inspections.title")}
        intro={t("inspections.intro")}
        basis={t("inspections.basis")}
        extra={
          <Space wrap>
            <Link to="/inspections/findings">
              <Button icon={<UnorderedListOutlined />}>{t("inspections.findings.title")}</Button>
            </Link>
            <Link to="/inspections/templates">
              <Button icon={<ProfileOutlined />}>{t("inspections.templates.open")}</Button>
            </Link>
            <Link to="/inspections/rubrics">
              <Button icon={<CalculatorOutlined />}>{t("inspections.rubrics.open")}</Button>
            </Link>
            <Link to="/inspections/statistics">
              <Button icon={<BarChartOutlined />}>{t("inspections.statistics.open")}</Button>
            </Link>
            <Link to="/self-assessments">
              <Button icon={<AuditOutlined />}>{t("selfAssessments.open")}</Button>
            </Link>
            {headed.data?.head && (
              <Button icon={<PlusOutlined />} onClick={() => setCreating("unit")}>
                {t("inspections.plan.createUnit")}
              </Button>
            )}
            {portfolio.data?.member && (
              <Button icon={<PlusOutlined />} onClick={() => setCreating("member")}>
                {t("inspections.plan.createMine")}
              </Button>
            )}
            {allowed(me, "inspection.manage") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating("office")}>
                {t("inspections.plan.create")}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="audit-filters">
        <FilterGrid name="plan-filters" onReset={() => apply({})}>
          <YearFilter
            id="plan-filters-year"
            label={t("inspections.plan.year")}
            placeholder={t("inspections.plan.allYears")}
            value={filters.year}
            onChange={change("year")}
          />
          <FilterSelect<PlanKind>
            id="plan-filters-kind"
            label={t("inspections.plan.kind")}
            placeholder={t("inspections.plan.allKinds")}
            value={filters.kind}
            options={PLAN_KINDS.map((k) => ({ value: k, label: t(`inspections.kinds.${k}`) }))}
            onChange={change("kind")}
          />
        </FilterGrid>
      </Card>
      <ListCard list={list}>
        <Table<PlanSummary>
          rowKey="id"
          dataSource={list.items}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: filtered ? t("common.noMatch") : t("inspections.plan.empty") }}
          columns={[
            {
              title: t("inspections.plan.name"),
              key: "title",
              render: (_, p) => <Link to={`/inspections/plans/${p.id}`}>{p.title}</Link>,
            },
            { title: t("inspections.plan.kind"), key: "kind", render: (_, p) => <Tag>{p.kindName}</Tag> },
            {
              title: t("inspections.plan.period"),
              key: "period",
              render: (_, p) => `${p.startsOn} ~ ${p.endsOn}`,
            },
            { title: t("inspections.plan.lead"), key: "lead", render: (_, p) => p.lead.name },
            {
              title: t("inspections.plan.progress"),
              key: "progress",
              render: (_, p) => t("inspections.plan.closedOf", { closed: p.closedCount, total: p.unitCount }),
            },
          ]}
        />
      </ListCard>
      {creating && <PlanFormModal onClose={() => setCreating(null)} {...(own ? { own } : {})} />}
    </div>
  );
}

import { PlusOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { Button, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type PlanSummary, useInspectionPlans } from "../../api/inspections";
import { allowed, useCurrentUser } from "../../app/access";
import { ListCard } from "../../components/list-parts";
import { PageHeader } from "../../components/page-header";
import { PlanFormModal } from "./plan-form-modal";
import "./inspections.css";

/**
 * 检查整改 (第十一条第（四）项、第十三条第（六）项): the inspection plans the user reaches — on the institution's branch,
 * or as an inspector on the plan's team — newest first; the secrecy office makes a new one.
 */
export function InspectionsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const list = useInspectionPlans();
  const [creating, setCreating] = useState(false);
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
            {allowed(me, "inspection.manage") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("inspections.plan.create")}
              </Button>
            )}
          </Space>
        }
      />
      <ListCard list={list}>
        <Table<PlanSummary>
          rowKey="id"
          dataSource={list.items}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t("inspections.plan.empty") }}
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
      {creating && <PlanFormModal onClose={() => setCreating(false)} />}
    </div>
  );
}

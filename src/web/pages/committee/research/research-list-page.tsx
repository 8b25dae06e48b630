import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type ResearchFilters, useResearchTopics } from "../../../api/research";
import { allowed, useCurrentUser } from "../../../app/access";
import { ExportButton, ListCard } from "../../../components/list-parts";
import { ResearchFilterForm } from "./research-filter-form";
import { paramsOf, researchFiltersFrom } from "./research-filters";
import { ResearchFormModal } from "./research-form-modal";
import { ResearchPageHeader } from "./research-page-header";
import { ResearchTable } from "./research-table";
import "./research.css";

/**
 * 调研课题 (第十二条第（三）项): the institution's research topics, newest first, filtered by year, status, the lead's
 * unit and a keyword (kept in the address), and exported as filtered to .xlsx. The secrecy office proposes a new one.
 */
export function ResearchListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = researchFiltersFrom(params);
  const list = useResearchTopics(filters);
  const [creating, setCreating] = useState(false);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const apply = (next: ResearchFilters) => setParams(paramsOf(next), { replace: true });

  return (
    <div data-testid="research">
      <ResearchPageHeader
        extra={
          <Space wrap>
            <ExportButton path="/api/research" filters={filters} fallbackName="调研课题.xlsx" />
            {allowed(me, "research.manage") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("research.form.open")}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="audit-filters">
        <ResearchFilterForm key={params.toString()} filters={filters} onApply={apply} />
      </Card>
      <ListCard list={list}>
        <ResearchTable
          items={list.items}
          loading={list.isPending}
          empty={filtered ? t("common.noMatch") : t("research.empty")}
        />
      </ListCard>
      {creating && <ResearchFormModal onClose={() => setCreating(false)} />}
    </div>
  );
}

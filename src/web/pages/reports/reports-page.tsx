import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type ReportFilters, useReports } from "../../api/reports";
import { allowed, useCurrentUser } from "../../app/access";
import { ExportButton, ListCard } from "../../components/list-parts";
import { CreateReportModal } from "./create-report-modal";
import { ReportFilterForm } from "./report-filter-form";
import { paramsOf, reportFiltersFrom } from "./report-filters";
import { ReportTable } from "./report-table";
import { ReportsPageHeader } from "./reports-page-header";
import "./reports.css";

/**
 * 报告请示 (第十二条第（四）项): the committee's plan and summary reports, major-matter reports and requests to the Party
 * committee and the higher committee, newest first, filtered by year, kind and status (kept in the address). The
 * secrecy office drafts one; the director signs it; the office records how it was sent.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = reportFiltersFrom(params);
  const list = useReports(filters);
  const [creating, setCreating] = useState(false);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const apply = (next: ReportFilters) => setParams(paramsOf(next), { replace: true });

  return (
    <div className="page" data-testid="reports">
      <ReportsPageHeader
        extra={
          <Space wrap>
            <ExportButton path="/api/reports" filters={filters} fallbackName="报告请示.xlsx" />
            {allowed(me, "report.manage") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("reports.create.open")}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="audit-filters">
        <ReportFilterForm filters={filters} onApply={apply} />
      </Card>
      <ListCard list={list}>
        <ReportTable
          items={list.items}
          loading={list.isPending}
          empty={filtered ? t("common.noMatch") : t("reports.empty")}
        />
      </ListCard>
      {creating && <CreateReportModal onClose={() => setCreating(false)} />}
    </div>
  );
}

import { PlusOutlined } from "@ant-design/icons";
import {
  ExportButton,
  FilterGrid,
  FilterSelect,
  KeywordFilter,
  ListCard,
  YearFilter,
} from "../../../components/list-parts";
import { Button, Card, Empty, Form, Progress, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import {
  type DocumentFilters,
  type DocumentStatus,
  type DocumentSummary,
  useDocuments,
} from "../../../api/document-studies";
import { allowed, useCurrentUser } from "../../../app/access";
import { UnitFilterSelect } from "../../obligations/unit-filter-select";
import { paramsOf } from "../meeting-filters";
import { DOCUMENT_STATUSES, documentUrl, useDocumentNames } from "./names";
import { RegisterDocumentModal } from "./register-document-modal";
import { SectionHeader } from "./section-header";

function filtersFrom(params: URLSearchParams): DocumentFilters {
  const filters: DocumentFilters = {};
  const year = Number(params.get("year"));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) filters.year = year;
  const status = params.get("status");
  if (DOCUMENT_STATUSES.includes(status as DocumentStatus)) filters.status = status as DocumentStatus;
  const unitId = params.get("unitId")?.trim();
  if (unitId) filters.unitId = unitId;
  const q = params.get("q")?.trim();
  if (q) filters.q = q.slice(0, 100);
  return filters;
}

/**
 * 上级来文传达学习 (第四条第（一）项、第十三条第（一）项): the documents received, with each one's progress — how many of
 * the units that must study it have — filtered in the address and exported as .xlsx. The office registers documents.
 */
export function DocumentListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const list = useDocuments(filters);
  const [registering, setRegistering] = useState(false);
  const apply = (next: DocumentFilters) => setParams(paramsOf(next), { replace: true });
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <>
      <SectionHeader
        section="documentStudies"
        extra={
          <>
            <ExportButton path="/api/document-studies" filters={filters} fallbackName="来文学习.xlsx" />
            {allowed(me, "documentStudy.manage") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
                {t("documentStudies.register.open")}
              </Button>
            )}
          </>
        }
      />
      <Card className="audit-filters">
        <DocumentFilterForm filters={filters} onApply={apply} />
      </Card>
      <ListCard list={list}>
        <DocumentTable
          items={list.items}
          loading={list.isPending}
          empty={filtered ? t("common.noMatch") : t("documentStudies.empty")}
        />
      </ListCard>
      {registering && <RegisterDocumentModal onClose={() => setRegistering(false)} />}
    </>
  );
}

function DocumentFilterForm({
  filters,
  onApply,
}: {
  filters: DocumentFilters;
  onApply: (filters: DocumentFilters) => void;
}) {
  const { t } = useTranslation();
  const names = useDocumentNames();
  return (
    <FilterGrid name="document-filters" onReset={() => onApply({})}>
      <YearFilter
        id="document-filters-year"
        label={t("documentStudies.filters.year")}
        placeholder={t("documentStudies.filters.allYears")}
        value={filters.year}
        onChange={(year) => onApply({ ...filters, year })}
      />
      <FilterSelect<DocumentStatus>
        id="document-filters-status"
        label={t("documentStudies.filters.status")}
        placeholder={t("documentStudies.filters.allStatuses")}
        value={filters.status}
        options={DOCUMENT_STATUSES.map((s) => ({ value: s, label: names.status(s) }))}
        onChange={(status) => onApply({ ...filters, status })}
      />
      <Form.Item label={t("documentStudies.filters.unit")} htmlFor="document-filters-unit">
        <UnitFilterSelect
          id="document-filters-unit"
          value={filters.unitId}
          onChange={(unitId) => onApply({ ...filters, unitId })}
        />
      </Form.Item>
      <KeywordFilter
        id="document-filters-q"
        label={t("documentStudies.filters.search")}
        placeholder={t("documentStudies.filters.searchPlaceholder")}
        value={filters.q}
        onChange={(q) => onApply({ ...filters, q })}
      />
    </FilterGrid>
  );
}

/** A document's status, with 已逾期 beside it when a unit has still not studied it after the deadline. */
export function DocumentStatusTag({ status, overdue }: { status: DocumentStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  const names = useDocumentNames();
  return (
    <span className="nowrap">
      <Tag color={status === "closed" ? "green" : "processing"} className="status-tag">
        {names.status(status)}
      </Tag>
      {overdue && <Tag color="red">{t("documentStudies.overdue")}</Tag>}
    </span>
  );
}

function DocumentTable({
  items,
  loading,
  empty,
}: {
  items: readonly DocumentSummary[];
  loading: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="document-list">
      <Table<DocumentSummary>
        rowKey="id"
        loading={loading}
        dataSource={[...items]}
        pagination={false}
        scroll={{ x: 960 }}
        onRow={(d) => ({ onClick: () => void navigate(documentUrl(d.id)), className: "clickable-row" })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        columns={[
          {
            key: "title",
            title: t("documentStudies.fields.title"),
            render: (_, d) => (
              <Space orientation="vertical" size={0}>
                <Link to={documentUrl(d.id)} onClick={(event) => event.stopPropagation()}>
                  {d.title}
                </Link>
                <Typography.Text type="secondary" className="bearer-note">
                  {d.issuer} · {d.documentNo}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "received",
            title: t("documentStudies.fields.receivedOn"),
            width: 110,
            render: (_, d) => d.receivedOn,
          },
          {
            key: "due",
            title: t("documentStudies.fields.dueOn"),
            width: 110,
            render: (_, d) => (
              <Typography.Text type={d.overdue ? "danger" : undefined} className="nowrap">
                {d.dueOn}
              </Typography.Text>
            ),
          },
          {
            key: "progress",
            title: t("documentStudies.fields.progress"),
            width: 190,
            render: (_, d) => (
              <Space orientation="vertical" size={0} className="full-width">
                <Progress
                  percent={d.completion.required ? Math.round((d.completion.held / d.completion.required) * 100) : 0}
                  size="small"
                  showInfo={false}
                />
                <Typography.Text type="secondary" className="bearer-note">
                  {t("documentStudies.progress", { held: d.completion.held, required: d.completion.required })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "status",
            title: t("documentStudies.fields.status"),
            width: 170,
            render: (_, d) => <DocumentStatusTag status={d.status} overdue={d.overdue} />,
          },
        ]}
      />
    </div>
  );
}

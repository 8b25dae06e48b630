import { PlusOutlined } from "@ant-design/icons";
import { ExportButton, FilterGrid, FilterSelect, KeywordFilter, ListCard } from "../../../components/list-parts";
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { HigherRegulationView } from "../../../../features/regulations/contract";
import { errorMessage } from "../../../api/error-message";
import {
  type RegulationCategory,
  type RegulationFilters,
  type RegulationLevel,
  type RegulationStatus,
  type RegulationSummary,
  useHigherRegulations,
  useRegulations,
} from "../../../api/regulations";
import { allowed, useCurrentUser } from "../../../app/access";
import { LoadMore } from "../../../components/load-more";
import { StatusTag } from "../../obligations/status";
import { SectionHeader } from "../documents/section-header";
import { paramsOf } from "../meeting-filters";
import {
  REGULATION_CATEGORIES,
  REGULATION_LEVELS,
  REGULATION_STATUSES,
  regulationUrl,
  STATUS_COLOURS,
  useRegulationNames,
} from "./names";
import { HigherRegulationModal } from "./higher-regulation-modal";
import { CreateRegulationModal } from "./regulation-modals";

function filtersFrom(params: URLSearchParams): RegulationFilters {
  const filters: RegulationFilters = {};
  const status = params.get("status");
  if (REGULATION_STATUSES.includes(status as RegulationStatus)) filters.status = status as RegulationStatus;
  const category = params.get("category");
  if (REGULATION_CATEGORIES.includes(category as RegulationCategory)) filters.category = category as RegulationCategory;
  const level = params.get("level");
  if (REGULATION_LEVELS.includes(level as RegulationLevel)) filters.level = level as RegulationLevel;
  const q = params.get("q")?.trim();
  if (q) filters.q = q.slice(0, 100);
  return filters;
}

/**
 * 保密规章制度 (第十三条第（四）项、第六条第（一）项): the library — the implementing rules first, the institution's and
 * the units' own rules after — and the higher regulations the institution's rules answer. Everyone reads the rules in
 * force; the office and unit heads draft, adopt, revise and repeal what they keep.
 */
export function RegulationListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const list = useRegulations(filters);
  const [creating, setCreating] = useState(false);
  const apply = (next: RegulationFilters) => setParams(paramsOf(next), { replace: true });
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <>
      <SectionHeader
        section="regulations"
        extra={
          <>
            <ExportButton path="/api/regulations" filters={filters} fallbackName="规章制度.xlsx" />
            {allowed(me, "regulation.manage") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("regulations.create.open")}
              </Button>
            )}
          </>
        }
      />
      <Card className="audit-filters">
        <RegulationFilterForm filters={filters} onApply={apply} />
      </Card>
      <ListCard list={list} className="stack-card">
        <RegulationTable
          items={list.items}
          loading={list.isPending}
          empty={filtered ? t("common.noMatch") : t("regulations.empty")}
        />
      </ListCard>
      <HigherRegulationsCard canRecord={allowed(me, "regulation.manage")} />
      {creating && <CreateRegulationModal onClose={() => setCreating(false)} />}
    </>
  );
}

function RegulationFilterForm({
  filters,
  onApply,
}: {
  filters: RegulationFilters;
  onApply: (filters: RegulationFilters) => void;
}) {
  const { t } = useTranslation();
  const names = useRegulationNames();
  return (
    <FilterGrid name="regulation-filters" onReset={() => onApply({})}>
      <FilterSelect<RegulationStatus>
        id="regulation-filters-status"
        label={t("regulations.filters.status")}
        placeholder={t("regulations.filters.allStatuses")}
        value={filters.status}
        options={REGULATION_STATUSES.map((s) => ({ value: s, label: names.status(s) }))}
        onChange={(status) => onApply({ ...filters, status })}
      />
      <FilterSelect<RegulationCategory>
        id="regulation-filters-category"
        label={t("regulations.filters.category")}
        placeholder={t("regulations.filters.allCategories")}
        value={filters.category}
        options={REGULATION_CATEGORIES.map((c) => ({ value: c, label: names.category(c) }))}
        onChange={(category) => onApply({ ...filters, category })}
      />
      <FilterSelect<RegulationLevel>
        id="regulation-filters-level"
        label={t("regulations.filters.level")}
        placeholder={t("regulations.filters.allLevels")}
        value={filters.level}
        options={REGULATION_LEVELS.map((l) => ({ value: l, label: t(`regulations.levels.${l}`) }))}
        onChange={(level) => onApply({ ...filters, level })}
      />
      <KeywordFilter
        id="regulation-filters-q"
        label={t("regulations.filters.search")}
        placeholder={t("regulations.filters.searchPlaceholder")}
        value={filters.q}
        onChange={(q) => onApply({ ...filters, q })}
      />
    </FilterGrid>
  );
}

/** A regulation's coloured status. */
export function RegulationStatusTag({ status }: { status: RegulationStatus }) {
  const names = useRegulationNames();
  return (
    <Tag color={STATUS_COLOURS[status]} className="status-tag">
      {names.status(status)}
    </Tag>
  );
}

function RegulationTable({
  items,
  loading,
  empty,
}: {
  items: readonly RegulationSummary[];
  loading: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const names = useRegulationNames();
  return (
    <div data-testid="regulation-list">
      <Table<RegulationSummary>
        rowKey="id"
        loading={loading}
        dataSource={[...items]}
        pagination={false}
        scroll={{ x: 960 }}
        onRow={(r) => ({ onClick: () => void navigate(regulationUrl(r.id)), className: "clickable-row" })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        columns={[
          {
            key: "title",
            title: t("regulations.fields.title"),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Space size={6} wrap>
                  <Link to={regulationUrl(r.id)} onClick={(event) => event.stopPropagation()}>
                    {r.title}
                  </Link>
                  {r.seed && <Tag color="gold">{t("regulations.seedTag")}</Tag>}
                </Space>
                <Typography.Text type="secondary" className="bearer-note">
                  {[r.documentNo, r.citation].filter(Boolean).join(" · ")}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "unit",
            title: t("regulations.fields.unit"),
            width: 170,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.unit.name}
                <Typography.Text type="secondary" className="bearer-note">
                  {t(`regulations.levels.${r.level}`)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "category",
            title: t("regulations.fields.category"),
            width: 150,
            render: (_, r) => names.category(r.category),
          },
          {
            key: "version",
            title: t("regulations.fields.version"),
            width: 150,
            render: (_, r) =>
              r.versionNo === null ? (
                "—"
              ) : (
                <Space orientation="vertical" size={0}>
                  {t("regulations.fields.versionNo", { n: r.versionNo })}
                  {r.effectiveOn && (
                    <Typography.Text type="secondary" className="bearer-note">
                      {r.effectiveOn}
                    </Typography.Text>
                  )}
                </Space>
              ),
          },
          {
            key: "status",
            title: t("regulations.fields.status"),
            width: 110,
            render: (_, r) => <RegulationStatusTag status={r.status} />,
          },
        ]}
      />
    </div>
  );
}

function HigherRegulationsCard({ canRecord }: { canRecord: boolean }) {
  const { t } = useTranslation();
  const list = useHigherRegulations();
  const [recording, setRecording] = useState(false);
  return (
    <Card
      title={t("regulations.higher.title")}
      className="stack-card"
      data-testid="higher-regulations"
      extra={
        canRecord && (
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t("regulations.higher.open")}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t("regulations.higher.intro")}</Typography.Paragraph>
      {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
      <Table<HigherRegulationView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("regulations.higher.empty")} />,
        }}
        columns={[
          {
            key: "title",
            title: t("regulations.higher.docTitle"),
            render: (_, h) => (
              <Space orientation="vertical" size={0}>
                {h.title}
                <Typography.Text type="secondary" className="bearer-note">
                  {h.issuer} · {h.documentNo}
                </Typography.Text>
              </Space>
            ),
          },
          { key: "issued", title: t("regulations.higher.issuedOn"), width: 110, render: (_, h) => h.issuedOn },
          {
            key: "answer",
            title: t("regulations.higher.answer"),
            width: 260,
            render: (_, h) =>
              h.answeredBy ? (
                <Link to={regulationUrl(h.answeredBy.regulationId)}>
                  {t("regulations.higher.answered", { title: h.answeredBy.title, n: h.answeredBy.versionNo })}
                </Link>
              ) : (
                <Tag color="orange">{t("regulations.higher.pending")}</Tag>
              ),
          },
          {
            key: "obligation",
            title: t("regulations.higher.obligation"),
            width: 120,
            render: (_, h) =>
              h.obligations.map((o) => (
                <Link key={o.obligationId} to={`/obligations/${encodeURIComponent(o.obligationId)}`}>
                  <StatusTag status={o.status} />
                </Link>
              )),
          },
        ]}
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {recording && <HigherRegulationModal onClose={() => setRecording(false)} />}
    </Card>
  );
}

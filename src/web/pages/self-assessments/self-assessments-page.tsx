import { PlayCircleOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { errorMessage } from "../../api/error-message";
import { type SelfAssessmentRow, useSelfAssessments, useStartSelfAssessment } from "../../api/self-assessments";
import { todayInBeijing } from "../../components/format";
import { InstitutionSelect } from "../../components/institution-picker";
import { ExportButton } from "../../components/list-parts";
import { PageHeader } from "../../components/page-header";
import { BandTag } from "../committee/supervision/band-tag";
import { YearPicker } from "../committee/supervision/year-picker";
import "./self-assessments.css";

const STATUS_COLOURS = { none: "default", draft: "blue", submitted: "green" } as const;

/** The year in the address (`?year=`), else this year in Beijing. */
function yearFrom(params: URLSearchParams, current: number): number {
  const year = Number(params.get("year"));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : current;
}

/**
 * 单位自查自评: the year's units the user sees — the institution's own first, then its 二级单位 — with their status,
 * score and band, and for those who read supervision the committee's year-end score beside the unit's own. Whoever
 * fills a unit's starts it here.
 */
export function SelfAssessmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const current = Number(todayInBeijing().slice(0, 4));
  const year = yearFrom(params, current);
  const institutionId = params.get("institutionId") ?? undefined;
  const list = useSelfAssessments(year, institutionId);
  const start = useStartSelfAssessment();
  const go = (next: { year?: number; institutionId?: string }) => {
    const y = next.year ?? year;
    const i = next.institutionId ?? institutionId;
    setParams({ ...(y === current ? {} : { year: String(y) }), ...(i ? { institutionId: i } : {}) }, { replace: true });
  };
  const begin = (row: SelfAssessmentRow) =>
    start.mutate(
      { unitId: row.unit.id, year },
      {
        onSuccess: (view) => {
          void message.success(t("selfAssessments.list.started", { unit: row.unit.name }));
          void navigate(`/self-assessments/${view.id}`);
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  const bands = list.data?.bands ?? [];
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : `${value.toFixed(1)}%`;

  return (
    <div data-testid="self-assessments">
      <PageHeader
        title={t("selfAssessments.title")}
        intro={t("selfAssessments.intro")}
        basis={t("selfAssessments.basis")}
        extra={
          <Space wrap>
            <InstitutionSelect
              permission="inspection.read"
              value={institutionId ?? list.data?.institution?.id}
              onChange={(id) => go({ institutionId: id })}
            />
            <YearPicker year={year} current={current} onChange={(next) => go({ year: next })} />
            <ExportButton
              path="/api/self-assessments"
              filters={{ year, institutionId }}
              fallbackName={`单位自查自评-${year}.xlsx`}
            />
          </Space>
        }
      />
      {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
      <Card className="panel-block">
        <Table<SelfAssessmentRow>
          rowKey={(row) => row.unit.id}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{
            emptyText:
              list.data?.institution === null
                ? t("selfAssessments.list.noInstitution")
                : t("selfAssessments.list.empty"),
          }}
          columns={[
            {
              key: "unit",
              title: t("selfAssessments.list.unit"),
              fixed: "left",
              width: 180,
              render: (_, row) => {
                const name = row.own ? `${row.unit.name}（${t("selfAssessments.own")}）` : row.unit.name;
                return row.id ? <Link to={`/self-assessments/${row.id}`}>{name}</Link> : name;
              },
            },
            {
              key: "status",
              title: t("selfAssessments.list.status"),
              width: 130,
              render: (_, row) => (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLOURS[row.status]}>{t(`selfAssessments.statuses.${row.status}`)}</Tag>
                  {row.status === "draft" && (
                    <span className="nowrap">
                      {t("selfAssessments.list.answeredOf", { answered: row.answered, total: row.itemCount })}
                    </span>
                  )}
                </Space>
              ),
            },
            {
              key: "score",
              title: t("selfAssessments.list.score"),
              width: 100,
              align: "right",
              render: (_, row) => (row.score === null ? "—" : `${row.score} / ${row.possible ?? "—"}`),
            },
            {
              key: "percent",
              title: t("selfAssessments.list.percent"),
              width: 80,
              align: "right",
              render: (_, row) => percent(row.percent),
            },
            {
              key: "band",
              title: t("selfAssessments.list.band"),
              width: 150,
              render: (_, row) =>
                row.band ? (
                  <span className="nowrap">
                    <BandTag bands={bands} band={row.band} fallback={row.bandName ?? row.band} />
                    {row.vetoed && (
                      <Tag color="red" variant="solid" icon={<StopOutlined />}>
                        {t("selfAssessments.list.veto")}
                      </Tag>
                    )}
                  </span>
                ) : (
                  "—"
                ),
            },
            {
              key: "committee",
              title: t("selfAssessments.list.committee"),
              width: 160,
              render: (_, row) =>
                row.committee ? (
                  <span className="nowrap" data-testid="sa-committee">
                    {percent(row.committee.percent)}{" "}
                    <BandTag bands={bands} band={row.committee.band} fallback={row.committee.bandName} />
                  </span>
                ) : (
                  "—"
                ),
            },
            {
              key: "findings",
              title: t("selfAssessments.list.findings"),
              width: 80,
              align: "right",
              render: (_, row) => (row.status === "submitted" ? row.findingCount : "—"),
            },
            {
              key: "actions",
              title: "",
              fixed: "right",
              width: 110,
              render: (_, row) =>
                row.abilities.start ? (
                  <Button
                    size="small"
                    type="primary"
                    icon={<PlayCircleOutlined />}
                    loading={start.isPending && start.variables?.unitId === row.unit.id}
                    onClick={() => begin(row)}
                  >
                    {t("selfAssessments.list.start")}
                  </Button>
                ) : row.id ? (
                  <Link to={`/self-assessments/${row.id}`}>
                    {row.abilities.fill ? t("selfAssessments.list.fill") : t("selfAssessments.list.view")}
                  </Link>
                ) : null,
            },
          ]}
        />
      </Card>
    </div>
  );
}

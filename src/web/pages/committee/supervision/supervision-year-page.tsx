import { Alert, Card, Empty, Result, Skeleton, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError } from "../../../api/api-error";
import { errorMessage } from "../../../api/error-message";
import { useInstitutions } from "../../../api/institutions";
import { useSupervisionYear } from "../../../api/supervision";
import { InstitutionSelect, PickedInstitution } from "../../../components/institution-picker";
import { todayInBeijing } from "../../../components/format";
import { CommitteePageHeader } from "../committee-page-header";
import { SupervisionYearView } from "./supervision-year-view";
import { YearPicker } from "./year-picker";
import "./supervision.css";

/** The year in the address (`?year=`), else this year in Beijing. */
function yearFrom(params: URLSearchParams, current: number): number {
  const year = Number(params.get("year"));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : current;
}

/**
 * 督查考核 (第十二条第（二）项): one page per year — 年初 the annual plan, 年中 the supervision, 年底 the assessment
 * and the summary — with the duties they discharge. What the user may do comes with the year (abilities).
 */
export function SupervisionYearPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = Number(todayInBeijing().slice(0, 4));
  const year = yearFrom(params, current);
  const institutionId = params.get("institutionId") ?? undefined;
  const query = useSupervisionYear(year, institutionId);
  const go = (next: { year?: number; institutionId?: string | undefined }) => {
    const y = next.year ?? year;
    const i = "institutionId" in next ? next.institutionId : institutionId;
    setParams({ ...(y === current ? {} : { year: String(y) }), ...(i ? { institutionId: i } : {}) }, { replace: true });
  };

  // A provincial account answers for many institutions: until it picks one there is no year to show.
  const institutions = useInstitutions("supervision.read");
  const mustPick = institutionId === undefined && (institutions.data?.items.length ?? 0) > 1;

  const body = () => {
    if (mustPick)
      return (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common.institutionPick")} />
        </Card>
      );
    if (query.isPending) return <Skeleton active />;
    if (query.isError) {
      return query.error instanceof ApiError && query.error.status === 404 ? (
        <Result
          status="404"
          title={t("committee.supervision.notFound")}
          subTitle={t("committee.supervision.notFoundHint")}
        />
      ) : (
        <Alert className="list-error" type="error" showIcon title={errorMessage(query.error, t)} />
      );
    }
    return (
      <PickedInstitution.Provider value={institutionId}>
        <SupervisionYearView year={query.data} />
      </PickedInstitution.Provider>
    );
  };

  return (
    <div data-testid="supervision-year">
      <CommitteePageHeader
        page="supervision"
        extra={
          <Space wrap>
            <InstitutionSelect
              permission="supervision.read"
              value={institutionId ?? query.data?.institution.id}
              onChange={(id) => go({ institutionId: id })}
            />
            <YearPicker year={year} current={current} onChange={(next) => go({ year: next })} />
          </Space>
        }
      />
      {body()}
    </div>
  );
}

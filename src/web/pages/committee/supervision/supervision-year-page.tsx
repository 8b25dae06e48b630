import { Alert, Result, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError } from "../../../api/api-error";
import { errorMessage } from "../../../api/error-message";
import { useSupervisionYear } from "../../../api/supervision";
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
  const query = useSupervisionYear(year);

  const body = () => {
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
    return <SupervisionYearView year={query.data} />;
  };

  return (
    <div data-testid="supervision-year">
      <CommitteePageHeader
        page="supervision"
        extra={
          <YearPicker
            year={year}
            current={current}
            onChange={(next) => setParams(next === current ? {} : { year: String(next) }, { replace: true })}
          />
        }
      />
      {body()}
    </div>
  );
}

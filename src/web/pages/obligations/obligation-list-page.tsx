import { DownloadOutlined, NotificationOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { errorMessage } from "../../api/error-message";
import { type ObligationFilters, useObligationExport, useObligations } from "../../api/obligations";
import { allowed, mayListObligations, useCurrentUser } from "../../app/access";
import { LoadMore } from "../../components/load-more";
import { saveBlob } from "../../components/save-blob";
import { filtersFromParams, isFiltered, paramsOf } from "./filters";
import { ObligationFilterForm } from "./obligation-filter-form";
import { ObligationTable } from "./obligation-table";
import { ObligationsPageHeader } from "./obligations-page-header";
import { RaiseEventModal } from "./raise-event-modal";

/**
 * 履职事项 (everyone's obligations in scope) and 我的事项 (`?mine=true`, what the signed-in person bears or answers
 * for). The filters live in the address; without `obligation.read` the list is always one's own.
 */
export function ObligationListPage() {
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const mine = params.get("mine") === "true";
  if (!mayListObligations(me, mine)) return <Navigate to="/obligations?mine=true" replace />;
  return <ObligationList key={mine ? "mine" : "all"} />;
}

function ObligationList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const mine = filters.mine === "true";
  const list = useObligations(filters);
  const exporter = useObligationExport();
  const [raising, setRaising] = useState(false);
  const canManage = allowed(me, "obligation.manage");

  const apply = (next: ObligationFilters) => setParams(paramsOf(next), { replace: true });
  const download = () =>
    exporter.mutate(filters, {
      onSuccess: ({ blob, filename }) => {
        saveBlob(blob, filename);
        void message.success(t("obligations.list.exported"));
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  return (
    <>
      <ObligationsPageHeader
        page={mine ? "mine" : "list"}
        extra={
          <Space wrap>
            {canManage && !mine && (
              <Button icon={<NotificationOutlined />} onClick={() => setRaising(true)}>
                {t("obligations.event.open")}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={download}>
              {t("obligations.list.export")}
            </Button>
          </Space>
        }
      />
      <Card className="audit-filters">
        <ObligationFilterForm key={params.toString()} filters={filters} onApply={apply} />
        {filters.personId && (
          <Alert
            type="info"
            showIcon
            title={t("obligations.list.byPerson")}
            action={
              <Button size="small" onClick={() => apply({ ...filters, personId: undefined })}>
                {t("obligations.list.clearPerson")}
              </Button>
            }
          />
        )}
      </Card>
      <Card>
        {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
        <ObligationTable
          testId="obligation-list"
          items={list.items}
          loading={list.isPending}
          empty={
            isFiltered(filters) ? t("common.noMatch") : mine ? t("obligations.mine.empty") : t("obligations.list.empty")
          }
        />
        <LoadMore
          count={list.items.length}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
        />
      </Card>
      {raising && <RaiseEventModal onClose={() => setRaising(false)} />}
    </>
  );
}

import { Alert, Card } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { useSelfChecksToConfirm } from "../../api/self-checks";
import { PageHeader } from "../../components/page-header";
import { SelfCheckTable } from "./self-check-table";

/** 待我确认: the submitted self-checks whose person's superior the signed-in user is (a unit head's people). */
export function ToConfirmPage() {
  const { t } = useTranslation();
  const list = useSelfChecksToConfirm();
  return (
    <div data-testid="self-checks-to-confirm">
      <PageHeader
        title={t("selfChecks.toConfirm.title")}
        intro={t("selfChecks.toConfirm.intro")}
        basis={t("selfChecks.basis")}
      />
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      <Card>
        <SelfCheckTable
          items={list.data?.items ?? []}
          loading={list.isPending}
          empty={t("selfChecks.toConfirm.empty")}
        />
      </Card>
    </div>
  );
}

import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Spin, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-error";
import { errorMessage } from "../../api/error-message";
import { useHealth, useReadiness } from "../../api/system";
import { formatInstant } from "../../components/format";

/** Version, database and readiness of the server, from /api/health and /api/ready. */
export function SystemStatusCard() {
  const { t, i18n } = useTranslation();
  const health = useHealth();
  const ready = useReadiness();
  const loading = health.isPending || ready.isPending;
  const failure = ready.error ?? health.error;
  // Unreachable (no answer at all) and not ready (a 503 that says why) need different words.
  const unreachable = failure instanceof ApiError && failure.status === 0;

  const refresh = () => {
    void health.refetch();
    void ready.refetch();
  };

  return (
    <Card
      title={t("status.title")}
      data-testid="system-status"
      extra={
        <Button icon={<ReloadOutlined />} onClick={refresh} loading={health.isFetching || ready.isFetching}>
          {t("status.refresh")}
        </Button>
      }
    >
      {loading ? (
        <Spin description={t("status.checking")} />
      ) : (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: "status",
                label: t("status.status"),
                children: ready.isSuccess ? (
                  <Tag color="success">{t("status.ready")}</Tag>
                ) : (
                  <Tag color="error">{t("status.notReady")}</Tag>
                ),
              },
              {
                key: "database",
                label: t("status.database"),
                children: ready.data ? t(`status.${ready.data.database}`) : "—",
              },
              { key: "version", label: t("status.version"), children: health.data?.version ?? "—" },
              {
                key: "time",
                label: t("status.serverTime"),
                children: health.data ? formatInstant(health.data.time, i18n.language) : "—",
              },
            ]}
          />
          {failure && (
            <Alert
              className="status-alert"
              type="error"
              showIcon
              title={unreachable ? t("status.unreachable") : t("status.notReady")}
              description={errorMessage(failure, t)}
            />
          )}
        </>
      )}
    </Card>
  );
}

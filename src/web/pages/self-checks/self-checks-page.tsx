import { AuditOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../api/error-message";
import { type OwedPeriod, useMySelfChecks, useStartSelfCheck } from "../../api/self-checks";
import { allowed, useCurrentUser } from "../../app/access";
import { PageHeader } from "../../components/page-header";
import { StatusTag } from "../obligations/status";
import { SelfCheckStatusTag, SelfCheckTable } from "./self-check-table";
import "./self-checks.css";

/**
 * 个人保密自查 (第七条第（二）项): the periods the signed-in cleared person owes, each with its due date and the
 * self-check to start or continue, and their self-checks so far. Superiors reach what they confirm, readers of the
 * institution's inspections every self-check.
 */
export function SelfChecksPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mine = useMySelfChecks();
  return (
    <div data-testid="self-checks">
      <PageHeader
        title={t("selfChecks.title")}
        intro={t("selfChecks.intro")}
        basis={t("selfChecks.basis")}
        extra={
          <Space wrap>
            <Link to="/self-checks/to-confirm">
              <Button icon={<AuditOutlined />}>{t("selfChecks.toConfirm.title")}</Button>
            </Link>
            {allowed(me, "inspection.read") && (
              <Link to="/self-checks/all">
                <Button icon={<UnorderedListOutlined />}>{t("selfChecks.all.title")}</Button>
              </Link>
            )}
          </Space>
        }
      />
      {mine.isError && <Alert type="error" showIcon title={errorMessage(mine.error, t)} />}
      <Card title={t("selfChecks.owed.title")} className="panel-block">
        <List<OwedPeriod>
          loading={mine.isPending}
          dataSource={mine.data?.owed ?? []}
          locale={{ emptyText: t("selfChecks.owed.empty") }}
          renderItem={(o) => <OwedRow owed={o} />}
        />
      </Card>
      <Card title={t("selfChecks.mine.title")} className="panel-block">
        <SelfCheckTable
          own
          testId="my-self-checks"
          items={mine.data?.items ?? []}
          loading={mine.isPending}
          empty={t("selfChecks.mine.empty")}
        />
      </Card>
    </div>
  );
}

function OwedRow({ owed }: { owed: OwedPeriod }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const start = useStartSelfCheck();
  const begin = () =>
    start.mutate(owed.periodId, {
      onSuccess: (view) => {
        void message.success(t("selfChecks.owed.started"));
        void navigate(`/self-checks/${view.id}`);
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });
  const action = owed.selfCheck ? (
    <Link to={`/self-checks/${owed.selfCheck.id}`}>
      <Button size="large" type={owed.selfCheck.status === "draft" ? "primary" : "default"}>
        {owed.selfCheck.status === "draft" ? t("selfChecks.owed.continue") : t("selfChecks.owed.view")}
      </Button>
    </Link>
  ) : owed.started ? (
    <Button size="large" type="primary" loading={start.isPending} onClick={begin}>
      {t("selfChecks.owed.start")}
    </Button>
  ) : (
    <Typography.Text type="secondary">{t("selfChecks.owed.opensOn", { date: owed.startsOn })}</Typography.Text>
  );
  return (
    <List.Item className="owed-period" data-testid={`owed-${owed.periodId}`}>
      <div className="owed-text">
        <Typography.Text strong>{owed.period}</Typography.Text>
        <Space size={4} wrap>
          {owed.dueOn && <Tag>{t("selfChecks.owed.due", { date: owed.dueOn })}</Tag>}
          <StatusTag status={owed.status} />
          {owed.selfCheck && <SelfCheckStatusTag status={owed.selfCheck.status} />}
        </Space>
      </div>
      <div className="owed-action">{action}</div>
    </List.Item>
  );
}

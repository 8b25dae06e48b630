import { CheckSquareOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Flex, Skeleton, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../api/error-message";
import { useInbox, useMarkAllRead, useMarkRead } from "../../api/inbox";
import { LoadMore } from "../../components/load-more";
import { usePageTitle } from "../../components/page-title";
import { NotificationItem } from "./notification-item";

type Tab = "unread" | "all";

/**
 * 待办: what the platform told this person — an obligation coming due, overdue, escalated to them, evidence waiting
 * for their decision or decided — newest first, each leading to its obligation.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t("inbox.title"));
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "all" ? "all" : "unread";
  const inbox = useInbox(tab === "unread");
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = inbox.unread ?? 0;

  const readAll = () =>
    markAll.mutate(undefined, {
      onSuccess: () => void message.success(t("inbox.allRead")),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  return (
    <div className="page" data-testid="inbox">
      <div className="page-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div className="page-header-text">
            <Typography.Title level={3} className="page-title">
              {t("inbox.title")}
            </Typography.Title>
            <Typography.Paragraph type="secondary" className="page-intro">
              {t("inbox.intro")}
            </Typography.Paragraph>
          </div>
          <Button icon={<CheckSquareOutlined />} disabled={unread === 0} loading={markAll.isPending} onClick={readAll}>
            {t("inbox.markAllRead")}
          </Button>
        </Flex>
      </div>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === "all" ? { tab: "all" } : {}, { replace: true })}
          items={[
            { key: "unread", label: t("inbox.unreadTab", { count: unread }) },
            { key: "all", label: t("inbox.allTab") },
          ]}
        />
        {inbox.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(inbox.error, t)} />}
        {inbox.isPending ? (
          <Skeleton active />
        ) : inbox.items.length === 0 ? (
          <div data-testid="inbox-empty">
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={tab === "unread" ? t("inbox.emptyUnread") : t("inbox.empty")}
            />
          </div>
        ) : (
          <ul className="notification-list">
            {inbox.items.map((n) => (
              <NotificationItem
                key={n.id}
                notification={n}
                reading={markRead.isPending && markRead.variables === n.id}
                onRead={(id) => markRead.mutateAsync(id)}
              />
            ))}
          </ul>
        )}
        <LoadMore
          count={inbox.items.length}
          hasMore={inbox.hasNextPage}
          loading={inbox.isFetchingNextPage}
          onLoad={() => void inbox.fetchNextPage()}
        />
      </Card>
    </div>
  );
}

import { CheckOutlined, RightOutlined } from "@ant-design/icons";
import { Badge, Button, Flex, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { NotificationView } from "../../api/inbox";
import { formatBeijing } from "../../components/format";

/** One notification: its title, words and time; opening its obligation marks it read. */
export function NotificationItem({
  notification: n,
  onRead,
  reading,
}: {
  notification: NotificationView;
  onRead: (id: string) => Promise<unknown>;
  reading: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = n.readAt === null;

  const open = async () => {
    if (!n.obligationId) return;
    // Reading it is what opening it means; a failure to record that must not keep the user from the obligation.
    if (unread) await onRead(n.id).catch(() => undefined);
    void navigate(`/obligations/${n.obligationId}`);
  };

  return (
    <li className={unread ? "notification notification-unread" : "notification"} data-testid="notification">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div className="notification-text">
          <Space size={8}>
            {unread && <Badge status="processing" />}
            <Typography.Text strong={unread}>{n.title}</Typography.Text>
          </Space>
          <Typography.Paragraph type="secondary" className="notification-body">
            {n.body}
          </Typography.Paragraph>
          <Typography.Text type="secondary" className="notification-time">
            {formatBeijing(n.createdAt).slice(0, 16)}
            {n.readAt && ` · ${t("inbox.readAt", { at: formatBeijing(n.readAt).slice(0, 16) })}`}
          </Typography.Text>
        </div>
        <Space size={4} wrap>
          {unread && (
            <Button size="small" icon={<CheckOutlined />} loading={reading} onClick={() => void onRead(n.id)}>
              {t("inbox.markRead")}
            </Button>
          )}
          {n.obligationId && (
            <Button size="small" type="primary" ghost onClick={() => void open()}>
              {t("inbox.openObligation")}
              <RightOutlined />
            </Button>
          )}
        </Space>
      </Flex>
    </li>
  );
}

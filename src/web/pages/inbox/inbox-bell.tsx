import { BellOutlined } from "@ant-design/icons";
import { Badge, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useUnreadCount } from "../../api/inbox";

/** The header's bell: how many 待办 notifications are unread (asked once a minute), opening 待办 on click. */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount(true).data ?? 0;
  const label = unread > 0 ? t("inbox.bellUnread", { count: unread }) : t("inbox.bell");
  return (
    <Badge count={unread} overflowCount={99} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined />}
        aria-label={label}
        title={label}
        data-testid="inbox-bell"
        onClick={() => void navigate("/inbox")}
      />
    </Badge>
  );
}

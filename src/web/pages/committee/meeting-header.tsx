import { StopOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MeetingView } from "../../api/meetings";
import { CancelMeetingModal } from "./cancel-meeting-modal";
import { minuteOf } from "./meeting-table";
import { MeetingStatusTag, useMeetingNames } from "./status-tags";

/** A meeting's name, kind and status, when and where, the article it serves and, once signed, its minutes number. */
export function MeetingHeader({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const names = useMeetingNames();
  const [cancelling, setCancelling] = useState(false);
  return (
    <>
      <div className="page-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div className="page-header-text">
            <Space size={8} wrap className="detail-crumbs">
              <Link to="/committee">{t("committee.nav.meetings")}</Link>
              <Typography.Text type="secondary">/</Typography.Text>
              <Tag color="geekblue">{m.citation}</Tag>
            </Space>
            <Typography.Title level={3} className="page-title">
              {m.title}
            </Typography.Title>
            <Space size={8} wrap>
              <MeetingStatusTag status={m.status} />
              <Typography.Text type="secondary">{names.kind(m.kind)}</Typography.Text>
              {m.minutesNumber && (
                <Typography.Text strong data-testid="minutes-number">
                  {m.minutesNumber}
                </Typography.Text>
              )}
            </Space>
          </div>
          {m.abilities.cancel && (
            <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>
              {t("committee.cancel.open")}
            </Button>
          )}
        </Flex>
      </div>
      {m.status === "cancelled" && (
        <Alert
          className="list-error"
          type="warning"
          showIcon
          title={t("committee.cancel.cancelled")}
          description={m.cancelReason}
        />
      )}
      <Card className="stack-card" size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: "plannedAt", label: t("committee.fields.plannedAt"), children: minuteOf(m.plannedAt) },
            { key: "place", label: t("committee.fields.place"), children: m.place },
            { key: "heldAt", label: t("committee.fields.heldAt"), children: minuteOf(m.heldAt) },
            { key: "institution", label: t("committee.fields.institution"), children: m.institution.name },
            {
              key: "citation",
              label: t("committee.fields.basis"),
              span: "filled",
              children: t("committee.detail.basis", { rules: t("placeholder.rules"), citation: m.citation }),
            },
          ]}
        />
      </Card>
      {cancelling && <CancelMeetingModal meeting={m} onClose={() => setCancelling(false)} />}
    </>
  );
}

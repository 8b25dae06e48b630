import { LockOutlined, UserOutlined, WarningOutlined } from "@ant-design/icons";
import { Card, Space, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ObligationView } from "../../api/obligations";

type Holder = ObligationView["responsible"][number];

function HolderList({ holders, empty }: { holders: readonly Holder[]; empty: string }) {
  const { t } = useTranslation();
  if (holders.length === 0) return <Typography.Text type="warning">{empty}</Typography.Text>;
  return (
    <div>
      {holders.map((h) => (
        <div key={`${h.personId}-${h.role}`} className="holder-line">
          <Typography.Text strong>{h.name}</Typography.Text>
          <Typography.Text type="secondary"> · {h.role}</Typography.Text>
          {h.acting && (
            <Tag color="orange" className="option-tag">
              {t("org.acting")}
            </Tag>
          )}
        </div>
      ))}
    </div>
  );
}

/**
 * Who answers for the obligation — frozen when it was fulfilled or waived (第十五条: who was responsible then), else
 * who holds the post today — who may approve its evidence, and whom it escalates to when overdue (第三条至第六条).
 */
export function ResponsibleCard({ obligation: o }: { obligation: ObligationView }) {
  const { t } = useTranslation();
  return (
    <Card title={t("obligations.responsible.title")} className="stack-card" data-testid="obligation-responsible">
      <Space size={6} className="responsible-note">
        {o.responsibleFrozen ? <LockOutlined /> : <UserOutlined />}
        <Typography.Text type="secondary" data-testid="responsible-basis">
          {o.responsibleFrozen ? t("obligations.responsible.frozen") : t("obligations.responsible.current")}
        </Typography.Text>
      </Space>
      <HolderList holders={o.responsible} empty={t("obligations.responsible.vacant")} />
      <Typography.Title level={5} className="section-title">
        {t("obligations.responsible.approvers")}
      </Typography.Title>
      <HolderList holders={o.approvers} empty={t("obligations.responsible.noApprovers")} />
      <Typography.Title level={5} className="section-title">
        {t("obligations.responsible.chain")}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="card-note">
        {t("obligations.responsible.chainNote")}
      </Typography.Paragraph>
      {o.chain.length === 0 ? (
        <Typography.Text type="secondary">{t("obligations.responsible.noChain")}</Typography.Text>
      ) : (
        <Timeline
          className="chain-timeline"
          items={o.chain.map((link, index) => {
            const reached = index < o.escalationLevel;
            return {
              key: link.level,
              color: reached ? "red" : "blue",
              icon: reached ? <WarningOutlined className="vacant-icon" /> : undefined,
              content: (
                <div className="chain-link" data-testid={`escalation-${link.level}`}>
                  <Space size={8} wrap>
                    <Typography.Text strong>{link.levelName}</Typography.Text>
                    {reached && <Tag color="red">{t("obligations.responsible.reached")}</Tag>}
                  </Space>
                  <HolderList holders={link.holders} empty={t("org.vacant")} />
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}

import { CarryOutOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Flex, Popover, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../api/error-message";
import { type MyResponsibilities, useMyResponsibilities } from "../../api/responsibility";
import { AsOfDate, asOf } from "../../components/as-of-date";
import type { PickedDate } from "../../components/dates";
import { roleName } from "../../components/format";
import { OrgPageHeader } from "./org-page-header";

type RoleEntry = MyResponsibilities["roles"][number];
type Duty = RoleEntry["duties"][number];

/** 我的职责: the signed-in person's responsibility roles on a date, each with its articles and duties. */
export function MyDutiesPage() {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState<PickedDate | null>(null);
  const mine = useMyResponsibilities(asOf(date));
  const data = mine.data;

  return (
    <>
      <OrgPageHeader
        page="mine"
        extra={
          <Space wrap>
            <AsOfDate value={date} onChange={setDate} />
            <ObligationsLink />
          </Space>
        }
      />
      {mine.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(mine.error, t)} />}
      {mine.isPending && <Skeleton active />}
      {data && data.person === null && (
        <Alert className="list-error" type="info" showIcon title={t("org.mine.noPerson")} />
      )}
      {data && data.person !== null && (
        <div data-testid="my-duties">
          <Typography.Paragraph>
            {t("org.mine.summary", { name: data.person.name, at: data.at, count: data.roles.length })}
          </Typography.Paragraph>
          {data.roles.length === 0 ? (
            <Card className="stack-card">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("org.mine.noRoles", { at: data.at })} />
            </Card>
          ) : (
            data.roles.map((role, index) => (
              <RoleCard key={`${role.role}-${role.unit?.id ?? "none"}-${index}`} role={role} />
            ))
          )}
        </div>
      )}
      {data && (
        <Card title={t("org.mine.scopes")} className="stack-card" data-testid="my-scopes">
          {data.scopes.length === 0 ? (
            <Typography.Text type="secondary">{t("org.mine.noScopes")}</Typography.Text>
          ) : (
            <Space wrap>
              {data.scopes.map((s) => (
                <Tag key={`${s.role}-${s.unitId}`} color="blue">
                  {t("org.mine.scope", { role: roleName(s.role, i18n.language), unit: s.unitName })}
                </Tag>
              ))}
            </Space>
          )}
          <Typography.Paragraph type="secondary" className="card-note">
            {t("org.mine.scopesNote")}
          </Typography.Paragraph>
        </Card>
      )}
    </>
  );
}

/** To 我的事项: the obligations these duties gave, with their due dates and status. */
function ObligationsLink() {
  const { t } = useTranslation();
  return (
    <Link to="/obligations?mine=true">
      <Button icon={<CarryOutOutlined />}>{t("org.mine.obligations")}</Button>
    </Link>
  );
}

/** One role: on what it rests, the words of its articles, and the duties they give. */
function RoleCard({ role }: { role: RoleEntry }) {
  const { t } = useTranslation();
  return (
    <Card
      className="stack-card role-card"
      data-testid="role-card"
      title={
        <Space wrap>
          <span>{role.roleName}</span>
          {role.acting && <Tag color="orange">{t("org.acting")}</Tag>}
        </Space>
      }
      extra={
        <Space size={4} wrap>
          {role.articles.map((a) => (
            <Tag key={a.id}>{a.citation}</Tag>
          ))}
        </Space>
      }
    >
      <Typography.Paragraph>
        <Typography.Text type="secondary">{t("org.mine.basisLabel")}</Typography.Text>
        {role.unit ? t("org.mine.basisAt", { basis: role.basis, unit: role.unit.name }) : role.basis}
      </Typography.Paragraph>
      {role.articles.map((a) => (
        <blockquote key={a.id} className="article-quote">
          <Typography.Text strong>{a.citation}</Typography.Text> {a.text}
        </blockquote>
      ))}
      <Typography.Title level={5} className="section-title">
        {t("org.mine.duties", { count: role.duties.length })}
      </Typography.Title>
      {role.duties.length === 0 ? (
        <Typography.Text type="secondary">{t("org.mine.noDuties")}</Typography.Text>
      ) : (
        <ul className="duty-list">
          {role.duties.map((duty: Duty) => (
            <li key={duty.id} className="duty-item">
              <Flex justify="space-between" align="flex-start" gap={12} wrap>
                <Typography.Text className="duty-title">{duty.title}</Typography.Text>
                <Space size={4}>
                  <Tag color="geekblue">{duty.cadence}</Tag>
                  <CitationPopover citation={duty.citation} text={duty.articleText} />
                </Space>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** A citation (第六条第（一）项) that opens the words it cites. */
export function CitationPopover({ citation, text }: { citation: string; text: string }) {
  return (
    <Popover trigger="click" title={citation} content={<div className="citation-popover">{text}</div>} placement="left">
      <Button type="link" size="small" className="citation-link">
        {citation}
      </Button>
    </Popover>
  );
}

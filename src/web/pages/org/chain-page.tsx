import { ApartmentOutlined, UserOutlined, WarningOutlined } from "@ant-design/icons";
import { Alert, Breadcrumb, Card, Empty, Space, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useCurrentUser } from "../../app/access";
import { errorMessage } from "../../api/error-message";
import { type ChainView, useChain } from "../../api/responsibility";
import { AsOfDate, asOf } from "../../components/as-of-date";
import type { PickedDate } from "../../components/dates";
import { UnitTreeSelect } from "../../components/unit-tree-select";
import { CitationPopover } from "./my-duties-page";
import { OrgPageHeader } from "./org-page-header";
import { useArticleText } from "./policy-text";

type Link = ChainView["links"][number];
type Holder = Link["holders"][number];

/**
 * 责任链: for a unit on a date, who answers for its secrecy work, from the unit head up to the principal leaders
 * (第一条 业务谁主管、保密谁负责; 第三条至第六条). A vacancy is shown as one, never filled by a guess.
 */
export function ChainPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitId = params.get("unitId") ?? me.person?.unitId ?? undefined;
  const [date, setDate] = useState<PickedDate | null>(null);
  const chain = useChain(unitId, asOf(date));

  const pickUnit = (id: string) =>
    setParams(
      (p) => {
        p.set("unitId", id);
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <OrgPageHeader page="chain" />
      <Card className="stack-card">
        <Space wrap size="large">
          <Space size={8}>
            <Typography.Text>{t("org.chain.unit")}</Typography.Text>
            <div className="filter-picker">
              <UnitTreeSelect id="chain-unit" value={unitId} onChange={pickUnit} />
            </div>
          </Space>
          <AsOfDate value={date} onChange={setDate} />
        </Space>
      </Card>
      {unitId === undefined && (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("org.chain.pickUnit")} />
        </Card>
      )}
      {chain.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(chain.error, t)} />}
      {chain.data && <ChainCard chain={chain.data} />}
    </>
  );
}

function ChainCard({ chain }: { chain: ChainView }) {
  const { t } = useTranslation();
  const articleText = useArticleText();
  const vacancies = chain.links.filter((l) => l.vacant).length;
  return (
    <Card
      data-testid="chain"
      title={
        <Space wrap>
          <ApartmentOutlined />
          <Breadcrumb items={chain.unit.path.map((u) => ({ key: u.id, title: u.name }))} />
        </Space>
      }
      extra={<Typography.Text type="secondary">{t("org.chain.at", { at: chain.at })}</Typography.Text>}
    >
      {vacancies > 0 && (
        <Alert
          className="list-error"
          type="warning"
          showIcon
          title={t("org.chain.vacancies", { count: vacancies, at: chain.at })}
        />
      )}
      <Typography.Paragraph type="secondary">{t("org.chain.order")}</Typography.Paragraph>
      <Timeline
        className="chain-timeline"
        items={chain.links.map((link) => ({
          key: link.level,
          color: link.vacant ? "red" : "blue",
          icon: link.vacant ? <WarningOutlined className="vacant-icon" /> : <UserOutlined />,
          content: (
            <div className="chain-link" data-testid={`chain-${link.level}`}>
              <Space wrap size={8}>
                <Typography.Text strong>{t(`org.levels.${link.level}`)}</Typography.Text>
                <CitationPopover citation={link.citation} text={articleText(link.article)} />
              </Space>
              {link.vacant ? (
                <Alert
                  className="chain-vacant"
                  type="warning"
                  showIcon
                  title={t("org.vacant")}
                  description={t(`org.chain.vacantHint.${link.level}`)}
                />
              ) : (
                <div className="chain-holders">
                  {link.holders.map((h) => (
                    <HolderLine key={`${h.personId}-${h.basis}`} holder={h} />
                  ))}
                </div>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** A holder: name, the post or portfolio it rests on, acting or not, and since when. */
export function HolderLine({ holder }: { holder: Holder }) {
  const { t } = useTranslation();
  return (
    <div className="holder-line">
      <Typography.Text strong>{holder.personName}</Typography.Text>
      <Typography.Text type="secondary"> · {holder.basisName}</Typography.Text>
      {holder.acting && (
        <Tag color="orange" className="option-tag">
          {t("org.acting")}
        </Tag>
      )}
      <Typography.Text type="secondary" className="holder-since">
        {holder.endsOn
          ? t("org.period", { from: holder.startsOn, to: holder.endsOn })
          : t("org.since", { from: holder.startsOn })}
      </Typography.Text>
    </div>
  );
}

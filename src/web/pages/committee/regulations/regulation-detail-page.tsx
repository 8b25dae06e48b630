import { CheckOutlined, DownloadOutlined, EditOutlined, FileSyncOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { errorMessage } from "../../../api/error-message";
import { type RegulationVersion, type RegulationView, useRegulation, useVersionFile } from "../../../api/regulations";
import { localized } from "../../../components/format";
import { DetailPage } from "../../../components/detail-page";
import { usePageTitle } from "../../../components/page-title";
import { VERSION_KIND_NAMES } from "../../../../features/regulations/contract";
import { saveBlob } from "../../../components/save-blob";
import { DischargesCard } from "../../obligations/discharges-card";
import "../documents/office-work.css";
import { useRegulationNames } from "./names";
import { RegulationStatusTag } from "./regulation-list-page";
import { AdoptModal, EditDraftModal, RepealModal, ReviseModal } from "./regulation-modals";

type Action = "edit" | "adopt" | "revise" | "repeal";

/**
 * One regulation: its facts and article, the text in force (or the draft's), every version with its effective date and
 * what changed, the higher regulations it answered and the obligations it discharged; the keeper's actions.
 */
export function RegulationDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const regulation = useRegulation(id);
  usePageTitle(regulation.data?.title ?? t("regulations.title"));
  return (
    <DetailPage
      query={regulation}
      notFound={t("regulations.detail.notFound")}
      notFoundHint={t("regulations.detail.notFoundHint")}
      back={{ to: "/committee/regulations", label: t("regulations.detail.back") }}
    >
      {(data) => <RegulationDetail regulation={data} />}
    </DetailPage>
  );
}

function RegulationDetail({ regulation: r }: { regulation: RegulationView }) {
  const { t } = useTranslation();
  const names = useRegulationNames();
  const [action, setAction] = useState<Action | null>(null);
  const current = r.versions.find((v) => v.current) ?? r.versions[0];
  const close = () => setAction(null);
  return (
    <div data-testid="regulation-detail">
      <div className="page-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div className="page-header-text">
            <Space size={8} wrap className="detail-crumbs">
              <Link to="/committee/regulations">{t("committee.nav.regulations")}</Link>
            </Space>
            <Typography.Title level={3} className="page-title">
              {r.title}
            </Typography.Title>
            <Space size={8} wrap>
              <RegulationStatusTag status={r.status} />
              {r.seed && <Tag color="gold">{t("regulations.seedTag")}</Tag>}
              <Typography.Text type="secondary">
                {[r.documentNo, r.versionNo === null ? null : t("regulations.fields.versionNo", { n: r.versionNo })]
                  .filter(Boolean)
                  .join(" · ")}
              </Typography.Text>
            </Space>
          </div>
          <Space wrap>
            {r.abilities.adopt && (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setAction("adopt")}>
                {t("regulations.adopt.open")}
              </Button>
            )}
            {r.abilities.edit && (
              <Button icon={<EditOutlined />} onClick={() => setAction("edit")}>
                {t("regulations.edit.open")}
              </Button>
            )}
            {r.abilities.revise && (
              <Button type="primary" icon={<FileSyncOutlined />} onClick={() => setAction("revise")}>
                {t("regulations.revise.open")}
              </Button>
            )}
            {r.abilities.repeal && (
              <Button danger icon={<StopOutlined />} onClick={() => setAction("repeal")}>
                {t("regulations.repeal.open")}
              </Button>
            )}
          </Space>
        </Flex>
      </div>
      {r.seed && <Alert className="list-error" type="info" showIcon title={t("regulations.detail.seedNote")} />}
      {r.status === "repealed" && (
        <Alert
          className="list-error"
          type="warning"
          showIcon
          title={t("regulations.detail.repealed", { date: r.repealedOn ?? "", reason: r.repealReason ?? "" })}
        />
      )}
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={9}>
          <Card className="stack-card" data-testid="regulation-facts">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("regulations.fields.documentNo")}>{r.documentNo ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("regulations.fields.unit")}>
                {r.unit.name}（{t(`regulations.levels.${r.level}`)}）
              </Descriptions.Item>
              <Descriptions.Item label={t("regulations.fields.category")}>
                {names.category(r.category)}
              </Descriptions.Item>
              <Descriptions.Item label={t("regulations.fields.effectiveOn")}>{r.effectiveOn ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("regulations.fields.basis")}>{r.citation}</Descriptions.Item>
              {r.answers.length > 0 && (
                <Descriptions.Item label={t("regulations.fields.answers")}>
                  {r.answers.map((a) => `${a.issuer}《${a.title}》（${a.documentNo}）`).join("；")}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <DischargesCard
            title={t("regulations.discharges.title")}
            obligations={r.discharges}
            testId="regulation-discharges"
            compact
          />
        </Col>
        <Col xs={24} xl={15}>
          {current && <TextCard regulation={r} version={current} />}
        </Col>
      </Row>
      <VersionsCard regulation={r} />
      {action === "edit" && <EditDraftModal regulation={r} onClose={close} />}
      {action === "adopt" && <AdoptModal regulation={r} onClose={close} />}
      {action === "revise" && <ReviseModal regulation={r} onClose={close} />}
      {action === "repeal" && <RepealModal regulation={r} onClose={close} />}
    </div>
  );
}

function FileButton({ regulationId, version }: { regulationId: string; version: RegulationVersion }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const file = useVersionFile(regulationId);
  if (!version.file) return null;
  const name = version.file.name;
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={file.isPending}
      onClick={() =>
        file.mutate(
          { id: version.id, name },
          {
            onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
            onError: (error) => void message.error(errorMessage(error, t)),
          },
        )
      }
    >
      {t("regulations.text.download")}（{name}）
    </Button>
  );
}

function TextCard({ regulation: r, version }: { regulation: RegulationView; version: RegulationVersion }) {
  const { t } = useTranslation();
  return (
    <Card
      title={`${r.status === "draft" ? t("regulations.text.draftTitle") : t("regulations.text.title")} · ${t(
        "regulations.fields.versionNo",
        { n: version.versionNo },
      )}`}
      className="stack-card"
      data-testid="regulation-text"
    >
      {version.text ? (
        <div className="regulation-text">{version.text}</div>
      ) : (
        <FileButton regulationId={r.id} version={version} />
      )}
    </Card>
  );
}

function VersionsCard({ regulation: r }: { regulation: RegulationView }) {
  const { t } = useTranslation();
  const { i18n } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  const kindName = (kind: RegulationVersion["kind"]) => localized(VERSION_KIND_NAMES[kind], i18n.language);
  const stateOf = (v: RegulationVersion) =>
    v.adoptedAt === null ? (
      <Tag color="orange">{t("regulations.versions.draft")}</Tag>
    ) : v.superseded ? (
      <Tag>{t("regulations.versions.superseded")}</Tag>
    ) : r.status === "repealed" ? (
      <Tag>{t("regulations.versions.repealed")}</Tag>
    ) : (
      <Tag color="green">{t("regulations.versions.current")}</Tag>
    );
  return (
    <Card title={t("regulations.versions.title")} className="stack-card" data-testid="regulation-versions">
      <Table<RegulationVersion>
        rowKey="id"
        size="small"
        dataSource={r.versions}
        pagination={false}
        expandable={{
          expandedRowKeys: shown ? [shown] : [],
          showExpandColumn: false,
          expandedRowRender: (v) =>
            v.text ? <div className="regulation-text">{v.text}</div> : <FileButton regulationId={r.id} version={v} />,
        }}
        scroll={{ x: 720 }}
        columns={[
          {
            key: "version",
            title: t("regulations.versions.version"),
            width: 110,
            render: (_, v) => (
              <Typography.Text strong>{t("regulations.fields.versionNo", { n: v.versionNo })}</Typography.Text>
            ),
          },
          { key: "kind", title: t("regulations.versions.kind"), width: 80, render: (_, v) => kindName(v.kind) },
          {
            key: "effective",
            title: t("regulations.versions.effectiveOn"),
            width: 120,
            render: (_, v) => v.effectiveOn ?? "—",
          },
          {
            key: "summary",
            title: t("regulations.versions.changeSummary"),
            render: (_, v) => v.changeSummary ?? "—",
          },
          {
            key: "adoptedBy",
            title: t("regulations.versions.adoptedBy"),
            width: 150,
            render: (_, v) => v.adoptedBy ?? "—",
          },
          { key: "state", title: t("regulations.versions.state"), width: 100, render: (_, v) => stateOf(v) },
          {
            key: "view",
            title: "",
            width: 90,
            render: (_, v) => (
              <Button size="small" type="link" onClick={() => setShown(shown === v.id ? null : v.id)}>
                {t("regulations.versions.view")}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

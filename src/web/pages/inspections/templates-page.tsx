import { EditOutlined, EyeOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Drawer, Space, Table, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type TemplateVersion, useInspectionTemplates, useTemplateVersions } from "../../api/inspection-templates";
import { PageHeader } from "../../components/page-header";
import { draftOf, TemplateEditor } from "./template-editor";
import "./inspections.css";

const itemCount = (v: TemplateVersion) => v.sections.reduce((n, s) => n + s.items.length, 0);

/**
 * 检查表管理 (实施细则第十三条第（六）项): the checklists inspections, self-assessments and self-checks are filled on —
 * those shipped with the platform and the institution's own versions. The secrecy office revises one or adds its own;
 * each save is a new version, and what was already checked keeps the version it used.
 */
export function TemplatesPage() {
  const { t } = useTranslation();
  const list = useInspectionTemplates();
  const [viewing, setViewing] = useState<TemplateVersion | null>(null);
  const [editing, setEditing] = useState<ReturnType<typeof draftOf> | null>(null);
  const canEdit = list.data?.abilities.edit ?? false;
  return (
    <div data-testid="inspection-templates">
      <PageHeader
        title={t("inspections.templates.title")}
        intro={t("inspections.templates.intro")}
        basis={t("inspections.templates.basis")}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(draftOf(null))}>
              {t("inspections.templates.create")}
            </Button>
          )
        }
      />
      <Card>
        <Table<TemplateVersion>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          columns={[
            { title: t("inspections.templates.name"), render: (_, v) => v.title.zh },
            { title: t("inspections.templates.id"), dataIndex: "id", responsive: ["md"] },
            {
              title: t("inspections.templates.subject"),
              render: (_, v) => t(`inspections.templates.subjects.${v.subject}`),
            },
            {
              title: t("inspections.templates.version"),
              render: (_, v) => t("inspections.templates.versionN", { n: v.version }),
            },
            {
              title: t("inspections.templates.origin"),
              render: (_, v) => (
                <Tag color={v.origin === "shipped" ? "default" : "blue"}>
                  {t(`inspections.templates.origins.${v.origin}`)}
                </Tag>
              ),
            },
            { title: t("inspections.templates.items"), render: (_, v) => itemCount(v), responsive: ["sm"] },
            {
              title: t("common.actions"),
              render: (_, v) => (
                <Space>
                  <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing(v)}>
                    {t("inspections.templates.view")}
                  </Button>
                  {canEdit && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(draftOf(v))}>
                      {t("inspections.templates.revise")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {viewing && (
        <TemplateView
          version={viewing}
          institutionId={list.data?.institutionId ?? null}
          onClose={() => setViewing(null)}
        />
      )}
      {editing && (
        <TemplateEditor
          editing={editing}
          institutionId={list.data?.institutionId ?? null}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

/** One template: its items by section, and the history of its versions (who saved each, and why). */
function TemplateView({
  version,
  institutionId,
  onClose,
}: {
  version: TemplateVersion;
  institutionId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = useTemplateVersions(version.id, institutionId ?? undefined);
  return (
    <Drawer open size="large" title={version.title.zh} onClose={onClose}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} className="panel-block">
        <Descriptions.Item label={t("inspections.templates.id")}>{version.id}</Descriptions.Item>
        <Descriptions.Item label={t("inspections.templates.version")}>
          {t("inspections.templates.versionN", { n: version.version })}
        </Descriptions.Item>
        <Descriptions.Item label={t("inspections.templates.subject")}>
          {t(`inspections.templates.subjects.${version.subject}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t("inspections.templates.article")}>{version.article}</Descriptions.Item>
      </Descriptions>
      {version.sections.map((section) => (
        <Card key={section.id} size="small" title={section.title.zh} className="panel-block">
          <ol className="template-items">
            {section.items.map((item) => (
              <li key={item.id}>
                <Typography.Text>{item.text.zh}</Typography.Text>{" "}
                <Tag>{t(`inspections.templates.kinds.${item.kind}`)}</Tag>
                {item.kind === "points" && (
                  <Tag color="blue">{t("inspections.templates.pointsN", { n: item.points })}</Tag>
                )}
                {!item.canExclude && <Tag color="orange">{t("inspections.templates.required")}</Tag>}
                <Typography.Text type="secondary">{item.article}</Typography.Text>
              </li>
            ))}
          </ol>
        </Card>
      ))}
      <Typography.Title level={5}>{t("inspections.templates.history")}</Typography.Title>
      <Timeline
        items={(history.data?.items ?? []).map((v) => ({
          content: (
            <>
              {t("inspections.templates.versionN", { n: v.version })} · {t(`inspections.templates.origins.${v.origin}`)}
              {v.savedAt && ` · ${v.savedBy ?? ""} ${v.savedAt.slice(0, 10)}`}
              {v.note && <div className="muted">{v.note}</div>}
            </>
          ),
        }))}
      />
    </Drawer>
  );
}

import { FileWordOutlined } from "@ant-design/icons";
import { App, Button, Flex, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../api/error-message";
import { type ReportView, useReportDocument } from "../../api/reports";
import { saveBlob } from "../../components/save-blob";
import { ReportStatusTag, useReportNames } from "./report-names";
import { REPORTS_PATH } from "./reports-nav";

/**
 * A report's title, status, kind and recipient, its number once signed, the article it serves, and the .docx in the
 * GB/T 9704 upward-document layout (a draft's copy says on every page that it is a draft).
 */
export function ReportHeader({ report: r }: { report: ReportView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useReportNames();
  const docx = useReportDocument(r.id);
  const draft = r.status === "draft";

  const download = () =>
    docx.mutate(`${r.number ?? t("reports.statuses.draft")}-${r.title}.docx`, {
      onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  return (
    <div className="page-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div className="page-header-text">
          <Space size={8} wrap className="detail-crumbs">
            <Link to={REPORTS_PATH}>{t("reports.title")}</Link>
            <Typography.Text type="secondary">/</Typography.Text>
            <Tag color="geekblue">{r.citation}</Tag>
          </Space>
          <Typography.Title level={3} className="page-title">
            {r.title}
          </Typography.Title>
          <Space size={8} wrap>
            <ReportStatusTag status={r.status} />
            <Typography.Text type="secondary">
              {t("reports.detail.kindTo", { kind: names.kind(r.kind), recipient: names.recipient(r.recipient) })}
            </Typography.Text>
            {r.number && (
              <Typography.Text strong data-testid="report-number">
                {r.number}
              </Typography.Text>
            )}
          </Space>
        </div>
        <Space orientation="vertical" align="end" size={4}>
          <Button
            type={draft ? "default" : "primary"}
            icon={<FileWordOutlined />}
            loading={docx.isPending}
            onClick={download}
          >
            {draft ? t("reports.document.draft") : t("reports.document.final")}
          </Button>
          <Typography.Text type="secondary" className="report-document-hint">
            {draft ? t("reports.document.draftHint") : t("reports.document.finalHint")}
          </Typography.Text>
        </Space>
      </Flex>
    </div>
  );
}

import { DownloadOutlined, PaperClipOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type EvidenceView, type ObligationView, useEvidenceFile } from "../../api/obligations";
import { formatBeijing } from "../../components/format";
import { saveBlob } from "../../components/save-blob";
import { DecideEvidenceModal } from "./decide-evidence-modal";

const DECISION_COLOURS: Record<EvidenceView["decision"], string> = {
  pending: "processing",
  approved: "success",
  rejected: "error",
};

/** A file size people read: 12 KB, 3.4 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 落实材料: what was submitted, by whom and when, its file, and the decision on it; pending ones can be decided. */
export function EvidenceCard({ obligation: o }: { obligation: ObligationView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const file = useEvidenceFile(o.id);
  const [deciding, setDeciding] = useState<EvidenceView | null>(null);

  const download = (evidence: EvidenceView) =>
    file.mutate(evidence, {
      onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  return (
    <Card title={t("obligations.evidence.title")} className="stack-card" data-testid="evidence">
      <Table<EvidenceView>
        rowKey="id"
        size="small"
        dataSource={o.evidence}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("obligations.evidence.empty")} />,
        }}
        columns={[
          {
            key: "summary",
            title: t("obligations.evidence.summary"),
            render: (_, e) => (
              <Space orientation="vertical" size={2}>
                <Typography.Text className="pre-line">{e.summary}</Typography.Text>
                {e.documentNo && (
                  <Typography.Text type="secondary">
                    {t("obligations.evidence.documentNoValue", { no: e.documentNo })}
                  </Typography.Text>
                )}
                {e.file && (
                  <Button
                    size="small"
                    type="link"
                    className="evidence-file"
                    icon={<PaperClipOutlined />}
                    loading={file.isPending && file.variables?.id === e.id}
                    onClick={() => download(e)}
                  >
                    {`${e.file.name}（${fileSize(e.file.size)}）`}
                    <DownloadOutlined />
                  </Button>
                )}
              </Space>
            ),
          },
          {
            key: "submitted",
            title: t("obligations.evidence.submitted"),
            width: 190,
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{e.submittedBy}</Typography.Text>
                <Typography.Text type="secondary" className="nowrap">
                  {formatBeijing(e.submittedAt).slice(0, 16)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "decision",
            title: t("obligations.evidence.decision"),
            width: 220,
            render: (_, e) => (
              <Space orientation="vertical" size={2}>
                <Tag color={DECISION_COLOURS[e.decision]}>{e.decisionName}</Tag>
                {e.decidedBy && (
                  <Typography.Text type="secondary">
                    {t("obligations.evidence.decidedBy", {
                      by: e.decidedBy,
                      at: formatBeijing(e.decidedAt).slice(0, 16),
                    })}
                  </Typography.Text>
                )}
                {e.decisionNote && <Typography.Text className="pre-line">{e.decisionNote}</Typography.Text>}
                {e.decision === "pending" && o.abilities.decide && (
                  <Button size="small" type="primary" onClick={() => setDeciding(e)}>
                    {t("obligations.decide.open")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {deciding && <DecideEvidenceModal obligation={o} evidence={deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}

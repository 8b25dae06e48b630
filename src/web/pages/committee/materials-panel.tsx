import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Empty, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type Material, type MeetingView, useMaterialFile, useUploadMaterial } from "../../api/meetings";
import { saveBlob } from "../../components/save-blob";
import { fileSize } from "../obligations/evidence-card";
import { readAsBase64 } from "../obligations/read-file";
import { minuteOf } from "./meeting-table";

/** The largest material the server takes (its contract: base64 of at most 10 MB). */
const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
/** What the server takes (old binary formats such as .doc hide text from the marking scan and are refused). */
const MATERIAL_TYPES = ".docx,.xlsx,.pptx,.pdf,.txt,.png,.jpg,.jpeg";

/**
 * 会议材料: the notice, the agenda, reports for the committee, uploaded by the office before the meeting; each is
 * listed with its size and digest and can be downloaded. Files carrying a secrecy marking are refused by the server.
 */
export function MaterialsPanel({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadMaterial(m.id);
  const file = useMaterialFile(m.id);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (picked: File) => {
    setProblem(null);
    if (picked.size > MATERIAL_MAX_BYTES) {
      setProblem(t("committee.materials.tooLarge"));
      return;
    }
    try {
      await upload.mutateAsync({
        name: picked.name,
        type: picked.type || "application/octet-stream",
        contentBase64: await readAsBase64(picked),
      });
      void message.success(t("committee.materials.uploaded", { name: picked.name }));
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  };

  const download = (material: Material) =>
    file.mutate(material, {
      onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  return (
    <div data-testid="materials">
      <Alert className="form-error" type="warning" showIcon title={t("committee.materials.noSecrets")} />
      {m.abilities.attachMaterial && (
        <Space className="panel-block" wrap>
          <Upload
            accept={MATERIAL_TYPES}
            showUploadList={false}
            beforeUpload={(picked) => {
              void send(picked);
              return false; // sent here, as base64 in JSON
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              {t("committee.materials.upload")}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t("committee.materials.hint")}</Typography.Text>
        </Space>
      )}
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Table<Material>
        rowKey="id"
        size="small"
        dataSource={m.materials}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.materials.empty")} />,
        }}
        columns={[
          {
            key: "name",
            title: t("committee.materials.name"),
            render: (_, material) => (
              <Button
                type="link"
                size="small"
                className="evidence-file"
                icon={<PaperClipOutlined />}
                loading={file.isPending && file.variables?.id === material.id}
                onClick={() => download(material)}
              >
                {material.name}
                <DownloadOutlined />
              </Button>
            ),
          },
          {
            key: "size",
            title: t("committee.materials.size"),
            width: 100,
            render: (_, material) => fileSize(material.size),
          },
          {
            key: "sha256",
            title: t("committee.materials.sha256"),
            width: 170,
            render: (_, material) => (
              <Typography.Text className="mono" copyable={{ text: material.sha256 }}>
                {material.sha256.slice(0, 12)}…
              </Typography.Text>
            ),
          },
          {
            key: "uploadedAt",
            title: t("committee.materials.uploadedAt"),
            width: 150,
            render: (_, material) => <span className="nowrap">{minuteOf(material.uploadedAt)}</span>,
          },
        ]}
      />
    </div>
  );
}

import { CopyOutlined, DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { saveBlob } from "./save-blob";

/** Recovery codes, shown once: each signs in once in place of a TOTP code. Copy, download, or print them. */
export function RecoveryCodes({ codes, username }: { codes: readonly string[]; username: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = `${t("recovery.fileHeader", { username })}\n\n${codes.join("\n")}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      void message.success(t("common.copied"));
    } catch {
      void message.error(t("common.copyFailed"));
    }
  };

  return (
    <div className="recovery-codes" data-testid="recovery-codes">
      <Alert type="warning" showIcon title={t("recovery.onceTitle")} description={t("recovery.onceBody")} />
      <ol className="recovery-code-list">
        {codes.map((code) => (
          <li key={code}>
            <Typography.Text code copyable={false}>
              {code}
            </Typography.Text>
          </li>
        ))}
      </ol>
      <Space wrap>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t("recovery.copy")}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            saveBlob(new Blob([text], { type: "text/plain;charset=utf-8" }), `baomi-recovery-codes-${username}.txt`)
          }
        >
          {t("recovery.download")}
        </Button>
      </Space>
    </div>
  );
}

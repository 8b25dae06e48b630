import { Typography } from "antd";
import { useTranslation } from "react-i18next";

/**
 * A secret or code shown in monospace with a copy button (one-time passwords, TOTP secrets). `display` may group the
 * characters for reading aloud or typing; the copy is always the exact text.
 */
export function CopyText({ text, display, testId }: { text: string; display?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text code className="copy-text" copyable={{ text, tooltips: [t("common.copy"), t("common.copied")] }}>
      <span data-testid={testId}>{display ?? text}</span>
    </Typography.Text>
  );
}

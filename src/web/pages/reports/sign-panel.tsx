import { EditOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ReportView, useSignReport } from "../../api/reports";
import { PasswordPrompt } from "../../components/password-prompt";

/**
 * 签发: the director of the committee — or a deputy the director delegated to — reads the draft and signs it with the
 * password re-entered. Signing numbers the report (保委〔年〕号) and makes its text final; everyone else is told who
 * signs.
 */
export function SignPanel({ report: r }: { report: ReportView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sign = useSignReport(r.id);
  const [prompting, setPrompting] = useState(false);
  return (
    <Card title={t("reports.sign.title")} className="stack-card" data-testid="sign-panel">
      {r.abilities.sign ? (
        <>
          <Typography.Paragraph>{t("reports.sign.ready")}</Typography.Paragraph>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setPrompting(true)}>
            {t("reports.sign.open")}
          </Button>
        </>
      ) : (
        <Alert type="info" showIcon title={t("reports.sign.waiting")} />
      )}
      <PasswordPrompt
        open={prompting}
        title={t("reports.sign.promptTitle")}
        description={t("reports.sign.promptBody", { title: r.title })}
        okText={t("reports.sign.confirm")}
        submit={async (password) => {
          await sign.mutateAsync({ password });
          setPrompting(false);
          void message.success(t("reports.sign.done"));
        }}
        onClose={() => setPrompting(false)}
      />
    </Card>
  );
}

import { EditOutlined, FileWordOutlined } from "@ant-design/icons";
import { Alert, App, Button, Empty, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type MeetingView, useMinutesDocument, useSignMinutes } from "../../api/meetings";
import { PasswordPrompt } from "../../components/password-prompt";
import { saveBlob } from "../../components/save-blob";
import { MinutesView } from "./minutes-view";
import { SignerFacts } from "./signer-card";

/**
 * 审定签发: the director (or a deputy the director delegated to) reads the draft and signs it with the password
 * re-entered; from then on the minutes are final, numbered, downloadable as an official document, and their decisions
 * are tracked tasks. Corrections go into 补充纪要.
 */
export function SignOffPanel({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sign = useSignMinutes(m.id);
  const docx = useMinutesDocument(m.id);
  const [prompting, setPrompting] = useState(false);

  const download = () =>
    docx.mutate(`${m.minutesNumber ?? m.title}.docx`, {
      onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  if (m.signer) {
    return (
      <div data-testid="signed">
        <Alert className="form-error" type="success" showIcon title={t("committee.signOff.signedNote")} />
        <SignerFacts signer={m.signer} number={m.minutesNumber} />
        <Space className="panel-block signed-actions" wrap>
          <Button type="primary" icon={<FileWordOutlined />} loading={docx.isPending} onClick={download}>
            {t("committee.signOff.download")}
          </Button>
          <Typography.Text type="secondary">{t("committee.signOff.downloadHint")}</Typography.Text>
        </Space>
        <MinutesView meeting={m} />
      </div>
    );
  }
  if (!m.minutes) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.signOff.noDraft")} />;
  return (
    <div data-testid="sign-off">
      {m.abilities.signOff ? (
        <Alert
          className="form-error"
          type="info"
          showIcon
          title={t("committee.signOff.ready")}
          action={
            <Button type="primary" icon={<EditOutlined />} onClick={() => setPrompting(true)}>
              {t("committee.signOff.sign")}
            </Button>
          }
        />
      ) : (
        <Alert
          className="form-error"
          type="info"
          showIcon
          title={m.status === "minutesDrafted" ? t("committee.signOff.waiting") : t("committee.signOff.notYet")}
        />
      )}
      <MinutesView meeting={m} />
      <PasswordPrompt
        open={prompting}
        title={t("committee.signOff.promptTitle")}
        description={t("committee.signOff.promptBody", { title: m.title })}
        okText={t("committee.signOff.confirm")}
        submit={async (password) => {
          await sign.mutateAsync({ password });
          setPrompting(false);
          void message.success(t("committee.signOff.done"));
        }}
        onClose={() => setPrompting(false)}
      />
    </div>
  );
}

import { Alert, Button, Descriptions, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { OneTimePassword } from "../../api/accounts";
import { CopyText } from "../../components/copy-text";

/**
 * The one-time password of a new or reset account, shown this once: the server keeps only its hash. The holder must
 * replace it at first sign-in (no default passwords, GB/T 22239-2019 8.1.4.1 a).
 */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={t("accounts.otpTitle")}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("accounts.otpDone")}
        </Button>
      }
    >
      {value && (
        <div data-testid="one-time-password">
          <Alert type="warning" showIcon title={t("accounts.otpOnce")} description={t("accounts.otpBody")} />
          <Descriptions
            className="otp-details"
            column={1}
            size="small"
            bordered
            items={[
              { key: "username", label: t("accounts.username"), children: value.account.username },
              { key: "name", label: t("accounts.displayName"), children: value.account.displayName },
              {
                key: "password",
                label: t("accounts.oneTimePassword"),
                children: <CopyText text={value.oneTimePassword} testId="otp-value" />,
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}

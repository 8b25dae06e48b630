import { AuditOutlined } from "@ant-design/icons";
import { Alert, App, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/api-error";
import { type ApprovedRecord, type SupervisionYear, useApprove } from "../../../api/supervision";
import { PasswordPrompt } from "../../../components/password-prompt";
import { ApprovalFacts } from "./approval-facts";
import { ProblemAlert } from "./problem-alert";

/**
 * 审定: the director (or a deputy the director delegated to) approves a draft with the password re-entered; from
 * then on it is final. Everyone else sees that it waits for the director, then who approved it.
 */
export function ApprovalPanel({
  year: y,
  record,
  warning,
}: {
  year: SupervisionYear;
  record: ApprovedRecord;
  /** What the director should know before approving (units not scored yet). */
  warning?: string | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const approve = useApprove(y.year, record);
  const [prompting, setPrompting] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const current = y[record];
  const key = `committee.supervision.approval.${record}` as const;

  if (!current) return null;
  if (current.approval) {
    return (
      <div className="approval-panel" data-testid={`${record}-approved`}>
        <Alert className="form-error" type="success" showIcon title={t(`${key}.final`)} />
        <ApprovalFacts approval={current.approval} />
      </div>
    );
  }
  const mine = y.abilities.approve && current.status === "draft";
  return (
    <div className="approval-panel" data-testid={`${record}-approval`}>
      <ProblemAlert problem={conflict} stale onClose={() => setConflict(null)} />
      {mine ? (
        <Alert
          type="info"
          showIcon
          title={t(`${key}.ready`)}
          description={warning}
          action={
            <Button type="primary" icon={<AuditOutlined />} onClick={() => setPrompting(true)}>
              {t("committee.supervision.approval.approve")}
            </Button>
          }
        />
      ) : (
        <Alert type="info" showIcon title={t(`${key}.waiting`)} />
      )}
      <PasswordPrompt
        open={prompting}
        title={t(`${key}.promptTitle`)}
        description={t(`${key}.promptBody`, { year: y.year })}
        okText={t("committee.supervision.approval.confirm")}
        submit={async (password) => {
          try {
            await approve.mutateAsync({ password });
          } catch (error) {
            // Approved meanwhile (or nothing to approve): final, so the answer belongs beside the record, not the password.
            if (!(error instanceof ApiError && error.status === 409)) throw error;
            setConflict(error.message);
            setPrompting(false);
            return;
          }
          setPrompting(false);
          void message.success(t(`${key}.done`));
        }}
        onClose={() => setPrompting(false)}
      />
    </div>
  );
}

import { Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Approval } from "../../../api/supervision";
import { formatBeijing } from "../../../components/format";

/** Who approved (审定) and in what capacity — the director, or a deputy under delegation — when, and the digest. */
export function ApprovalFacts({ approval }: { approval: Approval }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="approval"
      items={[
        { key: "person", label: t("committee.supervision.approval.by"), children: approval.person.name },
        {
          key: "as",
          label: t("committee.supervision.approval.as"),
          children:
            approval.approvedAs === "director" ? (
              t("committee.signOff.asDirector")
            ) : (
              <>
                <Typography.Text>{t("committee.supervision.approval.asDelegate")}</Typography.Text>
                {approval.delegationPurpose && (
                  <Typography.Paragraph type="secondary" className="signer-delegation">
                    {t("committee.supervision.approval.purpose", { purpose: approval.delegationPurpose })}
                  </Typography.Paragraph>
                )}
              </>
            ),
        },
        { key: "at", label: t("committee.supervision.approval.at"), children: formatBeijing(approval.approvedAt) },
        {
          key: "signature",
          label: t("committee.signOff.signature"),
          children: (
            <Typography.Text className="mono signature" copyable>
              {approval.signature}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

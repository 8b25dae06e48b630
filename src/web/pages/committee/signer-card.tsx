import { Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Signer } from "../../api/meetings";
import { formatBeijing } from "../../components/format";

/**
 * Who signed and in what capacity: the director, or a deputy under the director's dated delegation
 * (第十条第（二）项), when, and the signature's digest.
 */
export function SignerFacts({ signer, number }: { signer: Signer; number?: string | null }) {
  const { t } = useTranslation();
  const delegation = signer.delegation;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="signer"
      items={[
        ...(number ? [{ key: "number", label: t("committee.fields.minutesNumber"), children: number }] : []),
        { key: "person", label: t("committee.signOff.signer"), children: signer.person.name },
        {
          key: "as",
          label: t("committee.signOff.signedAs"),
          children:
            signer.signedAs === "director" ? (
              t("committee.signOff.asDirector")
            ) : (
              <>
                <Typography.Text>{t("committee.signOff.asDelegate")}</Typography.Text>
                {delegation && (
                  <Typography.Paragraph type="secondary" className="signer-delegation">
                    {t("committee.signOff.delegation", {
                      purpose: delegation.purpose,
                      from: delegation.startsOn,
                      to: delegation.endsOn,
                    })}
                  </Typography.Paragraph>
                )}
              </>
            ),
        },
        { key: "at", label: t("committee.signOff.signedAt"), children: formatBeijing(signer.signedAt) },
        {
          key: "signature",
          label: t("committee.signOff.signature"),
          children: (
            <Typography.Text className="mono signature" copyable>
              {signer.signature}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

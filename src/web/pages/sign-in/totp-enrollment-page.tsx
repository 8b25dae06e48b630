import { Alert, Button } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type SessionProbe, SESSION_KEY } from "../../api/auth";
import { apiFetch } from "../../api/client";
import { afterStep } from "../../app/sign-in-steps";
import { usePageTitle } from "../../components/page-title";
import { RecoveryCodes } from "../../components/recovery-codes";
import { TotpEnrollment } from "../../components/totp-enrollment";
import { SignOutLink } from "./sign-out-link";
import { SignInFrame, StepGate, useNextPath } from "./sign-in-frame";

/**
 * Sign-in, the enrolment step: the three administrators (and roles the security administrator names) must use a
 * second factor (GB/T 22239-2019 8.1.4.1 d). Enrol, then see the recovery codes once, then continue.
 */
export function TotpEnrollmentPage() {
  const { t } = useTranslation();
  usePageTitle(t("signIn.enrollTitle"));
  const client = useQueryClient();
  const navigate = useNavigate();
  const next = useNextPath();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [username, setUsername] = useState("");
  const [leaving, setLeaving] = useState(false);

  const proceed = async () => {
    setLeaving(true);
    try {
      const state = await client.fetchQuery({
        queryKey: SESSION_KEY,
        queryFn: () => apiFetch<SessionProbe>("/api/auth/session"),
        staleTime: 0,
      });
      void navigate(afterStep(state.pending, next), { replace: true });
    } finally {
      setLeaving(false);
    }
  };

  return (
    <SignInFrame title={t("signIn.enrollTitle")} wide>
      <StepGate step="totpEnrollment" hold={codes !== null}>
        {codes === null ? (
          <>
            <Alert className="step-intro" type="warning" showIcon title={t("signIn.enrollIntro")} />
            <TotpEnrollment
              onEnrolled={(received, account) => {
                setUsername(account);
                setCodes(received);
              }}
            />
            <SignOutLink />
          </>
        ) : (
          <>
            <Alert className="step-intro" type="success" showIcon title={t("totp.enabled")} />
            <RecoveryCodes codes={codes} username={username} />
            <Button type="primary" block className="step-continue" loading={leaving} onClick={() => void proceed()}>
              {t("recovery.saved")}
            </Button>
          </>
        )}
      </StepGate>
    </SignInFrame>
  );
}

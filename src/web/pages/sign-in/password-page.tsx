import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { PasswordChangeForm } from "../../components/password-change-form";
import { usePageTitle } from "../../components/page-title";
import { SignOutLink } from "./sign-out-link";
import { SignInFrame, StepGate } from "./sign-in-frame";

/**
 * Sign-in, the password step: a one-time password from the system administrator (first sign-in or after a reset),
 * or a password older than the rotation period, must be replaced before anything else. Once changed, the gate moves on.
 */
export function PasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("signIn.passwordTitle"));
  return (
    <SignInFrame title={t("signIn.passwordTitle")} wide>
      <StepGate step="passwordChange">
        <Alert className="step-intro" type="warning" showIcon title={t("signIn.passwordIntro")} />
        <PasswordChangeForm submitLabel={t("signIn.passwordSubmit")} onChanged={() => undefined} />
        <SignOutLink />
      </StepGate>
    </SignInFrame>
  );
}

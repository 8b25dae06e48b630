import { Card, Spin, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { type PendingStep, useSessionProbe } from "../../api/auth";
import { afterStep, safeNext } from "../../app/sign-in-steps";
import { LanguageSwitch } from "../../components/language-switch";

/** The frame of every sign-in page: product name, the step's title, the page, and the one rule of the platform. */
export function SignInFrame({ title, wide, children }: { title: string; wide?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="login-screen">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className={wide ? "login-card login-card-wide" : "login-card"}>
        <Typography.Title level={3} className="login-product">
          {t("app.name")}
        </Typography.Title>
        <Typography.Title level={5} className="login-title">
          {title}
        </Typography.Title>
        {children}
        <Typography.Paragraph type="secondary" className="login-notice">
          {t("login.notice")}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

/** The page the user asked for before signing in (`?next=`), checked to stay on this site. */
export function useNextPath(): string {
  const [params] = useSearchParams();
  return safeNext(params.get("next"));
}

/**
 * Shows a sign-in step only while the session has that step pending; otherwise moves on to whatever comes next
 * (sign in first, the next step, or the page the user asked for). `hold` keeps the page while it shows something
 * the user must see before moving on (the recovery codes).
 */
export function StepGate({ step, hold, children }: { step: PendingStep; hold?: boolean; children: ReactNode }) {
  const probe = useSessionProbe();
  const next = useNextPath();
  if (hold) return children;
  if (probe.isPending) return <Spin />;
  const state = probe.data;
  if (!state?.authenticated) return <Navigate to="/login" replace />;
  if (!state.pending.includes(step)) return <Navigate to={afterStep(state.pending, next)} replace />;
  return children;
}

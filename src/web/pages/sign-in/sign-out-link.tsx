import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useLogout } from "../../api/auth";

/** Leaves a half-finished sign-in (another account, or no authenticator at hand): ends the session, back to /login. */
export function SignOutLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Button
      type="link"
      loading={logout.isPending}
      onClick={() => logout.mutate(undefined, { onSettled: () => void navigate("/login", { replace: true }) })}
    >
      {t("signIn.cancel")}
    </Button>
  );
}

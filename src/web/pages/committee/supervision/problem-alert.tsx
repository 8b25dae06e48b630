import { ReloadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";
import { SUPERVISION_KEY } from "../../../api/supervision";

/** What the server refused, above the form; for a stale page (409: approved meanwhile) with a way to read it again. */
export function ProblemAlert({
  problem,
  stale,
  onClose,
}: {
  problem: string | null;
  stale: boolean;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  if (!problem) return null;
  return (
    <Alert
      className="form-error"
      type="error"
      showIcon
      title={problem}
      data-testid="problem"
      closable={onClose ? { onClose } : false}
      action={
        stale && (
          <Button
            size="small"
            icon={<ReloadOutlined />}
            onClick={() => void client.invalidateQueries({ queryKey: SUPERVISION_KEY })}
          >
            {t("committee.supervision.reload")}
          </Button>
        )
      }
    />
  );
}

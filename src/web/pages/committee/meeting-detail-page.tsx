import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Result, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/api-error";
import { errorMessage } from "../../api/error-message";
import { useMeeting } from "../../api/meetings";
import { usePageTitle } from "../../components/page-title";
import { DischargesCard } from "../obligations/discharges-card";
import { MeetingFlow } from "./meeting-flow";
import { MeetingHeader } from "./meeting-header";

/**
 * One meeting, from 议题征集 to the signed minutes: its header (kind, status, time and place, article, minutes number),
 * the steps it has passed, a tab for each stage with the actions the server says this user may take, and the
 * obligations it discharges.
 */
export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const meeting = useMeeting(id);
  usePageTitle(meeting.data?.title ?? t("committee.detail.title"));

  if (meeting.isPending) return <Skeleton active />;
  if (meeting.isError) {
    const missing = meeting.error instanceof ApiError && meeting.error.status === 404;
    return missing ? (
      <Result
        status="404"
        title={t("committee.detail.notFound")}
        subTitle={t("committee.detail.notFoundHint")}
        extra={<BackButton />}
      />
    ) : (
      <Alert className="list-error" type="error" showIcon title={errorMessage(meeting.error, t)} />
    );
  }
  const m = meeting.data;
  return (
    <div data-testid="meeting-detail">
      <MeetingHeader meeting={m} />
      <MeetingFlow meeting={m} />
      <DischargesCard
        obligations={m.obligations}
        title={t("committee.discharges.title")}
        testId="discharges"
        pending={m.status === "signed" ? undefined : t("committee.discharges.whenSigned")}
      />
    </div>
  );
}

function BackButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate("/committee")}>
      {t("committee.detail.back")}
    </Button>
  );
}

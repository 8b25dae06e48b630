import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useMeeting } from "../../api/meetings";
import { DetailPage } from "../../components/detail-page";
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

  return (
    <DetailPage
      query={meeting}
      notFound={t("committee.detail.notFound")}
      notFoundHint={t("committee.detail.notFoundHint")}
      back={{ to: "/committee", label: t("committee.detail.back") }}
    >
      {(m) => (
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
      )}
    </DetailPage>
  );
}

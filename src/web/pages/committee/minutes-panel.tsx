import { Empty } from "antd";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "../../api/meetings";
import { MinutesEditor } from "./minutes-editor";
import { MinutesView } from "./minutes-view";

/** 会议纪要: the office drafts (and until sign-off amends) the text and the decisions; others read them. */
export function MinutesPanel({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  if (m.abilities.draftMinutes) return <MinutesEditor key={m.minutes?.draftedAt ?? "new"} meeting={m} />;
  if (!m.minutes) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.minutes.none")} />;
  return <MinutesView meeting={m} />;
}

import { Empty, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Attendance, AttendanceKind, MeetingView } from "../../api/meetings";
import { AttendanceEditor } from "./attendance-editor";
import { minuteOf } from "./meeting-table";
import { useMeetingNames } from "./status-tags";

export const ATTENDANCE_COLOURS: Record<AttendanceKind, string> = {
  present: "green",
  onLeave: "orange",
  nonVoting: "blue",
};

/** 出席情况: the office records who attended, was on leave or attended without a seat; everyone else reads it. */
export function AttendancePanel({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const names = useMeetingNames();
  if (m.abilities.recordAttendance) return <AttendanceEditor key={m.heldAt ?? "new"} meeting={m} />;
  if (m.attendance.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.attendance.notRecorded")} />;
  }
  const count = (kind: AttendanceKind) => m.attendance.filter((a) => a.kind === kind).length;
  return (
    <div data-testid="attendance">
      <Typography.Paragraph>
        {t("committee.attendance.summary", {
          heldAt: minuteOf(m.heldAt),
          present: count("present"),
          onLeave: count("onLeave"),
          nonVoting: count("nonVoting"),
        })}
      </Typography.Paragraph>
      <Table<Attendance>
        rowKey={(a) => a.person.id}
        size="small"
        dataSource={m.attendance}
        pagination={false}
        columns={[
          { key: "name", title: t("committee.attendance.person"), render: (_, a) => a.person.name },
          {
            key: "seat",
            title: t("committee.attendance.seat"),
            width: 200,
            render: (_, a) => (a.seat ? names.seat(a.seat, a.seat) : "—"),
          },
          {
            key: "kind",
            title: t("committee.attendance.kind"),
            width: 120,
            render: (_, a) => <Tag color={ATTENDANCE_COLOURS[a.kind]}>{names.attendance(a.kind)}</Tag>,
          },
          { key: "note", title: t("committee.attendance.note"), render: (_, a) => a.note ?? "" },
        ]}
      />
    </div>
  );
}

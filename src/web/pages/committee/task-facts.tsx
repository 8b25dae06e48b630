import { Card, Descriptions, Progress } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TaskView } from "../../api/meetings";
import { formatBeijing } from "../../components/format";
import { meetingUrl } from "./committee-nav";
import { TaskStatusTag } from "./status-tags";

/** The task's facts: where it was decided (or who assigned it, under which document), who carries it out, by when, how far, and its report and closing. */
export function TaskFacts({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  return (
    <Card title={t("committee.tasks.detail.facts")} className="stack-card" data-testid="task-facts">
      <Descriptions
        className="facts"
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          {
            key: "title",
            label: task.assignedBy ? t("committee.tasks.fields.assignedTask") : t("committee.tasks.fields.title"),
            span: "filled",
            children: task.title,
          },
          ...(task.assignedBy && !task.meeting
            ? [
                {
                  key: "assignedBy",
                  label: t("committee.tasks.fields.assignedBy"),
                  span: task.documentNo ? undefined : ("filled" as const),
                  children: task.assignedBy,
                },
                ...(task.documentNo
                  ? [{ key: "documentNo", label: t("committee.tasks.fields.documentNo"), children: task.documentNo }]
                  : []),
              ]
            : [
                {
                  key: "meeting",
                  label: t("committee.tasks.fields.meeting"),
                  span: "filled" as const,
                  children: task.meeting ? (
                    <Link to={meetingUrl(task.meeting.id, "minutes")}>
                      {task.meeting.minutesNumber
                        ? `${task.meeting.title}（${task.meeting.minutesNumber}）`
                        : task.meeting.title}
                    </Link>
                  ) : (
                    "—"
                  ),
                },
              ]),
          { key: "owner", label: t("committee.tasks.fields.owner"), children: task.ownerUnit.name },
          { key: "due", label: t("committee.tasks.fields.dueOn"), children: task.dueOn },
          {
            key: "status",
            label: t("committee.tasks.fields.status"),
            children: <TaskStatusTag status={task.status} overdue={task.overdue} />,
          },
          {
            key: "percent",
            label: t("committee.tasks.fields.percent"),
            children: <Progress percent={task.percent} size="small" className="task-progress" />,
          },
          ...(task.reportSummary
            ? [
                {
                  key: "report",
                  label: t("committee.tasks.fields.report"),
                  span: "filled" as const,
                  children: <span className="pre-line">{task.reportSummary}</span>,
                },
                {
                  key: "reportedAt",
                  label: t("committee.tasks.fields.reportedAt"),
                  children: formatBeijing(task.reportedAt),
                },
              ]
            : []),
          ...(task.closedAt
            ? [{ key: "closedAt", label: t("committee.tasks.fields.closedAt"), children: formatBeijing(task.closedAt) }]
            : []),
        ]}
      />
    </Card>
  );
}

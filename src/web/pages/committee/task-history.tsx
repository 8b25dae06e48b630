import { Card, Empty, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { TaskView } from "../../api/meetings";
import { minuteOf } from "./meeting-table";

type Entry = TaskView["history"][number];

const COLOURS: Record<Entry["kind"], string> = {
  progress: "blue",
  report: "orange",
  close: "green",
  reopen: "red",
};

/** 办理记录: every progress note, report, closing and sending back, oldest first, with who and when. */
export function TaskHistory({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  return (
    <Card title={t("committee.tasks.history.title")} className="stack-card" data-testid="task-history">
      {task.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.tasks.history.empty")} />
      ) : (
        <Timeline
          items={task.history.map((entry, index) => ({
            key: index,
            color: COLOURS[entry.kind],
            content: (
              <>
                <Typography.Text strong>
                  {t(`committee.tasks.history.${entry.kind}`)}
                  {entry.percent !== null && `（${entry.percent}%）`}
                </Typography.Text>
                <Typography.Paragraph className="pre-line history-note">{entry.note}</Typography.Paragraph>
                <Typography.Text type="secondary" className="bearer-note">
                  {`${entry.by ?? "—"} · ${minuteOf(entry.at)}`}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}

import { Progress, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PlanItemView } from "../../../api/supervision";
import { taskUrl } from "../committee-nav";
import { TaskStatusTag } from "../status-tags";
import type { TaskStatus } from "../../../api/meetings";

const TASK_STATUSES: readonly TaskStatus[] = ["open", "reported", "closed"];

/**
 * The plan's tasks: who carries each out, by when, and — once the plan is approved — how far its tracked task (督办)
 * has come, with a link to it; the mid-year supervision follows them there.
 */
export function PlanItemsTable({ items, approved }: { items: readonly PlanItemView[]; approved: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<PlanItemView>
      rowKey="id"
      size="small"
      data-testid="plan-items"
      dataSource={[...items].sort((a, b) => a.position - b.position)}
      pagination={false}
      scroll={{ x: 820 }}
      columns={[
        { key: "no", title: t("committee.supervision.plan.no"), width: 56, render: (_, i) => i.position },
        { key: "title", title: t("committee.supervision.plan.task"), render: (_, i) => i.title },
        { key: "owner", title: t("committee.supervision.plan.owner"), width: 160, render: (_, i) => i.ownerUnit.name },
        {
          key: "due",
          title: t("committee.supervision.plan.dueOn"),
          width: 110,
          render: (_, i) => <span className="nowrap">{i.dueOn}</span>,
        },
        {
          key: "task",
          title: t("committee.supervision.plan.progress"),
          width: 250,
          render: (_, i) =>
            i.task ? (
              <Space orientation="vertical" size={2} className="full-width">
                <Progress percent={i.task.percent} size="small" className="task-progress" />
                <Space size={8}>
                  {TASK_STATUSES.includes(i.task.status as TaskStatus) ? (
                    <TaskStatusTag status={i.task.status as TaskStatus} />
                  ) : (
                    <span>{i.task.statusName}</span>
                  )}
                  <Link to={taskUrl(i.task.id)}>{t("committee.supervision.plan.openTask")}</Link>
                </Space>
              </Space>
            ) : (
              <Typography.Text type="secondary">
                {approved ? "—" : t("committee.supervision.plan.becomesTask")}
              </Typography.Text>
            ),
        },
      ]}
    />
  );
}

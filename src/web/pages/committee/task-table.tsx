import { Empty, Progress, Space, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { TaskSummary } from "../../api/meetings";
import { meetingUrl, taskUrl } from "./committee-nav";
import { TaskStatusTag } from "./status-tags";

/** The tracked tasks as a table: the decision, where it was decided (or who assigned it), who carries it out, by when, how far, status. */
export function TaskTable({
  items,
  loading,
  empty,
}: {
  items: readonly TaskSummary[];
  loading?: boolean;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="task-list">
      <Table<TaskSummary>
        rowKey="id"
        loading={loading}
        dataSource={[...items]}
        pagination={false}
        scroll={{ x: 960 }}
        onRow={(task) => ({ onClick: () => void navigate(taskUrl(task.id)), className: "clickable-row" })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        columns={[
          {
            key: "title",
            title: t("committee.tasks.fields.title"),
            render: (_, task) => (
              <Space orientation="vertical" size={0}>
                <Link to={taskUrl(task.id)} onClick={(event) => event.stopPropagation()}>
                  {task.title}
                </Link>
                {task.meeting && (
                  <Typography.Text type="secondary" className="bearer-note">
                    <Link to={meetingUrl(task.meeting.id)} onClick={(event) => event.stopPropagation()}>
                      {task.meeting.minutesNumber ?? task.meeting.title}
                    </Link>
                  </Typography.Text>
                )}
                {task.assignedBy && (
                  <Typography.Text type="secondary" className="bearer-note">
                    <Tag>{t("committee.tasks.assignedTag")}</Tag>
                    {task.assignedBy}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: "owner",
            title: t("committee.tasks.fields.owner"),
            width: 170,
            render: (_, task) => task.ownerUnit.name,
          },
          {
            key: "due",
            title: t("committee.tasks.fields.dueOn"),
            width: 110,
            render: (_, task) => (
              <Typography.Text type={task.overdue ? "danger" : undefined} className="nowrap">
                {task.dueOn}
              </Typography.Text>
            ),
          },
          {
            key: "percent",
            title: t("committee.tasks.fields.percent"),
            width: 150,
            render: (_, task) => <Progress percent={task.percent} size="small" />,
          },
          {
            key: "status",
            title: t("committee.tasks.fields.status"),
            width: 200,
            render: (_, task) => <TaskStatusTag status={task.status} overdue={task.overdue} />,
          },
        ]}
      />
    </div>
  );
}

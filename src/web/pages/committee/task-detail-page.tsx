import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { Alert, Button, Col, Flex, Row, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type TaskView, useTask } from "../../api/meetings";
import { DetailPage } from "../../components/detail-page";
import { usePageTitle } from "../../components/page-title";
import { TaskStatusTag } from "./status-tags";
import { TaskDecisionModal } from "./task-decision-modal";
import { TaskFacts } from "./task-facts";
import { TaskHistory } from "./task-history";
import { TaskProgressForm } from "./task-progress-form";
import { TaskReportForm } from "./task-report-form";

/**
 * One tracked task (督办事项): the decision, its owner unit and deadline, how far it has come and its history; the
 * owner unit records progress and reports it done, the office closes it (核销) or sends it back (退回重办).
 */
export function TaskDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const task = useTask(id);
  usePageTitle(task.data?.title ?? t("committee.tasks.detail.title"));

  return (
    <DetailPage
      query={task}
      notFound={t("committee.tasks.detail.notFound")}
      notFoundHint={t("committee.tasks.detail.notFoundHint")}
      back={{ to: "/committee/tasks", label: t("committee.tasks.detail.back") }}
    >
      {(data) => <TaskDetail task={data} />}
    </DetailPage>
  );
}

function TaskDetail({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<"close" | "reopen" | null>(null);
  return (
    <div data-testid="task-detail">
      <div className="page-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div className="page-header-text">
            <Space size={8} wrap className="detail-crumbs">
              <Link to="/committee/tasks">{t("committee.nav.tasks")}</Link>
            </Space>
            <Typography.Title level={3} className="page-title">
              {task.title}
            </Typography.Title>
            <TaskStatusTag status={task.status} overdue={task.overdue} />
          </div>
          <Space wrap>
            {task.abilities.close && (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setDeciding("close")}>
                {t("committee.tasks.close.open")}
              </Button>
            )}
            {task.abilities.reopen && (
              <Button icon={<RollbackOutlined />} onClick={() => setDeciding("reopen")}>
                {t("committee.tasks.reopen.open")}
              </Button>
            )}
          </Space>
        </Flex>
      </div>
      {task.abilities.close && (
        <Alert className="list-error" type="warning" showIcon title={t("committee.tasks.detail.awaitingCheck")} />
      )}
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={14}>
          <TaskFacts task={task} />
          {task.abilities.progress && <TaskProgressForm task={task} />}
          {task.abilities.report && <TaskReportForm task={task} />}
        </Col>
        <Col xs={24} xl={10}>
          <TaskHistory task={task} />
        </Col>
      </Row>
      {deciding && <TaskDecisionModal task={task} decision={deciding} onClose={() => setDeciding(null)} />}
    </div>
  );
}

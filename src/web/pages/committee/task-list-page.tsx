import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type TaskFilters, useTasks } from "../../api/meetings";
import { allowed, useCurrentUser } from "../../app/access";
import { ExportButton, ListCard } from "../../components/list-parts";
import { AssignTaskModal } from "./assign-task-modal";
import { CommitteePageHeader } from "./committee-page-header";
import { paramsOf } from "./meeting-filters";
import { TaskFilterForm } from "./task-filter-form";
import { taskFiltersFrom } from "./task-filters";
import { TaskTable } from "./task-table";

/**
 * 督办事项: the decisions of signed minutes, each carried out by its owner unit by a deadline and followed until the
 * office closes it. Filters by status, unit and overdue live in the address (a meeting's link adds `meetingId`). The
 * secrecy office also records the tasks assigned to it from above or by the committee and the leaders.
 */
export function TaskListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = taskFiltersFrom(params);
  const list = useTasks(filters);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const [assigning, setAssigning] = useState(false);
  const apply = (next: TaskFilters) => setParams(paramsOf(next), { replace: true });

  return (
    <>
      <CommitteePageHeader
        page="tasks"
        extra={
          <Space wrap>
            <ExportButton path="/api/tasks" filters={filters} fallbackName="督办事项.xlsx" />
            {allowed(me, "meeting.manage") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)}>
                {t("committee.tasks.assign.open")}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="audit-filters">
        <TaskFilterForm filters={filters} onApply={(next) => apply({ ...next, meetingId: filters.meetingId })} />
        {filters.meetingId && (
          <Alert
            type="info"
            showIcon
            title={t("committee.tasks.byMeeting")}
            action={
              <Button size="small" onClick={() => apply({ ...filters, meetingId: undefined })}>
                {t("committee.tasks.allMeetings")}
              </Button>
            }
          />
        )}
      </Card>
      <ListCard list={list}>
        <TaskTable
          items={list.items}
          loading={list.isPending}
          empty={filtered ? t("common.noMatch") : t("committee.tasks.empty")}
        />
      </ListCard>
      {assigning && <AssignTaskModal onClose={() => setAssigning(false)} />}
    </>
  );
}

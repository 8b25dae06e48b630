import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Decision, MeetingView } from "../../api/meetings";
import { taskUrl } from "./committee-nav";

/** The minutes as drafted or signed: the text, then the decisions with owner unit, deadline and tracked task. */
export function MinutesView({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  if (!m.minutes) return null;
  return (
    <div data-testid="minutes-view">
      <div className="minutes-text pre-line">{m.minutes.text}</div>
      <Typography.Title level={5} className="section-title">
        {t("committee.minutes.decisions")}
      </Typography.Title>
      <DecisionTable decisions={m.minutes.decisions} />
    </div>
  );
}

/** 议定事项: what was decided, which unit carries it out and by when, and the 督办事项 it became at sign-off. */
export function DecisionTable({ decisions }: { decisions: readonly Decision[] }) {
  const { t } = useTranslation();
  return (
    <Table<Decision>
      rowKey="id"
      size="small"
      dataSource={[...decisions].sort((a, b) => a.position - b.position)}
      pagination={false}
      scroll={{ x: 640 }}
      locale={{ emptyText: t("committee.minutes.noDecisions") }}
      columns={[
        { key: "position", title: t("committee.minutes.position"), width: 60, render: (_, d) => d.position },
        { key: "text", title: t("committee.minutes.decision"), render: (_, d) => d.text },
        { key: "owner", title: t("committee.minutes.owner"), width: 160, render: (_, d) => d.ownerUnit.name },
        { key: "due", title: t("committee.minutes.dueOn"), width: 120, render: (_, d) => d.dueOn },
        {
          key: "task",
          title: t("committee.minutes.task"),
          width: 120,
          render: (_, d) => (d.taskId ? <Link to={taskUrl(d.taskId)}>{t("committee.minutes.openTask")}</Link> : "—"),
        },
      ]}
    />
  );
}

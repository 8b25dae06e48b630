import { Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Proposal } from "../../api/meetings";
import { minuteOf } from "./meeting-table";
import { useMeetingNames } from "./status-tags";

const PROPOSAL_COLOURS: Record<Proposal["status"], string> = {
  proposed: "processing",
  accepted: "success",
  declined: "default",
};

/** The agenda items proposed: what, for which unit, by whom and when, and whether the office took it (and why not). */
export function ProposalTable({ proposals, testId }: { proposals: readonly Proposal[]; testId?: string }) {
  const { t } = useTranslation();
  const names = useMeetingNames();
  return (
    <div data-testid={testId}>
      <Table<Proposal>
        rowKey="id"
        size="small"
        dataSource={[...proposals]}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          {
            key: "title",
            title: t("committee.proposal.title"),
            render: (_, p) => (
              <Space orientation="vertical" size={2}>
                <Typography.Text strong>{p.title}</Typography.Text>
                <Typography.Text type="secondary" className="pre-line">
                  {p.summary}
                </Typography.Text>
              </Space>
            ),
          },
          { key: "unit", title: t("committee.proposal.unit"), width: 160, render: (_, p) => p.unit.name },
          {
            key: "proposed",
            title: t("committee.proposal.proposed"),
            width: 170,
            render: (_, p) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{p.proposedBy ?? "—"}</Typography.Text>
                <Typography.Text type="secondary" className="nowrap">
                  {minuteOf(p.proposedAt)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "status",
            title: t("committee.proposal.status"),
            width: 200,
            render: (_, p) => (
              <Space orientation="vertical" size={2}>
                <Tag color={PROPOSAL_COLOURS[p.status]}>
                  {p.status === "accepted" && p.position !== null
                    ? t("committee.proposal.position", { name: names.proposal(p.status), position: p.position })
                    : names.proposal(p.status)}
                </Tag>
                {p.declineReason && (
                  <Typography.Text type="secondary" className="pre-line">
                    {p.declineReason}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

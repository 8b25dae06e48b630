import { Descriptions, Empty, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "../../api/meetings";
import { minuteOf } from "./meeting-table";
import { OpenAgendaCallForm } from "./open-agenda-call-form";
import { ProposalTable } from "./proposal-table";
import { ProposeForm } from "./propose-form";

/**
 * 议题征集: the office opens the call with a deadline and a note; members, unit heads and liaisons propose items for
 * their units until the office sets the agenda.
 */
export function AgendaCallPanel({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  return (
    <div data-testid="agenda-call">
      {m.agendaCall ? (
        <Descriptions
          className="panel-block"
          size="small"
          bordered
          column={1}
          items={[
            { key: "deadline", label: t("committee.agendaCall.deadline"), children: minuteOf(m.agendaCall.deadline) },
            {
              key: "note",
              label: t("committee.agendaCall.note"),
              children: <span className="pre-line">{m.agendaCall.note ?? "—"}</span>,
            },
          ]}
        />
      ) : m.abilities.openAgendaCall ? (
        <OpenAgendaCallForm meeting={m} />
      ) : (
        <Typography.Paragraph type="secondary">{t("committee.agendaCall.notOpen")}</Typography.Paragraph>
      )}
      <Typography.Title level={5} className="section-title">
        {t("committee.agendaCall.proposals")}
      </Typography.Title>
      {m.proposals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.agendaCall.noProposals")} />
      ) : (
        <ProposalTable proposals={m.proposals} testId="proposals" />
      )}
      {m.abilities.propose && <ProposeForm meeting={m} />}
    </div>
  );
}

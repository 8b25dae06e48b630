import { Empty, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "../../api/meetings";
import { AgendaEditor } from "./agenda-editor";

/**
 * 议程: the office screens the proposals (列入 in order, or not with the reason) and adds items of its own; everyone
 * else reads the agenda it set.
 */
export function AgendaPanel({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  if (m.abilities.setAgenda) {
    // A new proposal arriving (or a save) starts the editor again from what the server holds.
    return <AgendaEditor key={m.proposals.map((p) => `${p.id}:${p.status}:${p.position ?? ""}`).join()} meeting={m} />;
  }
  const agenda = m.proposals
    .filter((p) => p.status === "accepted")
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const declined = m.proposals.filter((p) => p.status === "declined");
  return (
    <div data-testid="agenda">
      {agenda.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.agenda.notSet")} />
      ) : (
        <List
          className="agenda-list"
          dataSource={agenda}
          renderItem={(p, index) => (
            <List.Item>
              <List.Item.Meta
                avatar={<span className="agenda-number">{index + 1}</span>}
                title={p.title}
                description={p.unit.name}
              />
            </List.Item>
          )}
        />
      )}
      {declined.length > 0 && (
        <>
          <Typography.Title level={5} className="section-title">
            {t("committee.agenda.declined")}
          </Typography.Title>
          <List
            size="small"
            dataSource={declined}
            renderItem={(p) => (
              <List.Item>
                <List.Item.Meta
                  title={`${p.title}（${p.unit.name}）`}
                  description={t("committee.agenda.reasonValue", { reason: p.declineReason ?? "—" })}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}

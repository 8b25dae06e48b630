import { Badge, Card, Steps, Tabs } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { MeetingStatus, MeetingView } from "../../api/meetings";
import { AddendaPanel } from "./addenda-panel";
import { AgendaCallPanel } from "./agenda-call-panel";
import { AgendaPanel } from "./agenda-panel";
import { AttendancePanel } from "./attendance-panel";
import { MaterialsPanel } from "./materials-panel";
import { minuteOf } from "./meeting-table";
import { MinutesPanel } from "./minutes-panel";
import { SignOffPanel } from "./sign-off-panel";

const TABS = ["agendaCall", "agenda", "materials", "attendance", "minutes", "signOff", "addenda"] as const;
export type MeetingTab = (typeof TABS)[number];

/** The stage a status stands at (its step) and the tab that holds the next thing to do. */
const STAGE: Record<MeetingStatus, { step: number; tab: MeetingTab }> = {
  draft: { step: 0, tab: "agendaCall" },
  agendaCall: { step: 0, tab: "agendaCall" },
  agendaSet: { step: 2, tab: "materials" },
  held: { step: 3, tab: "minutes" },
  minutesDrafted: { step: 4, tab: "signOff" },
  signed: { step: 4, tab: "signOff" },
  cancelled: { step: 0, tab: "agendaCall" },
};

function isTab(value: string | null): value is MeetingTab {
  return TABS.includes(value as MeetingTab);
}

/**
 * The meeting's way from 议题征集 to 审定签发 as steps, and one tab per stage. The tab in the address (`?tab=`) wins;
 * otherwise the one where the meeting's next step happens opens.
 */
export function MeetingFlow({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get("tab");
  const active: MeetingTab = isTab(asked) ? asked : STAGE[m.status].tab;
  const signed = m.status === "signed";
  const cancelled = m.status === "cancelled";
  const accepted = m.proposals.filter((p) => p.status === "accepted").length;

  const tab = (key: MeetingTab, panel: ReactNode, count?: number) => ({
    key,
    label: (
      <span data-testid={`meeting-tab-${key}`}>
        {t(`committee.tabs.${key}`)}
        {count !== undefined && count > 0 && <Badge className="tab-count" count={count} color="#8c8c8c" />}
      </span>
    ),
    children: panel,
  });

  return (
    <Card className="stack-card">
      <Steps
        className="meeting-steps"
        size="small"
        current={cancelled ? (accepted > 0 ? 1 : 0) : STAGE[m.status].step}
        status={cancelled ? "error" : signed ? "finish" : "process"}
        items={[
          {
            title: t("committee.steps.agendaCall"),
            content: m.agendaCall ? t("committee.steps.deadline", { at: minuteOf(m.agendaCall.deadline) }) : undefined,
          },
          {
            title: t("committee.steps.agenda"),
            content: accepted > 0 ? t("committee.steps.items", { count: accepted }) : undefined,
          },
          { title: t("committee.steps.held"), content: m.heldAt ? minuteOf(m.heldAt) : undefined },
          { title: t("committee.steps.minutes") },
          { title: t("committee.steps.signOff"), content: m.signer?.person.name },
        ]}
      />
      <Tabs
        className="meeting-tabs"
        activeKey={active}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set("tab", key);
          setParams(next, { replace: true });
        }}
        items={[
          tab("agendaCall", <AgendaCallPanel meeting={m} />, m.proposals.length),
          tab("agenda", <AgendaPanel meeting={m} />),
          tab("materials", <MaterialsPanel meeting={m} />, m.materials.length),
          tab("attendance", <AttendancePanel meeting={m} />),
          tab("minutes", <MinutesPanel meeting={m} />),
          tab("signOff", <SignOffPanel meeting={m} />),
          ...(signed || m.addenda.length > 0 ? [tab("addenda", <AddendaPanel meeting={m} />, m.addenda.length)] : []),
        ]}
      />
    </Card>
  );
}

import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Empty, Input, List, Radio, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type MeetingView, type Proposal, useSetAgenda } from "../../api/meetings";
import { type OwnItem, OwnItemForm } from "./own-item-form";

/** An item on the agenda being edited: an accepted proposal, or one of the office's own. */
type AgendaItem = { key: string; title: string; unitName: string } & ({ proposalId: string } | { own: OwnItem });

type Choice = "accept" | "decline";

function initialItems(proposals: readonly Proposal[]): AgendaItem[] {
  return proposals
    .filter((p) => p.status === "accepted")
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((p) => ({ key: p.id, proposalId: p.id, title: p.title, unitName: p.unit.name }));
}

/** The office settles the agenda: each proposal taken (in the order set here) or not (with the reason), own items. */
export function AgendaEditor({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetAgenda(m.id);
  const [items, setItems] = useState<AgendaItem[]>(() => initialItems(m.proposals));
  const [reasons, setReasons] = useState<Record<string, string>>(() =>
    Object.fromEntries(m.proposals.filter((p) => p.status === "declined").map((p) => [p.id, p.declineReason ?? ""])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const accepted = new Set(items.flatMap((i) => ("proposalId" in i ? [i.proposalId] : [])));
  const choiceOf = (p: Proposal): Choice | undefined =>
    accepted.has(p.id) ? "accept" : p.id in reasons ? "decline" : undefined;
  const undecided = m.proposals.filter((p) => choiceOf(p) === undefined).length;

  const choose = (p: Proposal, choice: Choice) => {
    setProblem(null);
    if (choice === "accept") {
      setReasons(({ [p.id]: _, ...rest }) => rest);
      if (!accepted.has(p.id)) {
        setItems((old) => [...old, { key: p.id, proposalId: p.id, title: p.title, unitName: p.unit.name }]);
      }
    } else {
      setItems((old) => old.filter((i) => !("proposalId" in i) || i.proposalId !== p.id));
      setReasons((old) => ({ ...old, [p.id]: old[p.id] ?? "" }));
    }
  };
  const move = (index: number, by: -1 | 1) =>
    setItems((old) => {
      const next = [...old];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  const remove = (key: string) => setItems((old) => old.filter((i) => i.key !== key));

  const submit = async () => {
    const declined = Object.entries(reasons).map(([proposalId, reason]) => ({ proposalId, reason: reason.trim() }));
    if (declined.some((d) => d.reason.length < 2)) {
      setProblem(t("committee.agenda.reasonRequired"));
      return;
    }
    if (items.length === 0) {
      setProblem(t("committee.agenda.empty"));
      return;
    }
    setProblem(null);
    try {
      await save.mutateAsync({
        items: items.map((i) => ("proposalId" in i ? { proposalId: i.proposalId } : i.own)),
        declined,
      });
      void message.success(t("committee.agenda.saved"));
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  };

  return (
    <div data-testid="agenda-editor">
      <Typography.Paragraph type="secondary">{t("committee.agenda.intro")}</Typography.Paragraph>
      <Typography.Title level={5} className="section-title">
        {t("committee.agenda.screening")}
      </Typography.Title>
      {m.proposals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.agendaCall.noProposals")} />
      ) : (
        <Table<Proposal>
          rowKey="id"
          size="small"
          dataSource={m.proposals}
          pagination={false}
          scroll={{ x: 760 }}
          data-testid="screening"
          columns={[
            {
              key: "title",
              title: t("committee.proposal.title"),
              render: (_, p) => (
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong>{p.title}</Typography.Text>
                  <Typography.Text type="secondary">{`${p.unit.name} · ${p.proposedBy ?? "—"}`}</Typography.Text>
                </Space>
              ),
            },
            {
              key: "choice",
              title: t("committee.agenda.choice"),
              width: 320,
              render: (_, p) => (
                <Space orientation="vertical" size={4} className="full-width">
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    size="small"
                    value={choiceOf(p)}
                    onChange={(event) => choose(p, event.target.value as Choice)}
                    options={[
                      { value: "accept", label: t("committee.agenda.accept") },
                      { value: "decline", label: t("committee.agenda.decline") },
                    ]}
                  />
                  {choiceOf(p) === "decline" && (
                    <Input
                      size="small"
                      maxLength={500}
                      aria-label={t("committee.agenda.reason")}
                      placeholder={t("committee.agenda.reasonPlaceholder")}
                      value={reasons[p.id]}
                      onChange={(event) => setReasons((old) => ({ ...old, [p.id]: event.target.value }))}
                    />
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Typography.Title level={5} className="section-title">
        {t("committee.agenda.order")}
      </Typography.Title>
      <List
        className="agenda-list"
        bordered
        dataSource={items}
        locale={{ emptyText: t("committee.agenda.orderEmpty") }}
        renderItem={(item, index) => (
          <List.Item
            actions={[
              <Button
                key="up"
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                aria-label={t("committee.agenda.up")}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              />,
              <Button
                key="down"
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label={t("committee.agenda.down")}
                disabled={index === items.length - 1}
                onClick={() => move(index, 1)}
              />,
              ...("own" in item
                ? [
                    <Button
                      key="remove"
                      size="small"
                      type="text"
                      icon={<CloseOutlined />}
                      aria-label={t("committee.agenda.remove")}
                      onClick={() => remove(item.key)}
                    />,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              avatar={<span className="agenda-number">{index + 1}</span>}
              title={item.title}
              description={
                <Space size={4}>
                  {item.unitName}
                  {"own" in item && <Tag>{t("committee.agenda.ownTag")}</Tag>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <OwnItemForm
        onAdd={(own, unitName) =>
          setItems((old) => [...old, { key: `own-${Date.now()}-${old.length}`, title: own.title, unitName, own }])
        }
      />
      {undecided > 0 && (
        <Alert
          className="form-error"
          type="info"
          showIcon
          title={t("committee.agenda.undecided", { count: undecided })}
        />
      )}
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit()}>
        {t("committee.agenda.save")}
      </Button>
    </div>
  );
}

import { SaveOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Popconfirm, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { errorMessage } from "../../api/error-message";
import { type SelfCheckView, useSaveAnswers, useSelfCheck, useSubmitSelfCheck } from "../../api/self-checks";
import { usePageTitle } from "../../components/page-title";
import { FindingsTable } from "../inspections/findings-table";
import { ItemAnswer, type ItemAnswerValue } from "../inspections/item-answer";
import { DischargesCard } from "../obligations/discharges-card";
import { ConfirmPanel } from "./confirm-panel";
import { SelfCheckStatusTag } from "./self-check-table";
import "../inspections/inspections.css";
import "./self-checks.css";

/**
 * One self-check (个人保密自查表), phone first: the person answers the frozen form one item per card (a 不符合 says
 * what is wrong), saves the draft and submits it; their superior confirms it or returns it with the reason. Once
 * confirmed, the findings it raised and the obligation it fulfilled are listed under it.
 */
export function SelfCheckPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const selfCheck = useSelfCheck(id);
  if (selfCheck.isPending) return <Skeleton active />;
  if (selfCheck.isError) return <Alert type="error" showIcon title={errorMessage(selfCheck.error, t)} />;
  return <SelfCheckForm key={`${selfCheck.data.id}-${selfCheck.data.status}`} view={selfCheck.data} />;
}

function SelfCheckForm({ view }: { view: SelfCheckView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(`${view.period} · ${t("selfChecks.title")}`);
  const [answers, setAnswers] = useState<Record<string, ItemAnswerValue>>(() =>
    Object.fromEntries(view.answers.map((a) => [a.itemId, { outcome: a.outcome, note: a.note ?? undefined }])),
  );
  const save = useSaveAnswers(view.id);
  const submit = useSubmitSelfCheck(view.id);
  const editable = view.abilities.answer;
  const set = (itemId: string, change: ItemAnswerValue) =>
    setAnswers((a) => ({ ...a, [itemId]: { ...a[itemId], ...change } }));
  const answered = Object.values(answers).filter((a) => a.outcome).length;
  const failing = view.template.sections
    .flatMap((s) => s.items)
    .find((i) => answers[i.id]?.outcome === "fail" && !answers[i.id]?.note?.trim());

  const saveDraft = (then?: () => void) => {
    if (failing) return void message.warning(t("selfChecks.form.needNote", { item: failing.text.zh }));
    save.mutate(
      {
        answers: Object.entries(answers).flatMap(([itemId, a]) =>
          a.outcome ? [{ itemId, outcome: a.outcome, note: a.note ?? "" }] : [],
        ),
      },
      {
        onSuccess: () => (then ? then() : void message.success(t("selfChecks.form.saved"))),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };
  const send = () =>
    saveDraft(() =>
      submit.mutate(
        {},
        {
          onSuccess: () => void message.success(t("selfChecks.form.submitted")),
          onError: (error) => void message.error(errorMessage(error, t)),
        },
      ),
    );

  return (
    <div data-testid="self-check" className="check-form">
      <div className="check-head">
        <Typography.Title level={3} className="page-title">
          {view.template.title.zh}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="check-sub">
          {view.person.name} · {view.unit.name} · {view.period}
          {view.dueOn ? ` · ${t("selfChecks.owed.due", { date: view.dueOn })}` : ""}
        </Typography.Paragraph>
        <Space wrap>
          <SelfCheckStatusTag status={view.status} />
          <Tag>{t("selfChecks.progress", { answered, total: view.itemCount })}</Tag>
          {view.failed > 0 && <Tag color="red">{t("selfChecks.failedCount", { count: view.failed })}</Tag>}
        </Space>
      </div>
      {view.returnReason && view.status === "draft" && (
        <Alert
          className="panel-block"
          type="warning"
          showIcon
          title={t("selfChecks.form.returned", { reason: view.returnReason })}
        />
      )}
      {view.status === "submitted" && !view.abilities.confirm && (
        <Alert
          className="panel-block"
          type="info"
          showIcon
          title={
            view.confirmers.length
              ? t("selfChecks.form.waiting", { names: view.confirmers.map((c) => c.name).join("、") })
              : t("selfChecks.form.noConfirmer")
          }
        />
      )}
      {view.template.sections.map((section) => (
        <section key={section.id} className="check-section">
          <Typography.Title level={5}>{section.title.zh}</Typography.Title>
          {section.items.map((item) => {
            const answer = answers[item.id] ?? {};
            return (
              <Card key={item.id} className="check-item" data-testid={`self-check-item-${item.id}`} size="small">
                <ItemAnswer
                  item={item}
                  citation={view.citations[item.article] ?? item.article}
                  answer={answer}
                  editable={editable}
                  onChange={(change) => set(item.id, change)}
                  notePlaceholder={
                    answer.outcome === "fail" ? t("selfChecks.form.failNote") : t("selfChecks.form.note")
                  }
                  noteRequired={answer.outcome === "fail"}
                />
              </Card>
            );
          })}
        </section>
      ))}
      {view.abilities.confirm && <ConfirmPanel view={view} />}
      {view.status === "confirmed" && (
        <Card title={t("selfChecks.findings.title")} className="panel-block" data-testid="self-check-findings">
          <FindingsTable items={view.findings} compact empty={t("selfChecks.findings.empty")} />
        </Card>
      )}
      <DischargesCard
        obligations={view.obligations}
        title={t("selfChecks.discharges.title")}
        testId="self-check-discharges"
        pending={view.status === "confirmed" ? undefined : t("selfChecks.discharges.whenConfirmed")}
      />
      {editable && (
        <div className="check-actions">
          <Button size="large" icon={<SaveOutlined />} loading={save.isPending} onClick={() => saveDraft()}>
            {t("selfChecks.form.saveDraft")}
          </Button>
          {view.abilities.submit && (
            <Popconfirm title={t("selfChecks.form.submitConfirm")} onConfirm={send}>
              <Button size="large" type="primary" icon={<SendOutlined />} loading={submit.isPending}>
                {t("selfChecks.form.submit")}
              </Button>
            </Popconfirm>
          )}
        </div>
      )}
    </div>
  );
}

import { SaveOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Form, Modal, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import {
  type AnswerInput,
  type SelfAssessmentView,
  useSaveAnswers,
  useSubmitSelfAssessment,
} from "../../api/self-assessments";
import { localized, todayInBeijing } from "../../components/format";
import { issuesOf } from "../committee/supervision/issues";
import { AnswerItem, isAnswered, isProblem } from "./answer-item";

/** The item a server field names (`answers.org.agenda.note` → org.agenda): item ids hold dots, so the longest wins. */
function itemOf(field: string, ids: readonly string[]): string | undefined {
  const f = field.replace(/^body\./, "");
  return [...ids]
    .sort((a, b) => b.length - a.length)
    .find((id) => f === `answers.${id}` || f.startsWith(`answers.${id}.`));
}

/**
 * The self-assessment filled section by section (a tablet or a phone on site: one item per block, large controls).
 * The draft is saved item by item — only what changed is sent; submitting saves first, then asks for the findings'
 * deadline and submits. The server's refusals show under the item they name.
 */
export function AnswerForm({ view }: { view: SelfAssessmentView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [answers, setAnswers] = useState<Record<string, AnswerInput>>(() => ({ ...view.answers }));
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const save = useSaveAnswers(view.id);
  const submit = useSubmitSelfAssessment(view.id);
  const items = useMemo(() => view.rubric.sections.flatMap((s) => s.items), [view.rubric]);
  const ids = useMemo(() => items.map((i) => i.id), [items]);
  const open = items.filter((item) => !isAnswered(item, answers[item.id])).length;
  const problems = items.filter((item) => isProblem(item, answers[item.id])).length;

  const onChange = useCallback((id: string, answer: AnswerInput) => {
    setAnswers((all) => ({ ...all, [id]: answer }));
    setChanged((all) => new Set(all).add(id));
    setErrors(({ [id]: _gone, ...rest }) => rest);
  }, []);

  /** Shows a refusal under the items it names, or above the form. */
  const refused = (error: unknown) => {
    const placed: Record<string, string> = {};
    for (const issue of issuesOf(error)) {
      const id = itemOf(issue.field, ids);
      if (id && !placed[id]) placed[id] = issue.message;
    }
    setErrors(placed);
    const first = Object.keys(placed)[0];
    if (first)
      document
        .querySelector(`[data-testid="sa-item-${first}"]`)
        ?.scrollIntoView({ block: "center", behavior: "smooth" });
    else setProblem(errorMessage(error, t));
  };

  /** Sends what changed since the last save; true when there was nothing to send or it was saved. */
  const saveChanged = async (): Promise<boolean> => {
    setProblem(null);
    if (changed.size === 0) return true;
    // An item cleared in the form is sent as {} (the server then forgets its answer).
    const body = Object.fromEntries([...changed].map((id) => [id, answers[id] ?? {}]));
    try {
      await save.mutateAsync(body);
      setChanged(new Set());
      return true;
    } catch (error) {
      refused(error);
      return false;
    }
  };

  const doSubmit = async () => {
    try {
      await submit.mutateAsync(deadline ? { deadline: deadline.format("YYYY-MM-DD") } : {});
      setConfirming(false);
      void message.success(t("selfAssessments.form.submitted"));
    } catch (error) {
      setConfirming(false);
      refused(error);
    }
  };

  return (
    <div className="sa-form" data-testid="sa-form">
      <Typography.Paragraph type="secondary">{t("selfAssessments.form.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} data-testid="problem" />}
      {view.rubric.sections.map((section) => {
        const kind = section.items[0]?.kind ?? "points";
        const points = section.items.reduce((sum, item) => sum + item.points, 0);
        return (
          <section key={section.id} className="sa-section" data-testid={`sa-section-${section.id}`}>
            <Typography.Title level={5} className="sa-section-title">
              {localized(section.title, i18n.language)}
              <Typography.Text type="secondary" className="sa-section-points">
                {kind === "veto"
                  ? t("selfAssessments.form.vetoSection")
                  : kind === "deduction"
                    ? t("selfAssessments.form.deductionSection", { points })
                    : t("selfAssessments.form.pointsSection", { points })}
              </Typography.Text>
            </Typography.Title>
            {section.items.map((item) => (
              <AnswerItem
                key={item.id}
                item={item}
                citations={view.citations}
                answer={answers[item.id]}
                error={errors[item.id]}
                onChange={onChange}
              />
            ))}
          </section>
        );
      })}
      <div className="sa-actions">
        <Space size={12} wrap>
          <Button
            icon={<SaveOutlined />}
            size="large"
            loading={save.isPending}
            onClick={() => void saveChanged().then((ok) => ok && void message.success(t("selfAssessments.form.saved")))}
          >
            {t("selfAssessments.form.save")}
          </Button>
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined />}
            disabled={save.isPending}
            onClick={() => void saveChanged().then((ok) => ok && setConfirming(true))}
          >
            {t("selfAssessments.form.submit")}
          </Button>
          <Typography.Text type={open > 0 ? "warning" : "secondary"} data-testid="sa-open">
            {open > 0 ? t("selfAssessments.form.open", { count: open }) : t("selfAssessments.form.allAnswered")}
          </Typography.Text>
        </Space>
      </div>
      <Modal
        open={confirming}
        title={t("selfAssessments.form.submitTitle")}
        okText={t("selfAssessments.form.submit")}
        confirmLoading={submit.isPending}
        onOk={() => void doSubmit()}
        onCancel={() => setConfirming(false)}
      >
        <Typography.Paragraph>{t("selfAssessments.form.submitConfirm")}</Typography.Paragraph>
        {problems > 0 && (
          <>
            <Typography.Paragraph>{t("selfAssessments.form.submitFindings", { count: problems })}</Typography.Paragraph>
            <Form layout="vertical">
              <Form.Item label={t("selfAssessments.form.deadline")} extra={t("selfAssessments.form.deadlineHint")}>
                <DatePicker
                  value={deadline}
                  onChange={setDeadline}
                  disabledDate={(day) => day.format("YYYY-MM-DD") < todayInBeijing()}
                  style={{ width: "100%" }}
                />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </div>
  );
}

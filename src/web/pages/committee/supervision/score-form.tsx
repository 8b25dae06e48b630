import { SaveOutlined } from "@ant-design/icons";
import { App, Button, Form, Space, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  type Answer,
  type NamedUnit,
  type Rubric,
  type RubricItem,
  type ScoreView,
  useScoreUnit,
} from "../../../api/supervision";
import { localized } from "../../../components/format";
import type { FieldPath } from "./issues";
import { ProblemAlert } from "./problem-alert";
import { OpenCount } from "./open-count";
import { ScoreItem } from "./score-item";
import { useStepSubmit } from "./use-step-submit";

interface AnswerFields {
  score?: number | null;
  excluded?: boolean;
  vetoed?: boolean;
  note?: string;
}

interface ScoreFormValues {
  answers: Record<string, AnswerFields>;
}

/** A unit's saved answers as the form holds them; a veto item not yet answered starts as "no". */
function initialAnswers(items: readonly RubricItem[], saved: ScoreView | undefined): ScoreFormValues {
  const answers: Record<string, AnswerFields> = {};
  for (const item of items) {
    const raw = saved?.answers[item.id];
    const a = typeof raw === "object" && raw !== null ? (raw as Answer) : {};
    answers[item.id] = {
      score: a.score ?? null,
      excluded: a.excluded === true,
      vetoed: item.kind === "veto" ? a.vetoed === true : false,
      note: a.note ?? "",
    };
  }
  return { answers };
}

/** The request's answers: every item, as the rubric asks it to be answered. */
function answersOf(items: readonly RubricItem[], values: ScoreFormValues): Record<string, Answer> {
  return Object.fromEntries(
    items.map((item): [string, Answer] => {
      const v = values.answers?.[item.id] ?? {};
      const note = v.note?.trim() ? { note: v.note.trim() } : {};
      if (item.kind === "veto") return [item.id, { vetoed: v.vetoed === true, ...note }];
      if (v.excluded) return [item.id, { excluded: true, ...note }];
      return [item.id, { ...(typeof v.score === "number" ? { score: v.score } : {}), ...note }];
    }),
  );
}

/**
 * Scores one unit on the year's rubric, section by section. Every item must be answered; the server's refusals name
 * the item (`answers.<itemId>.score`) and show under it.
 */
export function ScoreForm({
  year,
  rubric,
  unit,
  saved,
  onSaved,
}: {
  year: number;
  rubric: Rubric;
  unit: NamedUnit;
  saved: ScoreView | undefined;
  /** Keeps the unit picked once saved (the form then starts again from the saved answers). */
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScoreFormValues>();
  const scoreUnit = useScoreUnit(year);
  const items = useMemo(() => rubric.sections.flatMap((s) => s.items), [rubric]);

  // Item ids hold dots (`org.agenda`): the longest id the field starts with is the item it names.
  const nameOf = (field: string): FieldPath | null => {
    const f = field.replace(/^body\./, "");
    const item = [...items]
      .sort((a, b) => b.id.length - a.id.length)
      .find((i) => f === `answers.${i.id}` || f.startsWith(`answers.${i.id}.`));
    if (!item) return null;
    return ["answers", item.id, item.kind === "veto" ? "vetoed" : "score"];
  };

  const { submit, problem, stale } = useStepSubmit<ScoreFormValues>(
    form,
    async (values) => {
      const view = await scoreUnit.mutateAsync({ unitId: unit.id, answers: answersOf(items, values) });
      onSaved();
      const result = view.assessment?.scores.find((s) => s.unit.id === unit.id);
      const band = rubric.bands.find((b) => b.key === result?.band);
      void message.success(
        t("committee.supervision.score.saved", {
          unit: unit.name,
          percent: result?.percent === null || result?.percent === undefined ? "—" : result.percent.toFixed(1),
          band: band ? localized(band, i18n.language) : (result?.bandName ?? "—"),
        }),
      );
    },
    nameOf,
  );

  return (
    <div data-testid="score-form">
      <ProblemAlert problem={problem} stale={stale} />
      <Form<ScoreFormValues>
        form={form}
        name="score"
        requiredMark={false}
        initialValues={initialAnswers(items, saved)}
        scrollToFirstError={{ block: "center" }}
      >
        {rubric.sections.map((section) => {
          const points = section.items.reduce((sum, item) => sum + item.points, 0);
          const kind = section.items[0]?.kind ?? "points";
          return (
            <section key={section.id} className="score-section" data-testid={`score-section-${section.id}`}>
              <Typography.Title level={5} className="score-section-title">
                {localized(section.title, i18n.language)}
                <Typography.Text type="secondary" className="score-section-points">
                  {kind === "veto"
                    ? t("committee.supervision.score.sectionVeto")
                    : kind === "deduction"
                      ? t("committee.supervision.score.sectionDeduction", { points })
                      : t("committee.supervision.points", { count: points })}
                </Typography.Text>
              </Typography.Title>
              {section.items.map((item) => (
                <ScoreItem key={item.id} item={item} />
              ))}
            </section>
          );
        })}
        <Space className="score-actions" size={16} wrap>
          <Button type="primary" icon={<SaveOutlined />} loading={scoreUnit.isPending} onClick={submit}>
            {t("committee.supervision.score.submit", { unit: unit.name })}
          </Button>
          <OpenCount items={items} />
        </Space>
      </Form>
    </div>
  );
}

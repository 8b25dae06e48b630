import { App, Col, Descriptions, Form, type FormInstance, Input, InputNumber, Row, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type RubricVersionView, useSaveRubric } from "../../api/rubrics";
import {
  BilingualInputs,
  EditorDrawer,
  FULL_WIDTH,
  type Issue,
  issuesOf,
  placeIssues,
  ProblemAlert,
} from "./editor-parts";
import { RubricBandsEditor } from "./rubric-bands-editor";
import { draftFrom, draftOf, type EditorValues, fieldPath } from "./rubric-draft";
import { RubricPointsSum } from "./rubric-points-sum";
import { RubricSectionsEditor } from "./rubric-section-editor";

/**
 * The secrecy office's rubric editor (实施细则第十二条第（二）项、第十三条第（六）项): the rubric's name and total, the
 * bands a percentage falls into, and sections of items — points, deductions and vetoes — each with how it is scored
 * and what it rests on. The rubric's code and article are fixed. Saving makes the next version; the server's checks
 * come back under the fields they name, and any it cannot be shown under in the alert above the form.
 */
export function RubricEditor({
  version,
  institutionId,
  onClose,
}: {
  version: RubricVersionView;
  institutionId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  const save = useSaveRubric();
  const [problem, setProblem] = useState<{ title: string; unplaced: Issue[] } | null>(null);
  const [initial] = useState<EditorValues>(() => draftOf(version));

  const submit = async () => {
    try {
      await form.validateFields();
    } catch (invalid) {
      // antd shows each field's message; the first may be far down a long rubric.
      const first = (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: "center" });
      return;
    }
    // Everything the form holds, fields not shown included: a revision keeps the English texts it was opened with.
    const { note, ...values } = form.getFieldsValue(true) as EditorValues;
    const trimmedNote = note?.trim();
    setProblem(null);
    save.mutate(
      {
        rubric: draftFrom(values),
        ...(trimmedNote ? { note: trimmedNote } : {}),
        ...(institutionId ? { institutionId } : {}),
      },
      {
        onSuccess: (saved) => {
          void message.success(t("inspections.rubrics.saved", { version: saved.version }));
          onClose();
        },
        onError: (error) => {
          const issues = issuesOf(error);
          // Paths come from the server; the form's typed paths cannot describe them, hence the plain instance.
          const placed = placeIssues(form as FormInstance, issues, fieldPath);
          const first = placed[0];
          if (first) (form as FormInstance).scrollToField(first, { block: "center" });
          setProblem({
            // What the server said names one field in its own terms; once each issue shows under its field, the
            // alert only says how many there are (and lists those the form has no field for).
            title:
              placed.length > 0 ? t("inspections.rubrics.fixBelow", { count: placed.length }) : errorMessage(error, t),
            unplaced: issues.filter((issue) => fieldPath(issue.field) === null),
          });
        },
      },
    );
  };

  return (
    <EditorDrawer
      title={`${t("inspections.rubrics.revise")} · ${version.title.zh}`}
      size={880}
      className="rubric-editor"
      cancelLabel={t("inspections.rubrics.cancel")}
      saveLabel={t("inspections.rubrics.saveVersion")}
      saving={save.isPending}
      onSave={() => void submit()}
      onClose={onClose}
    >
      {problem && <ProblemAlert testId="rubric-editor-problem" title={problem.title} unplaced={problem.unplaced} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} className="panel-block">
        <Descriptions.Item label={t("inspections.rubrics.id")}>{version.id}</Descriptions.Item>
        <Descriptions.Item label={t("inspections.rubrics.editing")}>
          {t("inspections.rubrics.versionN", { n: version.version })} ·{" "}
          {t(`inspections.rubrics.origins.${version.origin}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t("inspections.rubrics.article")}>
          {version.article} <Typography.Text type="secondary">{t("inspections.rubrics.articleFixed")}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("inspections.rubrics.usedFor")}>{version.usedFor}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" name="rubric-editor" initialValues={initial}>
        <Row gutter={12}>
          <BilingualInputs
            name={["title"]}
            zhLabel={t("inspections.rubrics.titleZh")}
            enLabel={t("inspections.rubrics.titleEn")}
            required
          />
          <Col xs={24} sm={12}>
            <Form.Item
              name="total"
              label={t("inspections.rubrics.totalLabel")}
              extra={t("inspections.rubrics.totalHelp")}
            >
              <InputNumber min={0.5} max={100000} step={1} style={FULL_WIDTH} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t("inspections.rubrics.sumLabel")}>
              <RubricPointsSum />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t("inspections.rubrics.note")} extra={t("inspections.rubrics.noteHelp")}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
        <RubricBandsEditor />
        <RubricSectionsEditor />
      </Form>
    </EditorDrawer>
  );
}

import { App, Card, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TEMPLATE_ITEM_KINDS, TEMPLATE_SUBJECTS } from "../../../domain/inspection";
import { errorMessage } from "../../api/error-message";
import { type TemplateDraft, type TemplateVersion, useSaveTemplate } from "../../api/inspection-templates";
import {
  AddButton,
  BilingualInputs,
  EditorDrawer,
  issuesOf,
  pathOf,
  placeIssues,
  ProblemAlert,
  RemoveButton,
} from "./editor-parts";

type Editing = { draft: TemplateDraft; existing: boolean };

/** What the editor opens with: a saved version (to revise) or a blank checklist of one section and one item. */
export function draftOf(version: TemplateVersion | null): Editing {
  if (!version)
    return {
      existing: false,
      draft: {
        id: "",
        title: { zh: "" },
        subject: "unit",
        article: "art13.6",
        sections: [
          { id: "s1", title: { zh: "" }, items: [{ id: "s1.1", kind: "check", article: "art6.3", text: { zh: "" } }] },
        ],
      },
    };
  const { id, title, subject, article, sections } = version;
  return { existing: true, draft: { id, title, subject, article, sections } };
}

/** `body.template.sections.0.items.1.id` → ["sections", 0, "items", 1, "id"], the form field it names; null elsewhere. */
function fieldPath(field: string): (string | number)[] | null {
  return field.startsWith("body.template.") ? pathOf(field.replace(/^body\.template\./, "")) : null;
}

/**
 * The secrecy office's checklist editor (实施细则第十三条第（六）项): sections of items, each answered as 符合/不符合, scored
 * or a veto, naming the article it checks. Saving makes the next version; plans already made keep theirs. The
 * server's checks come back under the fields they name.
 */
export function TemplateEditor({
  editing,
  institutionId,
  onClose,
}: {
  editing: Editing;
  institutionId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateDraft & { note?: string }>();
  const save = useSaveTemplate();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    await form.validateFields();
    // Everything the form holds, fields not shown included: a revision keeps the English texts it was opened with.
    const { note, ...template } = form.getFieldsValue(true) as TemplateDraft & { note?: string };
    setProblem(null);
    save.mutate(
      { template, ...(note ? { note } : {}), ...(institutionId ? { institutionId } : {}) },
      {
        onSuccess: (saved) => {
          void message.success(t("inspections.templates.saved", { version: saved.version }));
          onClose();
        },
        onError: (error) => {
          // Paths come from the server; the form's typed paths cannot describe them, hence the plain instance.
          placeIssues(form as FormInstance, issuesOf(error), fieldPath);
          setProblem(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <EditorDrawer
      title={editing.existing ? t("inspections.templates.revise") : t("inspections.templates.create")}
      size="large"
      className="template-editor"
      cancelLabel={t("inspections.templates.cancel")}
      saveLabel={t("inspections.templates.saveVersion")}
      saving={save.isPending}
      onSave={() => void submit()}
      onClose={onClose}
    >
      {problem && <ProblemAlert title={problem} />}
      <Form form={form} layout="vertical" name="template-editor" initialValues={editing.draft}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="id"
              label={t("inspections.templates.id")}
              extra={t("inspections.templates.idHelp")}
              rules={[
                { required: true, pattern: /^[a-z0-9][a-z0-9-]{2,60}$/, message: t("inspections.templates.idRule") },
              ]}
            >
              <Input disabled={editing.existing} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="subject" label={t("inspections.templates.subject")}>
              <Select
                disabled={editing.existing}
                options={TEMPLATE_SUBJECTS.map((s) => ({ value: s, label: t(`inspections.templates.subjects.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <BilingualInputs
            name={["title"]}
            zhLabel={t("inspections.templates.titleZh")}
            enLabel={t("inspections.templates.titleEn")}
            required
          />
          <Col xs={24} sm={12}>
            <Form.Item
              name="article"
              label={t("inspections.templates.article")}
              extra={t("inspections.templates.articleHelp")}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="note" label={t("inspections.templates.note")}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="sections">
          {(sections, { add, remove }) => (
            <>
              {sections.map((section, s) => (
                <Card
                  key={section.key}
                  size="small"
                  className="panel-block"
                  title={t("inspections.templates.section", { n: s + 1 })}
                  extra={
                    sections.length > 1 && (
                      <RemoveButton
                        label={t("inspections.templates.removeSection")}
                        onClick={() => remove(section.name)}
                      />
                    )
                  }
                >
                  <Row gutter={12}>
                    <Col xs={8} sm={6}>
                      <Form.Item
                        name={[section.name, "id"]}
                        label={t("inspections.templates.sectionId")}
                        rules={[{ required: true }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={16} sm={18}>
                      <Form.Item
                        name={[section.name, "title", "zh"]}
                        label={t("inspections.templates.sectionTitle")}
                        rules={[{ required: true }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                  </Row>
                  <ItemList sectionName={section.name} />
                </Card>
              ))}
              <AddButton
                onClick={() => {
                  const id = `s${sections.length + 1}`;
                  add({
                    id,
                    title: { zh: "" },
                    items: [{ id: `${id}.1`, kind: "check", article: "art6.3", text: { zh: "" } }],
                  });
                }}
              >
                {t("inspections.templates.addSection")}
              </AddButton>
            </>
          )}
        </Form.List>
      </Form>
    </EditorDrawer>
  );
}

/** The items of one section: text, how it is answered, points, whether 不适用 is allowed, the article it checks. */
function ItemList({ sectionName }: { sectionName: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TemplateDraft>();
  return (
    <Form.List name={[sectionName, "items"]}>
      {(items, { add, remove }) => (
        <>
          {items.map((item) => (
            <div key={item.key} className="template-item">
              <Row gutter={8} align="top">
                <Col xs={24} md={4}>
                  <Form.Item
                    name={[item.name, "id"]}
                    label={t("inspections.templates.itemId")}
                    rules={[{ required: true }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={20}>
                  <Form.Item
                    name={[item.name, "text", "zh"]}
                    label={t("inspections.templates.itemText")}
                    rules={[{ required: true }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[item.name, "kind"]} label={t("inspections.templates.kind")}>
                    <Select
                      options={TEMPLATE_ITEM_KINDS.map((k) => ({
                        value: k,
                        label: t(`inspections.templates.kinds.${k}`),
                      }))}
                      onChange={(kind) => {
                        // Only points items score: switching away clears the points the server would refuse.
                        if (kind !== "points")
                          form.setFieldValue(["sections", sectionName, "items", item.name, "points"], 0);
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item noStyle dependencies={[["sections", sectionName, "items", item.name, "kind"]]}>
                    {() => (
                      <Form.Item name={[item.name, "points"]} label={t("inspections.templates.points")}>
                        <InputNumber
                          min={0}
                          max={1000}
                          step={0.5}
                          disabled={
                            form.getFieldValue(["sections", sectionName, "items", item.name, "kind"]) !== "points"
                          }
                        />
                      </Form.Item>
                    )}
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item
                    name={[item.name, "article"]}
                    label={t("inspections.templates.article")}
                    rules={[{ required: true }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={8} md={5}>
                  <Form.Item
                    name={[item.name, "canExclude"]}
                    label={t("inspections.templates.canExclude")}
                    valuePropName="checked"
                    initialValue
                  >
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={4} md={5} className="template-item-remove">
                  {items.length > 1 && (
                    <RemoveButton label={t("inspections.templates.removeItem")} onClick={() => remove(item.name)} />
                  )}
                </Col>
              </Row>
            </div>
          ))}
          <AddButton
            bar
            onClick={() => {
              const sectionId = String(form.getFieldValue(["sections", sectionName, "id"]) ?? "s");
              add({ id: `${sectionId}.${items.length + 1}`, kind: "check", article: "art6.3", text: { zh: "" } });
            }}
          >
            {t("inspections.templates.addItem")}
          </AddButton>
        </>
      )}
    </Form.List>
  );
}

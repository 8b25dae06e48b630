import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Drawer,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RUBRIC_ITEM_KINDS, type RubricItemKind } from "../../../domain/rubric";
import { ApiError } from "../../api/api-error";
import { errorMessage } from "../../api/error-message";
import {
  type DraftText,
  type RubricDraft,
  type RubricDraftBand,
  type RubricDraftItem,
  type RubricDraftSection,
  type RubricVersionView,
  useSaveRubric,
} from "../../api/rubrics";

/** What the form holds: the draft (total may be cleared to null by its input) and the 修订说明. */
type EditorValues = Omit<RubricDraft, "total"> & { total?: number | null; note?: string };

// Numbers fill their column (as the other inputs do); a band's fields sit in table cells without the form's gap.
const FULL_WIDTH = { width: "100%" } as const;
const NO_MARGIN = { marginBottom: 0 } as const;

/** A server issue: `field` like `body.rubric.bands.1.min`, and its message. */
interface Issue {
  field: string;
  message: string;
}

/** Scores are floating point (steps of 0.5 or 0.1); sums are shown to six decimals at most, as the server keeps them. */
const tidy = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The points a list of items is worth: the points items only (deductions come off, vetoes score nothing). */
function pointsOf(items: readonly Partial<RubricDraftItem>[] | undefined): number {
  return tidy(
    (items ?? [])
      .filter((item) => item?.kind === "points")
      .reduce((sum, item) => sum + (typeof item.points === "number" ? item.points : 0), 0),
  );
}

/** What the editor opens with: the version being revised, without what the server adds (version, origin, …). */
export function draftOf(version: RubricVersionView): RubricDraft {
  const { id, title, article, total, bands, sections } = version;
  return structuredClone({
    id,
    title,
    article,
    ...(total !== undefined ? { total } : {}),
    bands,
    sections: sections.map((section) => ({
      id: section.id,
      title: section.title,
      items: section.items.map((item) => ({
        id: item.id,
        title: item.title,
        ...(item.guidance ? { guidance: item.guidance } : {}),
        kind: item.kind,
        points: item.points,
        step: item.step,
        canExclude: item.canExclude,
        articles: item.articles,
        law: item.law,
      })),
    })),
  });
}

/** A text as the server takes it: the Chinese, and the English only when there is some (else the Chinese stands in). */
function textOf(value: Partial<DraftText> | undefined): DraftText {
  const zh = (value?.zh ?? "").trim();
  const en = (value?.en ?? "").trim();
  return en ? { zh, en } : { zh };
}

/** The form's values as the request body's `rubric`: empty English left out, cleared total and guidance dropped. */
function draftFrom(values: EditorValues): RubricDraft {
  const band = (b: RubricDraftBand): RubricDraftBand => {
    const en = (b.en ?? "").trim();
    return { min: b.min, key: (b.key ?? "").trim(), zh: (b.zh ?? "").trim(), ...(en ? { en } : {}) };
  };
  const item = (i: RubricDraftItem): RubricDraftItem => ({
    id: (i.id ?? "").trim(),
    title: textOf(i.title),
    ...(i.guidance?.zh?.trim() ? { guidance: textOf(i.guidance) } : {}),
    kind: i.kind,
    points: i.points ?? 0,
    step: i.step,
    ...(typeof i.canExclude === "boolean" ? { canExclude: i.canExclude } : {}),
    articles: i.articles ?? [],
    law: i.law ?? [],
  });
  const section = (s: RubricDraftSection): RubricDraftSection => ({
    id: (s.id ?? "").trim(),
    title: textOf(s.title),
    items: (s.items ?? []).map(item),
  });
  return {
    id: values.id,
    title: textOf(values.title),
    article: values.article,
    ...(typeof values.total === "number" ? { total: values.total } : {}),
    bands: (values.bands ?? []).map(band),
    sections: (values.sections ?? []).map(section),
  };
}

// The form fields a server issue can be shown under; the rest go in the alert above the form.
const PLACEABLE = [
  /^(title\.(zh|en)|total|note)$/,
  /^bands\.\d+\.(min|key|zh|en)$/,
  /^sections\.\d+\.(id|title\.(zh|en))$/,
  /^sections\.\d+\.items\.\d+\.(id|title\.(zh|en)|guidance\.zh|kind|points|step|canExclude|articles|law)$/,
];

/**
 * `body.rubric.sections.0.items.2.points` → ["sections", 0, "items", 2, "points"], the form field it names; one tag of
 * a tags field (`…articles.1`) names the field. Null when the form shows no such field (`article`, `guidance.en`, …).
 */
function fieldPath(field: string): (string | number)[] | null {
  const path = field
    .replace(/^body\.rubric\./, "")
    .replace(/^body\.(note)$/, "$1")
    .replace(/\.(articles|law)\.\d+$/, ".$1");
  if (!PLACEABLE.some((pattern) => pattern.test(path))) return null;
  return path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The issues a failed save carries, when it is the server's validation answer. */
function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details.issues)) return [];
  return (error.details.issues as unknown[]).flatMap((issue) => {
    if (typeof issue !== "object" || issue === null) return [];
    const { field, message } = issue as { field?: unknown; message?: unknown };
    return typeof field === "string" && typeof message === "string" ? [{ field, message }] : [];
  });
}

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
          const placed = issues.flatMap((issue) => {
            const name = fieldPath(issue.field);
            return name ? [{ name, errors: [issue.message] }] : [];
          });
          // Paths come from the server; the form's typed paths cannot describe them, hence the plain instance.
          (form as FormInstance).setFields(placed);
          const first = placed[0];
          if (first) (form as FormInstance).scrollToField(first.name, { block: "center" });
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
    <Drawer
      open
      title={`${t("inspections.rubrics.revise")} · ${version.title.zh}`}
      size={880}
      className="rubric-editor"
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("inspections.rubrics.cancel")}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
            {t("inspections.rubrics.saveVersion")}
          </Button>
        </Space>
      }
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          className="panel-block"
          data-testid="rubric-editor-problem"
          title={problem.title}
          description={
            problem.unplaced.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {problem.unplaced.map((issue) => (
                  <li key={`${issue.field}:${issue.message}`}>
                    <Typography.Text code>{issue.field.replace(/^body\.(rubric\.)?/, "")}</Typography.Text>{" "}
                    {issue.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
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
          <Col xs={24} sm={12}>
            <Form.Item name={["title", "zh"]} label={t("inspections.rubrics.titleZh")} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={["title", "en"]} label={t("inspections.rubrics.titleEn")}>
              <Input />
            </Form.Item>
          </Col>
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
              <PointsSum />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t("inspections.rubrics.note")} extra={t("inspections.rubrics.noteHelp")}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
        <BandTable />
        <Form.List name="sections">
          {(sections, { add, remove, move }) => (
            <>
              {sections.map((section, s) => (
                <Card
                  key={section.key}
                  size="small"
                  className="panel-block"
                  data-testid={`rubric-section-${s}`}
                  title={<SectionTitle index={s} />}
                  extra={
                    <Space size={0}>
                      <Button
                        type="text"
                        icon={<ArrowUpOutlined />}
                        disabled={s === 0}
                        aria-label={t("inspections.rubrics.moveSectionUp")}
                        onClick={() => move(s, s - 1)}
                      />
                      <Button
                        type="text"
                        icon={<ArrowDownOutlined />}
                        disabled={s === sections.length - 1}
                        aria-label={t("inspections.rubrics.moveSectionDown")}
                        onClick={() => move(s, s + 1)}
                      />
                      {sections.length > 1 && (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t("inspections.rubrics.removeSection")}
                          onClick={() => remove(section.name)}
                        />
                      )}
                    </Space>
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} sm={6}>
                      <Form.Item
                        name={[section.name, "id"]}
                        label={t("inspections.rubrics.sectionId")}
                        rules={[{ required: true }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={9}>
                      <Form.Item
                        name={[section.name, "title", "zh"]}
                        label={t("inspections.rubrics.sectionTitleZh")}
                        rules={[{ required: true }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={9}>
                      <Form.Item name={[section.name, "title", "en"]} label={t("inspections.rubrics.sectionTitleEn")}>
                        <Input />
                      </Form.Item>
                    </Col>
                  </Row>
                  <ItemList sectionName={section.name} sectionIndex={s} />
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  const id = `part${sections.length + 1}`;
                  add({ id, title: { zh: "" }, items: [blankItem(`${id}.item1`)] });
                }}
              >
                {t("inspections.rubrics.addSection")}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

/** A new points item: worth nothing until the office gives it points. */
function blankItem(id: string): RubricDraftItem {
  return { id, title: { zh: "" }, kind: "points", points: 1, step: 0.5, canExclude: true, articles: [], law: [] };
}

/** What the points items add up to, against the total when one is set: the server refuses a save where they differ. */
function PointsSum() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const sections = Form.useWatch("sections", form);
  const total = Form.useWatch("total", form);
  const sum = tidy((sections ?? []).reduce((acc, section) => acc + pointsOf(section?.items), 0));
  const hasTotal = typeof total === "number";
  const matches = !hasTotal || Math.abs(sum - total) < 1e-9;
  return (
    <div data-testid="rubric-points-sum">
      <Typography.Text strong type={matches ? "success" : "danger"}>
        {hasTotal ? t("inspections.rubrics.sumOfTotal", { sum, total }) : t("inspections.rubrics.sumOnly", { sum })}
      </Typography.Text>
      {!matches && (
        <Typography.Text type="danger">
          {" "}
          {t("inspections.rubrics.sumDiff", { diff: tidy(Math.abs(total - sum)) })}
        </Typography.Text>
      )}
    </div>
  );
}

/** A section card's head: its number and the points its points items add up to. */
function SectionTitle({ index }: { index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const items = Form.useWatch(["sections", index, "items"], form) as RubricDraftItem[] | undefined;
  return (
    <Space size={8} wrap>
      <span>{t("inspections.rubrics.section", { n: index + 1 })}</span>
      <Tag color="blue">{t("inspections.rubrics.subtotal", { n: pointsOf(items) })}</Tag>
    </Space>
  );
}

/**
 * The bands a percentage falls into, from the highest minimum down to the one starting at 0 (the server checks the
 * order). A table that scrolls inside its card on a phone, as the lists do.
 */
function BandTable() {
  const { t } = useTranslation();
  return (
    <Card size="small" className="panel-block" title={t("inspections.rubrics.bands")} data-testid="rubric-bands">
      <Typography.Paragraph type="secondary">{t("inspections.rubrics.bandsHelp")}</Typography.Paragraph>
      <Form.List name="bands">
        {(bands, { add, remove }) => (
          <>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 600 }}
              dataSource={bands}
              columns={[
                {
                  title: t("inspections.rubrics.bandMin"),
                  width: 150,
                  render: (_, band) => (
                    <Form.Item
                      name={[band.name, "min"]}
                      rules={[{ required: true, message: t("inspections.rubrics.required") }]}
                      style={NO_MARGIN}
                    >
                      <InputNumber
                        min={0}
                        max={100}
                        step={1}
                        style={FULL_WIDTH}
                        aria-label={t("inspections.rubrics.bandMinOf", { n: band.name + 1 })}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t("inspections.rubrics.bandKey"),
                  width: 130,
                  render: (_, band) => (
                    <Form.Item
                      name={[band.name, "key"]}
                      rules={[{ required: true, message: t("inspections.rubrics.required") }]}
                      style={NO_MARGIN}
                    >
                      <Input aria-label={t("inspections.rubrics.bandKeyOf", { n: band.name + 1 })} />
                    </Form.Item>
                  ),
                },
                {
                  title: t("inspections.rubrics.bandZh"),
                  render: (_, band) => (
                    <Form.Item
                      name={[band.name, "zh"]}
                      rules={[{ required: true, message: t("inspections.rubrics.required") }]}
                      style={NO_MARGIN}
                    >
                      <Input aria-label={t("inspections.rubrics.bandZhOf", { n: band.name + 1 })} />
                    </Form.Item>
                  ),
                },
                {
                  title: t("inspections.rubrics.bandEn"),
                  render: (_, band) => (
                    <Form.Item name={[band.name, "en"]} style={NO_MARGIN}>
                      <Input aria-label={t("inspections.rubrics.bandEnOf", { n: band.name + 1 })} />
                    </Form.Item>
                  ),
                },
                {
                  title: "",
                  width: 48,
                  render: (_, band) =>
                    bands.length > 1 && (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t("inspections.rubrics.removeBand")}
                        onClick={() => remove(band.name)}
                      />
                    ),
                },
              ]}
            />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() => add({ min: 0, key: "", zh: "" })}
            >
              {t("inspections.rubrics.addBand")}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

/**
 * The items of one section: what is scored and how (points, a deduction or a veto; points and their step; whether
 * 不适用 is allowed), the guidance for scoring it, and the articles and laws it rests on; moved up and down in place.
 */
function ItemList({ sectionName, sectionIndex }: { sectionName: number; sectionIndex: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const path = <K extends keyof RubricDraftItem>(item: number, field: K): ["sections", number, "items", number, K] => [
    "sections",
    sectionName,
    "items",
    item,
    field,
  ];
  return (
    <Form.List name={[sectionName, "items"]}>
      {(items, { add, remove, move }) => (
        <>
          {items.map((item, i) => (
            <div key={item.key} className="template-item" data-testid={`rubric-item-${sectionIndex}-${i}`}>
              <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 4 }}>
                <Typography.Text strong>{t("inspections.rubrics.item", { n: i + 1 })}</Typography.Text>
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0}
                    aria-label={t("inspections.rubrics.moveItemUp")}
                    onClick={() => move(i, i - 1)}
                  />
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={i === items.length - 1}
                    aria-label={t("inspections.rubrics.moveItemDown")}
                    onClick={() => move(i, i + 1)}
                  />
                  {items.length > 1 && (
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("inspections.rubrics.removeItem")}
                      onClick={() => remove(item.name)}
                    />
                  )}
                </Space>
              </Flex>
              <Row gutter={8} align="top">
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[item.name, "id"]}
                    label={t("inspections.rubrics.itemId")}
                    rules={[{ required: true }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={18}>
                  <Form.Item
                    name={[item.name, "title", "zh"]}
                    label={t("inspections.rubrics.itemTitleZh")}
                    rules={[{ required: true }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name={[item.name, "title", "en"]} label={t("inspections.rubrics.itemTitleEn")}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name={[item.name, "guidance", "zh"]} label={t("inspections.rubrics.guidance")}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8} md={6}>
                  <Form.Item name={[item.name, "kind"]} label={t("inspections.rubrics.kind")}>
                    <Select<RubricItemKind>
                      options={RUBRIC_ITEM_KINDS.map((k) => ({ value: k, label: t(`inspections.rubrics.kinds.${k}`) }))}
                      onChange={(kind) => {
                        // A veto scores nothing (the server refuses points on one); only points items may not apply
                        // by default, as the shipped rubrics have it.
                        if (kind === "veto") form.setFieldValue(path(item.name, "points"), 0);
                        form.setFieldValue(path(item.name, "canExclude"), kind === "points");
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={5} md={5}>
                  <Form.Item noStyle dependencies={[path(item.name, "kind")]}>
                    {() => {
                      const kind = form.getFieldValue(path(item.name, "kind")) as RubricItemKind;
                      return (
                        <Form.Item
                          name={[item.name, "points"]}
                          label={t(`inspections.rubrics.pointsLabel.${kind}`)}
                          rules={[{ required: true }]}
                        >
                          <InputNumber min={0} max={1000} step={0.5} disabled={kind === "veto"} style={FULL_WIDTH} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col xs={12} sm={5} md={5}>
                  <Form.Item
                    name={[item.name, "step"]}
                    label={t("inspections.rubrics.step")}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0.01} max={100} step={0.5} style={FULL_WIDTH} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={6} md={8}>
                  <Form.Item
                    name={[item.name, "canExclude"]}
                    label={t("inspections.rubrics.canExcludeLabel")}
                    valuePropName="checked"
                  >
                    <Checkbox>{t("inspections.rubrics.canExclude")}</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[item.name, "articles"]}
                    label={t("inspections.rubrics.articles")}
                    extra={t("inspections.rubrics.articlesHelp")}
                  >
                    <Select mode="tags" tokenSeparators={[",", "，", " "]} open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={14}>
                  <Form.Item
                    name={[item.name, "law"]}
                    label={t("inspections.rubrics.law")}
                    extra={t("inspections.rubrics.lawHelp")}
                  >
                    <Select mode="tags" tokenSeparators={["；", ";"]} open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => {
              const sectionId = String(form.getFieldValue(["sections", sectionName, "id"]) ?? "part");
              add(blankItem(`${sectionId}.item${items.length + 1}`));
            }}
          >
            {t("inspections.rubrics.addItem")}
          </Button>
        </>
      )}
    </Form.List>
  );
}

import { Card, Col, Flex, Form, Input, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RubricDraftItem } from "../../api/rubrics";
import { AddButton, BilingualInputs, MoveRemoveButtons } from "./editor-parts";
import { blankItem, type EditorValues, pointsOf } from "./rubric-draft";
import { RubricItemFields } from "./rubric-item-fields";

/** The rubric's sections, each a card of its items; moved up and down in place, added at the end. */
export function RubricSectionsEditor() {
  const { t } = useTranslation();
  return (
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
                <MoveRemoveButtons
                  index={s}
                  count={sections.length}
                  labels={{
                    up: t("inspections.rubrics.moveSectionUp"),
                    down: t("inspections.rubrics.moveSectionDown"),
                    remove: t("inspections.rubrics.removeSection"),
                  }}
                  move={move}
                  remove={() => remove(section.name)}
                />
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
                <BilingualInputs
                  name={[section.name, "title"]}
                  zhLabel={t("inspections.rubrics.sectionTitleZh")}
                  enLabel={t("inspections.rubrics.sectionTitleEn")}
                  required
                  zhCol={{ xs: 24, sm: 9 }}
                  enCol={{ xs: 24, sm: 9 }}
                />
              </Row>
              <SectionItems sectionName={section.name} sectionIndex={s} />
            </Card>
          ))}
          <AddButton
            onClick={() => {
              const id = `part${sections.length + 1}`;
              add({ id, title: { zh: "" }, items: [blankItem(`${id}.item1`)] });
            }}
          >
            {t("inspections.rubrics.addSection")}
          </AddButton>
        </>
      )}
    </Form.List>
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

/** The items of one section, each numbered with its fields; moved up and down in place, added at the end. */
function SectionItems({ sectionName, sectionIndex }: { sectionName: number; sectionIndex: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  return (
    <Form.List name={[sectionName, "items"]}>
      {(items, { add, remove, move }) => (
        <>
          {items.map((item, i) => (
            <div key={item.key} className="template-item" data-testid={`rubric-item-${sectionIndex}-${i}`}>
              <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 4 }}>
                <Typography.Text strong>{t("inspections.rubrics.item", { n: i + 1 })}</Typography.Text>
                <MoveRemoveButtons
                  index={i}
                  count={items.length}
                  size="small"
                  labels={{
                    up: t("inspections.rubrics.moveItemUp"),
                    down: t("inspections.rubrics.moveItemDown"),
                    remove: t("inspections.rubrics.removeItem"),
                  }}
                  move={move}
                  remove={() => remove(item.name)}
                />
              </Flex>
              <RubricItemFields sectionName={sectionName} itemName={item.name} />
            </div>
          ))}
          <AddButton
            bar
            onClick={() => {
              const sectionId = String(form.getFieldValue(["sections", sectionName, "id"]) ?? "part");
              add(blankItem(`${sectionId}.item${items.length + 1}`));
            }}
          >
            {t("inspections.rubrics.addItem")}
          </AddButton>
        </>
      )}
    </Form.List>
  );
}

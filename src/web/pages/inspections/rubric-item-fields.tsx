import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { RUBRIC_ITEM_KINDS, type RubricItemKind } from "../../../domain/rubric";
import type { RubricDraftItem } from "../../api/rubrics";
import { BilingualInputs, FULL_WIDTH } from "./editor-parts";
import type { EditorValues } from "./rubric-draft";

/**
 * One rubric item's fields: what is scored and how (points, a deduction or a veto; points and their step; whether
 * 不适用 is allowed), the guidance for scoring it, and the articles and laws it rests on. Inside the section's list of
 * items, so its names are relative to the item (`itemName`).
 */
export function RubricItemFields({ sectionName, itemName }: { sectionName: number; itemName: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const path = <K extends keyof RubricDraftItem>(field: K): ["sections", number, "items", number, K] => [
    "sections",
    sectionName,
    "items",
    itemName,
    field,
  ];
  return (
    <Row gutter={8} align="top">
      <Col xs={24} md={6}>
        <Form.Item name={[itemName, "id"]} label={t("inspections.rubrics.itemId")} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Col>
      <BilingualInputs
        name={[itemName, "title"]}
        zhLabel={t("inspections.rubrics.itemTitleZh")}
        enLabel={t("inspections.rubrics.itemTitleEn")}
        required
        zhCol={{ xs: 24, md: 18 }}
        enCol={{ xs: 24 }}
        maxRows={4}
      />
      <BilingualInputs
        name={[itemName, "guidance"]}
        zhLabel={t("inspections.rubrics.guidance")}
        enLabel={t("inspections.rubrics.guidanceEn")}
        zhCol={{ xs: 24 }}
        enCol={{ xs: 24 }}
        maxRows={6}
      />
      <Col xs={24} sm={8} md={6}>
        <Form.Item name={[itemName, "kind"]} label={t("inspections.rubrics.kind")}>
          <Select<RubricItemKind>
            options={RUBRIC_ITEM_KINDS.map((k) => ({ value: k, label: t(`inspections.rubrics.kinds.${k}`) }))}
            onChange={(kind) => {
              // A veto scores nothing (the server refuses points on one); only points items may not apply by default,
              // as the shipped rubrics have it.
              if (kind === "veto") form.setFieldValue(path("points"), 0);
              form.setFieldValue(path("canExclude"), kind === "points");
            }}
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={5} md={5}>
        <Form.Item noStyle dependencies={[path("kind")]}>
          {() => {
            const kind = form.getFieldValue(path("kind")) as RubricItemKind;
            return (
              <Form.Item
                name={[itemName, "points"]}
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
        <Form.Item name={[itemName, "step"]} label={t("inspections.rubrics.step")} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={100} step={0.5} style={FULL_WIDTH} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={6} md={8}>
        <Form.Item
          name={[itemName, "canExclude"]}
          label={t("inspections.rubrics.canExcludeLabel")}
          valuePropName="checked"
        >
          <Checkbox>{t("inspections.rubrics.canExclude")}</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item
          name={[itemName, "articles"]}
          label={t("inspections.rubrics.articles")}
          extra={t("inspections.rubrics.articlesHelp")}
        >
          <Select mode="tags" tokenSeparators={[",", "，", " "]} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
      <Col xs={24} md={14}>
        <Form.Item
          name={[itemName, "law"]}
          label={t("inspections.rubrics.law")}
          extra={t("inspections.rubrics.lawHelp")}
        >
          <Select mode="tags" tokenSeparators={["；", ";"]} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
    </Row>
  );
}

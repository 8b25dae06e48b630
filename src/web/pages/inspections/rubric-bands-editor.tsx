import { Card, Form, Input, InputNumber, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { AddButton, FULL_WIDTH, RemoveButton } from "./editor-parts";

// A band's fields sit in table cells without the form's gap.
const NO_MARGIN = { marginBottom: 0 } as const;

/**
 * The bands a percentage falls into, from the highest minimum down to the one starting at 0 (the server checks the
 * order). A table that scrolls inside its card on a phone, as the lists do.
 */
export function RubricBandsEditor() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t("inspections.rubrics.required") }];
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
                    <Form.Item name={[band.name, "min"]} rules={required} style={NO_MARGIN}>
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
                    <Form.Item name={[band.name, "key"]} rules={required} style={NO_MARGIN}>
                      <Input aria-label={t("inspections.rubrics.bandKeyOf", { n: band.name + 1 })} />
                    </Form.Item>
                  ),
                },
                {
                  title: t("inspections.rubrics.bandZh"),
                  render: (_, band) => (
                    <Form.Item name={[band.name, "zh"]} rules={required} style={NO_MARGIN}>
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
                      <RemoveButton label={t("inspections.rubrics.removeBand")} onClick={() => remove(band.name)} />
                    ),
                },
              ]}
            />
            <AddButton bar style={{ marginTop: 8 }} onClick={() => add({ min: 0, key: "", zh: "" })}>
              {t("inspections.rubrics.addBand")}
            </AddButton>
          </>
        )}
      </Form.List>
    </Card>
  );
}

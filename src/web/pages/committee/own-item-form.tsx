import { PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { useUnits } from "../../api/accounts";
import { UnitTreeSelect } from "../../components/unit-tree-select";

/** An item the office puts on the agenda itself, on behalf of a unit (the contract's `{ title, unitId }`). */
export interface OwnItem {
  title: string;
  unitId: string;
}

/** 增加议题: a title and the unit it concerns, added to the end of the agenda being edited. */
export function OwnItemForm({ onAdd }: { onAdd: (item: OwnItem, unitName: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OwnItem>();
  const units = useUnits();
  const add = async () => {
    let values: OwnItem;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const unitName = units.data?.items.find((u) => u.id === values.unitId)?.name ?? "";
    onAdd({ title: values.title.trim(), unitId: values.unitId }, unitName);
    form.resetFields();
  };
  return (
    <Form<OwnItem> form={form} name="own-item" layout="inline" className="own-item-form" requiredMark={false}>
      <Form.Item
        name="title"
        className="own-item-title"
        rules={[
          { required: true, whitespace: true, message: t("committee.agenda.ownTitleRequired") },
          { min: 2, message: t("committee.agenda.ownTitleRequired") },
          { max: 200, message: t("committee.agenda.ownTitleTooLong") },
        ]}
      >
        <Input
          maxLength={200}
          placeholder={t("committee.agenda.ownTitle")}
          aria-label={t("committee.agenda.ownTitle")}
        />
      </Form.Item>
      <Form.Item
        name="unitId"
        className="own-item-unit"
        rules={[{ required: true, message: t("committee.agenda.ownUnitRequired") }]}
      >
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item>
        <Button icon={<PlusOutlined />} onClick={() => void add()}>
          {t("committee.agenda.addOwn")}
        </Button>
      </Form.Item>
    </Form>
  );
}

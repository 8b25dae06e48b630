import { SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type MeetingView, usePropose } from "../../api/meetings";
import { UnitTreeSelect } from "../../components/unit-tree-select";
import { useFormSubmit } from "../../components/use-form-submit";

interface ProposeForm {
  unitId: string;
  title: string;
  summary: string;
}

/** 提交议题: an item for the committee on behalf of a unit the proposer answers for. */
export function ProposeForm({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProposeForm>();
  const propose = usePropose(meeting.id);
  const { submit, problem } = useFormSubmit<ProposeForm>(form, async (values) => {
    await propose.mutateAsync({ unitId: values.unitId, title: values.title.trim(), summary: values.summary.trim() });
    form.resetFields();
    void message.success(t("committee.propose.done"));
  });
  return (
    <Card size="small" title={t("committee.propose.title")} className="panel-card" data-testid="propose-form">
      <Typography.Paragraph type="secondary">{t("committee.propose.intro")}</Typography.Paragraph>
      <Alert className="form-error" type="warning" showIcon title={t("committee.noSecrets")} />
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<ProposeForm> form={form} name="propose" layout="vertical" requiredMark={false} className="panel-form">
        <Form.Item
          name="unitId"
          label={t("committee.propose.unit")}
          extra={t("committee.propose.unitHint")}
          rules={[{ required: true, message: t("committee.propose.unitRequired") }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("committee.propose.itemTitle")}
          rules={[
            { required: true, whitespace: true, message: t("committee.propose.titleRequired") },
            { min: 2, message: t("committee.propose.titleRequired") },
            { max: 200, message: t("committee.propose.titleTooLong") },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t("committee.propose.summary")}
          extra={t("committee.propose.summaryHint")}
          rules={[
            { required: true, whitespace: true, message: t("committee.propose.summaryRequired") },
            { min: 2, message: t("committee.propose.summaryRequired") },
            { max: 4000, message: t("committee.propose.summaryTooLong") },
          ]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Button type="primary" icon={<SendOutlined />} loading={propose.isPending} onClick={submit}>
          {t("committee.propose.submit")}
        </Button>
      </Form>
    </Card>
  );
}

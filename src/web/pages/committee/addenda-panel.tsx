import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Form, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Addendum, type MeetingView, useAddAddendum, useSignAddendum } from "../../api/meetings";
import { PasswordPrompt } from "../../components/password-prompt";
import { useFormSubmit } from "../../components/use-form-submit";
import { minuteOf } from "./meeting-table";
import { SignerFacts } from "./signer-card";

interface AddendumForm {
  text: string;
}

/**
 * 补充纪要: signed minutes are never edited; a correction or supplement is drafted by the office and signed like the
 * minutes, and stays beside them.
 */
export function AddendaPanel({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddendumForm>();
  const add = useAddAddendum(m.id);
  const sign = useSignAddendum(m.id);
  const [signing, setSigning] = useState<Addendum | null>(null);
  const { submit, problem } = useFormSubmit<AddendumForm>(form, async (values) => {
    await add.mutateAsync({ text: values.text.trim() });
    form.resetFields();
    void message.success(t("committee.addenda.added"));
  });

  return (
    <div data-testid="addenda">
      <Typography.Paragraph type="secondary">{t("committee.addenda.intro")}</Typography.Paragraph>
      {m.addenda.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.addenda.empty")} />
      )}
      {m.addenda.map((a, index) => (
        <Card
          key={a.id}
          size="small"
          className="panel-card"
          title={t("committee.addenda.number", { no: index + 1 })}
          extra={
            a.signer ? (
              <Tag color="green">{t("committee.addenda.signed")}</Tag>
            ) : (
              <Space>
                <Tag color="orange">{t("committee.addenda.unsigned")}</Tag>
                {a.abilities.sign && (
                  <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => setSigning(a)}>
                    {t("committee.addenda.sign")}
                  </Button>
                )}
              </Space>
            )
          }
        >
          <Typography.Paragraph className="pre-line">{a.text}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t("committee.addenda.drafted", { at: minuteOf(a.draftedAt) })}
          </Typography.Paragraph>
          {a.signer && <SignerFacts signer={a.signer} />}
        </Card>
      ))}
      {m.abilities.addAddendum && (
        <Card size="small" className="panel-card" title={t("committee.addenda.add")}>
          {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
          <Form<AddendumForm> form={form} name="addendum" layout="vertical" requiredMark={false}>
            <Form.Item
              name="text"
              label={t("committee.addenda.text")}
              rules={[
                { required: true, whitespace: true, message: t("committee.addenda.textRequired") },
                { min: 10, message: t("committee.addenda.textRequired") },
                { max: 20_000, message: t("committee.addenda.textTooLong") },
              ]}
            >
              <Input.TextArea rows={5} maxLength={20_000} showCount />
            </Form.Item>
            <Button type="primary" icon={<PlusOutlined />} loading={add.isPending} onClick={submit}>
              {t("committee.addenda.submit")}
            </Button>
          </Form>
        </Card>
      )}
      <PasswordPrompt
        open={signing !== null}
        title={t("committee.addenda.promptTitle")}
        description={t("committee.addenda.promptBody")}
        okText={t("committee.signOff.confirm")}
        submit={async (password) => {
          if (!signing) return;
          await sign.mutateAsync({ addendumId: signing.id, password });
          setSigning(null);
          void message.success(t("committee.addenda.signedDone"));
        }}
        onClose={() => setSigning(null)}
      />
    </div>
  );
}

import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Row, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type ResearchView, useCreateResearch, useUpdateResearch } from "../../../api/research";
import { calendarDate, type PickedDate } from "../../../components/dates";
import { useFormSubmit } from "../../../components/use-form-submit";
import { type KnownPerson, ResearchPersonSelect } from "./person-select";
import { researchUrl } from "./research-names";

interface ProposalForm {
  title: string;
  question: string;
  leadPersonId: string;
  members: { personId?: string }[];
  planText: string;
  startsOn: PickedDate;
  endsOn: PickedDate;
  milestones: { title: string; dueOn?: PickedDate }[];
}

// The server names fields by the request's shape; the form's differ where it groups them.
const ALIASES: Record<string, string> = {
  "body.plan.text": "planText",
  "body.plan.startsOn": "startsOn",
  "body.plan.endsOn": "endsOn",
};

/**
 * 新建调研课题 or 修改立项内容 (the secrecy office): the title, the question and its background, the lead and the
 * members, and the plan with its dates and milestones. A new topic opens on its page, 立项中.
 */
export function ResearchFormModal({ topic, onClose }: { topic?: ResearchView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProposalForm>();
  const create = useCreateResearch();
  const update = useUpdateResearch(topic?.id ?? "");
  const known: KnownPerson[] = topic?.team.map((m) => m.person) ?? [];
  const { submit, problem } = useFormSubmit<ProposalForm>(
    form,
    async (values) => {
      const body = {
        title: values.title.trim(),
        question: values.question.trim(),
        leadPersonId: values.leadPersonId,
        memberIds: values.members.map((m) => m.personId ?? "").filter(Boolean),
        plan: {
          text: values.planText.trim(),
          startsOn: calendarDate(values.startsOn) ?? "",
          endsOn: calendarDate(values.endsOn) ?? "",
          milestones: values.milestones.map((m) => ({ title: m.title.trim(), dueOn: calendarDate(m.dueOn) ?? "" })),
        },
      };
      if (topic) {
        await update.mutateAsync(body);
        void message.success(t("research.form.saved"));
        onClose();
        return;
      }
      const created = await create.mutateAsync(body);
      void message.success(t("research.form.created"));
      onClose();
      void navigate(researchUrl(created.id));
    },
    ALIASES,
  );

  const initial: Partial<ProposalForm> = topic
    ? {
        title: topic.title,
        question: topic.question,
        leadPersonId: topic.lead.id,
        members: topic.team.filter((m) => m.role === "member").map((m) => ({ personId: m.person.id })),
        planText: topic.plan.text,
        startsOn: dayjs(topic.plan.startsOn),
        endsOn: dayjs(topic.plan.endsOn),
        milestones: topic.plan.milestones.map((m) => ({ title: m.title, dueOn: dayjs(m.dueOn) })),
      }
    : { members: [], milestones: [], startsOn: dayjs(), endsOn: dayjs().add(3, "month") };

  return (
    <Modal
      open
      width={760}
      title={topic ? t("research.form.editTitle") : t("research.form.createTitle")}
      okText={topic ? t("research.form.save") : t("research.form.submit")}
      confirmLoading={create.isPending || update.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("research.form.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<ProposalForm>
        form={form}
        name="research-proposal"
        layout="vertical"
        requiredMark={false}
        initialValues={initial}
      >
        <Form.Item
          name="title"
          label={t("research.fields.title")}
          rules={[
            { required: true, whitespace: true, min: 4, message: t("research.form.titleRequired") },
            { max: 200, message: t("research.form.titleTooLong") },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="question"
          label={t("research.fields.question")}
          extra={t("research.form.questionHint")}
          rules={[{ required: true, whitespace: true, min: 10, message: t("research.form.questionRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={10_000} />
        </Form.Item>
        <Form.Item
          name="leadPersonId"
          label={t("research.fields.lead")}
          rules={[{ required: true, message: t("research.form.leadRequired") }]}
        >
          <ResearchPersonSelect id="research-lead" known={known} />
        </Form.Item>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <div className="panel-block">
              {fields.map((field, index) => (
                <Space key={field.key} align="start" className="full-width research-member-row">
                  <Form.Item
                    name={[field.name, "personId"]}
                    label={t("research.form.memberLabel", { n: index + 1 })}
                    htmlFor={`research-member-${index}`}
                    rules={[{ required: true, message: t("research.form.memberRequired") }]}
                  >
                    <ResearchPersonSelect id={`research-member-${index}`} known={known} />
                  </Form.Item>
                  <Button
                    className="research-row-remove"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("research.form.removeMember", { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t("research.form.addMember")}
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item
          name="planText"
          label={t("research.fields.plan")}
          extra={t("research.form.planHint")}
          rules={[{ required: true, whitespace: true, min: 10, message: t("research.form.planRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={10_000} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="startsOn"
              label={t("research.fields.startsOn")}
              rules={[{ required: true, message: t("research.form.startsOnRequired") }]}
            >
              <DatePicker className="full-width" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="endsOn"
              label={t("research.fields.endsOn")}
              rules={[{ required: true, message: t("research.form.endsOnRequired") }]}
            >
              <DatePicker className="full-width" />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <div className="panel-block">
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="top" wrap={false}>
                  <Col flex="auto">
                    <Form.Item
                      name={[field.name, "title"]}
                      label={t("research.form.milestoneLabel", { n: index + 1 })}
                      rules={[
                        { required: true, whitespace: true, min: 2, message: t("research.form.milestoneRequired") },
                      ]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col flex="180px">
                    <Form.Item
                      name={[field.name, "dueOn"]}
                      label={t("research.form.milestoneDueLabel", { n: index + 1 })}
                      rules={[{ required: true, message: t("research.form.milestoneDueRequired") }]}
                    >
                      <DatePicker className="full-width" />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button
                      className="research-row-remove"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("research.form.removeMilestone", { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ title: "" })}>
                {t("research.form.addMilestone")}
              </Button>
            </div>
          )}
        </Form.List>
        <Alert type="warning" showIcon title={t("research.noSecrets")} />
      </Form>
    </Modal>
  );
}

import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type TaskOrigin, useAssignTask } from "../../api/meetings";
import { calendarDate, type PickedDate } from "../../components/dates";
import { UnitTreeSelect } from "../../components/unit-tree-select";
import { useFormSubmit } from "../../components/use-form-submit";
import { InstitutionField } from "../../components/institution-picker";
import { taskUrl } from "./committee-nav";

interface AssignForm {
  origin: TaskOrigin;
  assignedBy: string;
  documentNo?: string;
  title: string;
  ownerUnitId?: string;
  dueOn: PickedDate;
  institutionId?: string;
}

/**
 * 登记交办任务 (the secrecy office): a task assigned from above (上级交办, 第九条第（五）项) or by the committee or the
 * leaders to the office (第十三条第（十）项). It becomes a tracked task, carried out by the office unless a unit is named.
 */
export function AssignTaskModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<AssignForm>();
  const origin = Form.useWatch("origin", form);
  const assign = useAssignTask();
  const { submit, problem } = useFormSubmit<AssignForm>(form, async (values) => {
    const task = await assign.mutateAsync({
      origin: values.origin,
      assignedBy: values.assignedBy.trim(),
      documentNo: values.documentNo?.trim() || undefined,
      title: values.title.trim(),
      ownerUnitId: values.ownerUnitId || undefined,
      dueOn: calendarDate(values.dueOn) ?? "",
      institutionId: values.institutionId,
    });
    void message.success(t("committee.tasks.assign.done"));
    onClose();
    void navigate(taskUrl(task.id));
  });

  return (
    <Modal
      open
      width={600}
      title={t("committee.tasks.assign.title")}
      okText={t("committee.tasks.assign.submit")}
      confirmLoading={assign.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("committee.tasks.assign.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<AssignForm>
        form={form}
        name="assign-task"
        layout="vertical"
        requiredMark={false}
        initialValues={{ origin: "higher" }}
      >
        <InstitutionField permission="meeting.manage" />
        <Form.Item name="origin" label={t("committee.tasks.assign.origin")}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "higher", label: t("committee.tasks.assign.fromHigher") },
              { value: "committee", label: t("committee.tasks.assign.fromCommittee") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="assignedBy"
          label={t("committee.tasks.assign.assignedBy")}
          extra={
            origin === "committee"
              ? t("committee.tasks.assign.assignedByCommitteeHint")
              : t("committee.tasks.assign.assignedByHigherHint")
          }
          rules={[
            { required: true, whitespace: true, message: t("committee.tasks.assign.assignedByRequired") },
            { min: 2, message: t("committee.tasks.assign.assignedByRequired") },
            { max: 100, message: t("committee.tasks.assign.assignedByTooLong") },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="documentNo"
          label={t("committee.tasks.assign.documentNo")}
          extra={t("committee.tasks.assign.documentNoHint")}
          rules={[{ max: 100, message: t("committee.tasks.assign.documentNoTooLong") }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("committee.tasks.assign.task")}
          rules={[
            { required: true, whitespace: true, message: t("committee.tasks.assign.taskRequired") },
            { min: 2, message: t("committee.tasks.assign.taskRequired") },
            { max: 500, message: t("committee.tasks.assign.taskTooLong") },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
        <Form.Item
          name="ownerUnitId"
          label={t("committee.tasks.assign.owner")}
          extra={t("committee.tasks.assign.ownerHint")}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t("committee.tasks.fields.dueOn")}
          rules={[{ required: true, message: t("committee.tasks.assign.dueOnRequired") }]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, App, DatePicker, Empty, Form, Input, Modal, Radio, Select, Skeleton, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { StudyAttendanceKind, StudyForm } from "../../../../features/document-studies/contract";
import { type DocumentView, useRecordSession, useRoster } from "../../../api/document-studies";
import { calendarDate, type PickedDate } from "../../../components/dates";
import { useFormSubmit } from "../../../components/use-form-submit";
import { STUDY_ATTENDANCE_KINDS, STUDY_FORMS, useDocumentNames } from "./names";

interface SessionForm {
  unitId: string;
  heldOn: PickedDate;
  place: string;
  form: StudyForm;
  presidedBy: string;
  notes?: string;
}

/**
 * 登记传达学习: one session of a unit — date, place, form, who presided and each of the unit's people 出席 / 请假 /
 * 缺席 (everyone present until marked otherwise). Recorded sessions are final.
 */
export function RecordSessionModal({ document: d, onClose }: { document: DocumentView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useDocumentNames();
  const [form] = Form.useForm<SessionForm>();
  const unitId = Form.useWatch("unitId", form);
  const roster = useRoster(d.id, unitId);
  const people = roster.data?.people ?? [];
  const [kinds, setKinds] = useState<Record<string, StudyAttendanceKind>>({});
  const record = useRecordSession(d.id);
  const kindOf = (personId: string): StudyAttendanceKind => kinds[personId] ?? "present";
  const { submit, problem } = useFormSubmit<SessionForm>(form, async (values) => {
    await record.mutateAsync({
      unitId: values.unitId,
      heldOn: calendarDate(values.heldOn) ?? "",
      place: values.place.trim(),
      form: values.form,
      presidedBy: values.presidedBy,
      notes: values.notes?.trim() || undefined,
      attendance: people.map((p) => ({ personId: p.id, kind: kindOf(p.id) })),
    });
    void message.success(t("documentStudies.record.done"));
    onClose();
  });
  const only = d.recordableUnits.length === 1 ? d.recordableUnits[0]?.id : undefined;

  return (
    <Modal
      open
      width={760}
      title={t("documentStudies.record.title")}
      okText={t("documentStudies.record.submit")}
      confirmLoading={record.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("documentStudies.record.intro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<SessionForm>
        form={form}
        name="record-session"
        layout="vertical"
        requiredMark={false}
        initialValues={{ unitId: only, heldOn: dayjs(), form: "meeting" }}
        onValuesChange={(changed: Partial<SessionForm>) => {
          if ("unitId" in changed) {
            setKinds({});
            form.setFieldValue("presidedBy", undefined);
          }
        }}
      >
        <Form.Item
          name="unitId"
          label={t("documentStudies.record.unit")}
          rules={[{ required: true, message: t("documentStudies.record.unitRequired") }]}
        >
          <Select<string>
            options={d.recordableUnits.map((u) => ({
              value: u.id,
              label: u.institutionLevel ? `${u.name}${t("documentStudies.record.institutionLevel")}` : u.name,
            }))}
          />
        </Form.Item>
        <div className="filter-grid">
          <Form.Item
            name="heldOn"
            label={t("documentStudies.record.heldOn")}
            rules={[{ required: true, message: t("documentStudies.record.heldOnRequired") }]}
          >
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item
            name="form"
            label={t("documentStudies.record.form")}
            rules={[{ required: true, message: t("documentStudies.record.formRequired") }]}
          >
            <Select<StudyForm> options={STUDY_FORMS.map((f) => ({ value: f, label: names.form(f) }))} />
          </Form.Item>
          <Form.Item
            name="place"
            label={t("documentStudies.record.place")}
            rules={[{ required: true, whitespace: true, message: t("documentStudies.record.placeRequired") }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="presidedBy"
            label={t("documentStudies.record.presidedBy")}
            rules={[{ required: true, message: t("documentStudies.record.presidedByRequired") }]}
          >
            <Select<string>
              showSearch={{ optionFilterProp: "label" }}
              disabled={!unitId}
              options={people.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="notes" label={t("documentStudies.record.notes")} extra={t("documentStudies.record.notesHint")}>
          <Input.TextArea rows={2} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      <Typography.Text strong>{t("documentStudies.record.attendance")}</Typography.Text>
      <Typography.Paragraph type="secondary">{t("documentStudies.record.attendanceHint")}</Typography.Paragraph>
      {!unitId ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("documentStudies.record.pickUnitFirst")} />
      ) : roster.isPending ? (
        <Skeleton active />
      ) : (
        <div data-testid="session-attendance">
          <Table
            rowKey="id"
            size="small"
            dataSource={people}
            pagination={false}
            scroll={{ y: 280 }}
            locale={{ emptyText: t("documentStudies.record.noPeople") }}
            columns={[
              { key: "name", title: t("documentStudies.record.person"), width: 120, render: (_, p) => p.name },
              { key: "unit", title: t("documentStudies.record.personUnit"), width: 160, render: (_, p) => p.unitName },
              {
                key: "kind",
                title: t("documentStudies.record.kind"),
                render: (_, p) => (
                  <Radio.Group
                    aria-label={t("documentStudies.record.kindOf", { name: p.name })}
                    value={kindOf(p.id)}
                    onChange={(event) =>
                      setKinds((old) => ({ ...old, [p.id]: event.target.value as StudyAttendanceKind }))
                    }
                    options={STUDY_ATTENDANCE_KINDS.map((k) => ({ value: k, label: names.attendance(k) }))}
                  />
                ),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}

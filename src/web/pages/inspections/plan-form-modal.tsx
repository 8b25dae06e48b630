import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useUnits } from "../../api/accounts";
import { errorMessage } from "../../api/error-message";
import { useInspectionTemplates } from "../../api/inspection-templates";
import { type CreatePlanRequest, type MyUnits, useCreatePlan } from "../../api/inspections";
import { useCurrentUser } from "../../app/access";
import { calendarDate, type PickedDate } from "../../components/dates";
import { applyFieldErrors } from "../../components/field-errors";
import { InstitutionField } from "../../components/institution-picker";
import { PersonPicker } from "../../components/pickers";
import { PeopleSelect } from "./people-select";

interface PlanForm {
  kind: CreatePlanRequest["kind"];
  title: string;
  year: number;
  half?: 1 | 2;
  leadPersonId: string;
  teamIds: string[];
  unitIds: string[];
  startsOn: PickedDate;
  endsOn: PickedDate;
  templateId: string;
  institutionId?: string;
}

/** A member's own plan starts as this half's, named as offices name it (2027年上半年分管范围保密检查). */
function ownHalf(): { half: 1 | 2; title: string } {
  const today = dayjs();
  const half = today.month() < 6 ? 1 : 2;
  return { half, title: `${today.year()}年${half === 1 ? "上" : "下"}半年分管范围保密检查` };
}

/** What the user may inspect on their own, without a grant: a member's portfolio, a unit head's units. */
export type OwnScope = { kind: "member" | "unit" } & Pick<MyUnits, "institution" | "units">;

/** The plan's first values: the office's plan is blank; one's own is led by oneself, named as offices name it. */
function initialPlan(own: OwnScope | undefined, personId: string | undefined, unitTitle: string): Partial<PlanForm> {
  const base = { year: dayjs().year(), teamIds: [], unitIds: [], templateId: "unit-inspection" };
  if (!own) return { ...base, kind: "office" };
  const mine = { ...base, kind: own.kind, ...(personId ? { leadPersonId: personId } : {}) };
  // A unit head inspects the unit they head: with one unit, it is already chosen.
  if (own.kind === "unit")
    return { ...mine, title: unitTitle, unitIds: own.units.length === 1 ? own.units.map((u) => u.id) : [] };
  return { ...mine, ...ownHalf() };
}

/**
 * 新建检查计划: the kind, the team, the units, the dates and the checklist (frozen on the plan). With `own`, a
 * committee member plans their own half-yearly inspection (第十一条第（四）项) over their portfolio's units, or a unit
 * head their unit's inspection (第六条第（三）项): either leads it.
 */
export function PlanFormModal({ onClose, own }: { onClose: () => void; own?: OwnScope }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanForm>();
  const me = useCurrentUser();
  const create = useCreatePlan();
  const units = useUnits();
  const [problem, setProblem] = useState<string | null>(null);
  const kind = Form.useWatch("kind", form);
  // The institution's own versions of the checklists, once it is known (asked only of those acting for several).
  const templates = useInspectionTemplates(Form.useWatch("institutionId", form));

  const submit = async () => {
    const v = await form.validateFields();
    setProblem(null);
    create.mutate(
      {
        kind: v.kind,
        title: v.title,
        year: v.year,
        ...(v.kind === "member" && v.half ? { half: v.half } : {}),
        leadPersonId: v.leadPersonId,
        teamIds: v.teamIds,
        unitIds: v.unitIds,
        startsOn: calendarDate(v.startsOn) ?? "",
        endsOn: calendarDate(v.endsOn) ?? "",
        templateId: v.templateId,
        institutionId: v.institutionId,
      },
      {
        onSuccess: (plan) => {
          void message.success(t("inspections.plan.created"));
          onClose();
          void navigate(`/inspections/plans/${plan.id}`);
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) setProblem(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      width={720}
      title={
        own
          ? t(own.kind === "unit" ? "inspections.plan.createUnit" : "inspections.plan.createMine")
          : t("inspections.plan.create")
      }
      okText={t("inspections.plan.submit")}
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<PlanForm>
        form={form}
        name="inspection-plan"
        layout="vertical"
        requiredMark={false}
        initialValues={initialPlan(
          own,
          me.person?.id,
          t("inspections.plan.unitTitle", { year: dayjs().year(), units: own?.units.map((u) => u.name).join("、") }),
        )}
      >
        {own ? (
          <Alert
            className="panel-block"
            type="info"
            showIcon
            title={
              own.kind === "unit"
                ? t("inspections.plan.unitIntro", { units: own.units.map((u) => u.name).join("、") })
                : t("inspections.plan.mineIntro", { institution: own.institution?.name ?? "" })
            }
          />
        ) : (
          <InstitutionField permission="inspection.manage" />
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t("inspections.plan.kind")} rules={[{ required: true }]}>
              <Select
                disabled={own !== undefined}
                options={(own ? [own.kind] : (["office", "special", "member", "unit"] as const)).map((k) => ({
                  value: k,
                  label: t(`inspections.kinds.${k}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="year" label={t("inspections.plan.year")} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} className="full-width" />
            </Form.Item>
          </Col>
          {kind === "member" && (
            <Col xs={12} sm={6}>
              <Form.Item
                name="half"
                label={t("inspections.plan.half")}
                rules={[{ required: true, message: t("inspections.plan.halfRequired") }]}
              >
                <Select
                  options={[
                    { value: 1, label: t("inspections.plan.h1") },
                    { value: 2, label: t("inspections.plan.h2") },
                  ]}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item
          name="title"
          label={t("inspections.plan.name")}
          rules={[{ required: true, whitespace: true, min: 4, message: t("inspections.plan.nameRequired") }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="leadPersonId"
          label={kind === "member" ? t("inspections.plan.member") : t("inspections.plan.lead")}
          rules={[{ required: true, message: t("inspections.plan.leadRequired") }]}
          hidden={own !== undefined}
        >
          <PersonPicker id="inspection-lead" />
        </Form.Item>
        <Form.Item name="teamIds" label={t("inspections.plan.team")}>
          <PeopleSelect id="inspection-team" />
        </Form.Item>
        <Form.Item
          name="unitIds"
          label={t("inspections.plan.units")}
          rules={[{ required: true, type: "array", min: 1, message: t("inspections.plan.unitsRequired") }]}
        >
          <Select
            id="inspection-units"
            mode="multiple"
            optionFilterProp="label"
            loading={units.isPending}
            options={
              own
                ? own.units.map((u) => ({ value: u.id, label: u.name }))
                : (units.data?.items ?? [])
                    .filter((u) => u.kind !== "institution")
                    .map((u) => ({ value: u.id, label: u.name }))
            }
          />
        </Form.Item>
        <Form.Item name="templateId" label={t("inspections.plan.template")} rules={[{ required: true }]}>
          <Select
            loading={templates.isPending}
            options={(templates.data?.items ?? [])
              .filter((tpl) => tpl.subject !== "person")
              .map((tpl) => ({
                value: tpl.id,
                label: t("inspections.templates.option", { title: tpl.title.zh, version: tpl.version }),
              }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="startsOn"
              label={t("inspections.plan.startsOn")}
              rules={[{ required: true, message: t("inspections.plan.dateRequired") }]}
            >
              <DatePicker className="full-width" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="endsOn"
              label={t("inspections.plan.endsOn")}
              rules={[{ required: true, message: t("inspections.plan.dateRequired") }]}
            >
              <DatePicker className="full-width" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

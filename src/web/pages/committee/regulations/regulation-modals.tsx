import { DatePicker, Form, Input, Select, TreeSelect } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { RegulationCategory } from "../../../../features/regulations/contract";
import {
  type RegulationView,
  useAdoptRegulation,
  useCreateRegulation,
  useHigherRegulations,
  useRepealRegulation,
  useReviseRegulation,
  useUpdateRegulation,
} from "../../../api/regulations";
import { calendarDate, type PickedDate } from "../../../components/dates";
import { InstitutionField } from "../../../components/institution-picker";
import { unitTree } from "../../../components/unit-tree-select";
import { useUnits } from "../../../api/accounts";
import { type ContentValues, ContentFields, contentOf } from "./content-fields";
import { REGULATION_CATEGORIES, regulationUrl, useRegulationNames } from "./names";
import { FILE_ALIASES, RegulationDialog } from "./regulation-dialog";

function CategoryField() {
  const { t } = useTranslation();
  const names = useRegulationNames();
  return (
    <Form.Item
      name="category"
      label={t("regulations.fields.category")}
      rules={[{ required: true, message: t("regulations.create.categoryRequired") }]}
    >
      <Select<RegulationCategory>
        options={REGULATION_CATEGORIES.map((c) => ({ value: c, label: names.category(c) }))}
      />
    </Form.Item>
  );
}

function TitleFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="title"
        label={t("regulations.fields.title")}
        rules={[
          { required: true, whitespace: true, message: t("regulations.create.titleRequired") },
          { min: 4, message: t("regulations.create.titleRequired") },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="documentNo" label={t("regulations.fields.documentNo")}>
        <Input maxLength={60} />
      </Form.Item>
      <CategoryField />
    </>
  );
}

/** The higher regulations not yet answered, for an institution-level adoption or revision to answer. */
function AnswersField() {
  const { t } = useTranslation();
  const open = useHigherRegulations("false");
  return (
    <Form.Item name="answers" label={t("regulations.adopt.answers")} extra={t("regulations.adopt.answersHint")}>
      <Select<string[]>
        mode="multiple"
        allowClear
        loading={open.isPending}
        options={open.items.map((h) => ({ value: h.id, label: `${h.title}（${h.documentNo}）` }))}
      />
    </Form.Item>
  );
}

/** The issuing unit, cleared for the institution's own rules. */
function IssuingUnitSelect({ value, onChange }: { value?: string; onChange?: (value: string | undefined) => void }) {
  const units = useUnits();
  const tree = useMemo(() => unitTree(units.data?.items ?? []), [units.data]);
  return (
    <TreeSelect
      value={value}
      onChange={(picked?: string) => onChange?.(picked)}
      treeData={tree}
      treeDefaultExpandAll
      allowClear
      showSearch={{ treeNodeFilterProp: "title" }}
      loading={units.isPending}
      className="full-width"
    />
  );
}

interface CreateForm extends ContentValues {
  title: string;
  documentNo?: string;
  category: RegulationCategory;
  unitId?: string;
  institutionId?: string;
}

/** 起草制度: a draft with its text or file, the institution's or (with the unit) a unit's own. */
export function CreateRegulationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateRegulation();
  return (
    <RegulationDialog<CreateForm, RegulationView>
      name="create-regulation"
      title={t("regulations.create.title")}
      ok={t("regulations.create.submit")}
      intro={t("regulations.create.intro")}
      done={t("regulations.create.done")}
      pending={create.isPending}
      send={async (values) =>
        create.mutateAsync({
          title: values.title.trim(),
          documentNo: values.documentNo?.trim() || undefined,
          category: values.category,
          unitId: values.unitId,
          institutionId: values.institutionId,
          ...(await contentOf(values)),
        })
      }
      onDone={(view) => void navigate(regulationUrl(view.id))}
      onClose={onClose}
      initialValues={{ category: "general", contentKind: "text" }}
      aliases={FILE_ALIASES}
      warn
      width={760}
    >
      <InstitutionField permission="regulation.manage" />
      <TitleFields />
      <Form.Item name="unitId" label={t("regulations.create.unit")} extra={t("regulations.create.unitHint")}>
        <IssuingUnitSelect />
      </Form.Item>
      <ContentFields />
    </RegulationDialog>
  );
}

interface EditForm extends ContentValues {
  title: string;
  documentNo?: string;
  category: RegulationCategory;
}

/** 修改草稿: title, number, category, and new content if given. */
export function EditDraftModal({ regulation: r, onClose }: { regulation: RegulationView; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateRegulation(r.id);
  const draft = r.versions.find((v) => v.current);
  return (
    <RegulationDialog<EditForm>
      name="edit-regulation"
      title={t("regulations.edit.title")}
      ok={t("regulations.edit.submit")}
      intro={t("regulations.create.intro")}
      done={t("regulations.edit.done")}
      pending={update.isPending}
      send={async (values) =>
        update.mutateAsync({
          title: values.title.trim(),
          documentNo: values.documentNo?.trim() || null,
          category: values.category,
          ...(await contentOf(values)),
        })
      }
      onClose={onClose}
      initialValues={{
        title: r.title,
        documentNo: r.documentNo ?? undefined,
        category: r.category,
        contentKind: draft?.file ? "file" : "text",
        text: draft?.text ?? undefined,
      }}
      aliases={FILE_ALIASES}
      warn
      width={760}
    >
      <TitleFields />
      <ContentFields optional />
    </RegulationDialog>
  );
}

/** The date a change takes effect from, required. */
function EffectiveOnField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="effectiveOn"
      label={t("regulations.adopt.effectiveOn")}
      rules={[{ required: true, message: t("regulations.adopt.effectiveOnRequired") }]}
    >
      <DatePicker className="full-width" />
    </Form.Item>
  );
}

interface AdoptForm {
  effectiveOn: PickedDate;
  documentNo?: string;
  answers?: string[];
}

/** 制定施行: in force from a date, with its number and the higher regulations it answers. */
export function AdoptModal({ regulation: r, onClose }: { regulation: RegulationView; onClose: () => void }) {
  const { t } = useTranslation();
  const adopt = useAdoptRegulation(r.id);
  return (
    <RegulationDialog<AdoptForm>
      name="adopt-regulation"
      title={t("regulations.adopt.title")}
      ok={t("regulations.adopt.submit")}
      intro={t("regulations.adopt.intro")}
      done={t("regulations.adopt.done")}
      pending={adopt.isPending}
      send={(values) =>
        adopt.mutateAsync({
          effectiveOn: calendarDate(values.effectiveOn) ?? "",
          documentNo: values.documentNo?.trim() || undefined,
          answers: values.answers ?? [],
        })
      }
      onClose={onClose}
      initialValues={{ effectiveOn: dayjs(), documentNo: r.documentNo ?? undefined }}
    >
      <EffectiveOnField />
      <Form.Item name="documentNo" label={t("regulations.adopt.documentNo")}>
        <Input maxLength={60} />
      </Form.Item>
      {r.level === "institution" && <AnswersField />}
    </RegulationDialog>
  );
}

interface ReviseForm extends ContentValues {
  effectiveOn: PickedDate;
  changeSummary: string;
  documentNo?: string;
  answers?: string[];
}

/** 修订: a new version in force from its own date, with what changed; the text starts as the current one. */
export function ReviseModal({ regulation: r, onClose }: { regulation: RegulationView; onClose: () => void }) {
  const { t } = useTranslation();
  const revise = useReviseRegulation(r.id);
  const current = r.versions.find((v) => v.current);
  return (
    <RegulationDialog<ReviseForm>
      name="revise-regulation"
      title={t("regulations.revise.title")}
      ok={t("regulations.revise.submit")}
      intro={t("regulations.revise.intro")}
      done={t("regulations.revise.done")}
      pending={revise.isPending}
      send={async (values) =>
        revise.mutateAsync({
          effectiveOn: calendarDate(values.effectiveOn) ?? "",
          changeSummary: values.changeSummary.trim(),
          documentNo: values.documentNo?.trim() || undefined,
          answers: values.answers ?? [],
          ...(await contentOf(values)),
        })
      }
      onClose={onClose}
      initialValues={{ effectiveOn: dayjs(), contentKind: "text", text: current?.text ?? undefined }}
      aliases={FILE_ALIASES}
      warn
      width={760}
    >
      <div className="filter-grid">
        <EffectiveOnField />
        <Form.Item name="documentNo" label={t("regulations.adopt.documentNo")}>
          <Input maxLength={60} placeholder={r.documentNo ?? undefined} />
        </Form.Item>
      </div>
      <Form.Item
        name="changeSummary"
        label={t("regulations.revise.changeSummary")}
        rules={[
          { required: true, whitespace: true, message: t("regulations.revise.changeSummaryRequired") },
          { min: 4, message: t("regulations.revise.changeSummaryRequired") },
        ]}
      >
        <Input.TextArea rows={2} maxLength={1000} showCount />
      </Form.Item>
      {r.level === "institution" && <AnswersField />}
      <ContentFields rows={8} />
    </RegulationDialog>
  );
}

interface RepealForm {
  repealedOn: PickedDate;
  reason: string;
}

/** 废止: from a date, with the reason. */
export function RepealModal({ regulation: r, onClose }: { regulation: RegulationView; onClose: () => void }) {
  const { t } = useTranslation();
  const repeal = useRepealRegulation(r.id);
  return (
    <RegulationDialog<RepealForm>
      name="repeal-regulation"
      title={t("regulations.repeal.title")}
      ok={t("regulations.repeal.submit")}
      intro={t("regulations.repeal.intro")}
      done={t("regulations.repeal.done")}
      pending={repeal.isPending}
      send={(values) =>
        repeal.mutateAsync({ repealedOn: calendarDate(values.repealedOn) ?? "", reason: values.reason.trim() })
      }
      onClose={onClose}
      initialValues={{ repealedOn: dayjs() }}
    >
      <Form.Item
        name="repealedOn"
        label={t("regulations.repeal.repealedOn")}
        rules={[{ required: true, message: t("regulations.repeal.repealedOnRequired") }]}
      >
        <DatePicker className="full-width" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("regulations.repeal.reason")}
        rules={[
          { required: true, whitespace: true, message: t("regulations.repeal.reasonRequired") },
          { min: 4, message: t("regulations.repeal.reasonRequired") },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </RegulationDialog>
  );
}

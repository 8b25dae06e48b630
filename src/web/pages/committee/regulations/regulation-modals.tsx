import { Alert, App, DatePicker, Form, Input, Modal, Select, TreeSelect, Typography } from "antd";
import dayjs from "dayjs";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { RegulationCategory } from "../../../../features/regulations/contract";
import {
  type RegulationView,
  useAdoptRegulation,
  useCreateRegulation,
  useHigherRegulations,
  useRecordHigherRegulation,
  useRepealRegulation,
  useReviseRegulation,
  useUpdateRegulation,
} from "../../../api/regulations";
import { calendarDate, type PickedDate } from "../../../components/dates";
import { InstitutionField } from "../../../components/institution-picker";
import { unitTree } from "../../../components/unit-tree-select";
import { useUnits } from "../../../api/accounts";
import { useFormSubmit } from "../../../components/use-form-submit";
import { type ContentValues, ContentFields, contentOf } from "./content-fields";
import { REGULATION_CATEGORIES, regulationUrl, useRegulationNames } from "./names";

/** The frame every dialog here shares: title, intro, the no-secrets warning, the server's refusal. */
function Dialog({
  title,
  ok,
  intro,
  busy,
  problem,
  onOk,
  onClose,
  warn = false,
  children,
  width = 640,
}: {
  title: string;
  ok: string;
  intro: string;
  busy: boolean;
  problem: string | null;
  onOk: () => void;
  onClose: () => void;
  warn?: boolean;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={ok}
      confirmLoading={busy}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      {warn && <Alert className="form-error" type="warning" showIcon title={t("regulations.noSecrets")} />}
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      {children}
    </Modal>
  );
}

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
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateForm>();
  const create = useCreateRegulation();
  const { submit, problem } = useFormSubmit<CreateForm>(
    form,
    async (values) => {
      const view = await create.mutateAsync({
        title: values.title.trim(),
        documentNo: values.documentNo?.trim() || undefined,
        category: values.category,
        unitId: values.unitId,
        institutionId: values.institutionId,
        ...(await contentOf(values)),
      });
      void message.success(t("regulations.create.done"));
      onClose();
      void navigate(regulationUrl(view.id));
    },
    { "body.file.name": "file", "body.file.contentBase64": "file" },
  );
  return (
    <Dialog
      title={t("regulations.create.title")}
      ok={t("regulations.create.submit")}
      intro={t("regulations.create.intro")}
      busy={create.isPending}
      problem={problem}
      onOk={submit}
      onClose={onClose}
      warn
      width={760}
    >
      <Form<CreateForm>
        form={form}
        name="create-regulation"
        layout="vertical"
        requiredMark={false}
        initialValues={{ category: "general", contentKind: "text" }}
      >
        <InstitutionField permission="regulation.manage" />
        <TitleFields />
        <Form.Item name="unitId" label={t("regulations.create.unit")} extra={t("regulations.create.unitHint")}>
          <IssuingUnitSelect />
        </Form.Item>
        <ContentFields />
      </Form>
    </Dialog>
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
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const update = useUpdateRegulation(r.id);
  const { submit, problem } = useFormSubmit<EditForm>(
    form,
    async (values) => {
      await update.mutateAsync({
        title: values.title.trim(),
        documentNo: values.documentNo?.trim() || null,
        category: values.category,
        ...(await contentOf(values)),
      });
      void message.success(t("regulations.edit.done"));
      onClose();
    },
    { "body.file.name": "file", "body.file.contentBase64": "file" },
  );
  const draft = r.versions.find((v) => v.current);
  return (
    <Dialog
      title={t("regulations.edit.title")}
      ok={t("regulations.edit.submit")}
      intro={t("regulations.create.intro")}
      busy={update.isPending}
      problem={problem}
      onOk={submit}
      onClose={onClose}
      warn
      width={760}
    >
      <Form<EditForm>
        form={form}
        name="edit-regulation"
        layout="vertical"
        requiredMark={false}
        initialValues={{
          title: r.title,
          documentNo: r.documentNo ?? undefined,
          category: r.category,
          contentKind: draft?.file ? "file" : "text",
          text: draft?.text ?? undefined,
        }}
      >
        <TitleFields />
        <ContentFields optional />
      </Form>
    </Dialog>
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
  const { message } = App.useApp();
  const [form] = Form.useForm<AdoptForm>();
  const adopt = useAdoptRegulation(r.id);
  const { submit, problem } = useFormSubmit<AdoptForm>(form, async (values) => {
    await adopt.mutateAsync({
      effectiveOn: calendarDate(values.effectiveOn) ?? "",
      documentNo: values.documentNo?.trim() || undefined,
      answers: values.answers ?? [],
    });
    void message.success(t("regulations.adopt.done"));
    onClose();
  });
  return (
    <Dialog
      title={t("regulations.adopt.title")}
      ok={t("regulations.adopt.submit")}
      intro={t("regulations.adopt.intro")}
      busy={adopt.isPending}
      problem={problem}
      onOk={submit}
      onClose={onClose}
    >
      <Form<AdoptForm>
        form={form}
        name="adopt-regulation"
        layout="vertical"
        requiredMark={false}
        initialValues={{ effectiveOn: dayjs(), documentNo: r.documentNo ?? undefined }}
      >
        <Form.Item
          name="effectiveOn"
          label={t("regulations.adopt.effectiveOn")}
          rules={[{ required: true, message: t("regulations.adopt.effectiveOnRequired") }]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item name="documentNo" label={t("regulations.adopt.documentNo")}>
          <Input maxLength={60} />
        </Form.Item>
        {r.level === "institution" && <AnswersField />}
      </Form>
    </Dialog>
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
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviseForm>();
  const revise = useReviseRegulation(r.id);
  const { submit, problem } = useFormSubmit<ReviseForm>(
    form,
    async (values) => {
      await revise.mutateAsync({
        effectiveOn: calendarDate(values.effectiveOn) ?? "",
        changeSummary: values.changeSummary.trim(),
        documentNo: values.documentNo?.trim() || undefined,
        answers: values.answers ?? [],
        ...(await contentOf(values)),
      });
      void message.success(t("regulations.revise.done"));
      onClose();
    },
    { "body.file.name": "file", "body.file.contentBase64": "file" },
  );
  const current = r.versions.find((v) => v.current);
  return (
    <Dialog
      title={t("regulations.revise.title")}
      ok={t("regulations.revise.submit")}
      intro={t("regulations.revise.intro")}
      busy={revise.isPending}
      problem={problem}
      onOk={submit}
      onClose={onClose}
      warn
      width={760}
    >
      <Form<ReviseForm>
        form={form}
        name="revise-regulation"
        layout="vertical"
        requiredMark={false}
        initialValues={{ effectiveOn: dayjs(), contentKind: "text", text: current?.text ?? undefined }}
      >
        <div className="filter-grid">
          <Form.Item
            name="effectiveOn"
            label={t("regulations.adopt.effectiveOn")}
            rules={[{ required: true, message: t("regulations.adopt.effectiveOnRequired") }]}
          >
            <DatePicker className="full-width" />
          </Form.Item>
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
      </Form>
    </Dialog>
  );
}

interface RepealForm {
  repealedOn: PickedDate;
  reason: string;
}

/** 废止: from a date, with the reason. */
export function RepealModal({ regulation: r, onClose }: { regulation: RegulationView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RepealForm>();
  const repeal = useRepealRegulation(r.id);
  const { submit, problem } = useFormSubmit<RepealForm>(form, async (values) => {
    await repeal.mutateAsync({ repealedOn: calendarDate(values.repealedOn) ?? "", reason: values.reason.trim() });
    void message.success(t("regulations.repeal.done"));
    onClose();
  });
  return (
    <Dialog
      title={t("regulations.repeal.title")}
      ok={t("regulations.repeal.submit")}
      intro={t("regulations.repeal.intro")}
      busy={repeal.isPending}
      problem={problem}
      onOk={submit}
      onClose={onClose}
    >
      <Form<RepealForm>
        form={form}
        name="repeal-regulation"
        layout="vertical"
        requiredMark={false}
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
      </Form>
    </Dialog>
  );
}

interface HigherForm {
  issuer: string;
  documentNo: string;
  title: string;
  issuedOn: PickedDate;
  summary?: string;
  institutionId?: string;
}

/** 登记上级法规: raises the obligation to adopt or revise the institution's rules after it (第十三条第（四）项). */
export function HigherRegulationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<HigherForm>();
  const record = useRecordHigherRegulation();
  const { submit, problem } = useFormSubmit<HigherForm>(form, async (values) => {
    await record.mutateAsync({
      issuer: values.issuer.trim(),
      documentNo: values.documentNo.trim(),
      title: values.title.trim(),
      issuedOn: calendarDate(values.issuedOn) ?? "",
      summary: values.summary?.trim() || undefined,
      institutionId: values.institutionId,
    });
    void message.success(t("regulations.higher.done"));
    onClose();
  });
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Dialog
      title={t("regulations.higher.modalTitle")}
      ok={t("regulations.higher.submit")}
      intro={t("regulations.higher.modalIntro")}
      busy={record.isPending}
      problem={problem}
      onOk={submit}
      onClose={onClose}
      warn
    >
      <Form<HigherForm> form={form} name="higher-regulation" layout="vertical" requiredMark={false}>
        <InstitutionField permission="regulation.manage" />
        <Form.Item
          name="issuer"
          label={t("regulations.higher.issuer")}
          rules={required(t("regulations.higher.issuerRequired"))}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="documentNo"
          label={t("regulations.higher.documentNo")}
          rules={required(t("regulations.higher.documentNoRequired"))}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("regulations.higher.docTitle")}
          rules={[
            ...required(t("regulations.higher.docTitleRequired")),
            { min: 4, message: t("regulations.higher.docTitleRequired") },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t("regulations.higher.issuedOn")}
          rules={[{ required: true, message: t("regulations.higher.issuedOnRequired") }]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item name="summary" label={t("regulations.higher.summary")}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

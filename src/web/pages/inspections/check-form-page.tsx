import { CameraOutlined, FileWordOutlined, FlagOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Popconfirm, Skeleton, Space, Tag, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { errorMessage } from "../../api/error-message";
import {
  type InspectionView,
  uploadOf,
  useAttachPhoto,
  useCloseInspection,
  useInspection,
  useOpinionDownload,
  useSaveResults,
} from "../../api/inspections";
import { usePageTitle } from "../../components/page-title";
import { saveBlob } from "../../components/save-blob";
import { DischargesCard } from "../obligations/discharges-card";
import { AttachmentList } from "./attachment-list";
import { FindingModal } from "./finding-modal";
import { FindingsTable } from "./findings-table";
import { ItemAnswer, type ItemAnswerValue, type TemplateItem } from "./item-answer";
import "./inspections.css";

type Item = TemplateItem;
type Answer = ItemAnswerValue;

/**
 * The check form (检查表) an inspector fills on site, phone first: one item per card with large answer buttons, a score
 * where the item scores, a note, photos; the draft is saved and resumed; findings are recorded against an item; the
 * inspection closes once every item has a result, and the opinion (检查意见书) downloads as .docx.
 */
export function CheckFormPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const inspection = useInspection(id);
  if (inspection.isPending) return <Skeleton active />;
  if (inspection.isError) return <Alert type="error" showIcon title={errorMessage(inspection.error, t)} />;
  return <CheckForm key={inspection.data.id} view={inspection.data} />;
}

function CheckForm({ view }: { view: InspectionView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(`${view.unit.name} · ${t("inspections.check.title")}`);
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(
      view.results.map((r) => [r.itemId, { outcome: r.outcome, score: r.score, note: r.note ?? undefined }]),
    ),
  );
  const [findingFor, setFindingFor] = useState<Item | null>(null);
  const save = useSaveResults(view.id);
  const close = useCloseInspection(view.id);
  const opinion = useOpinionDownload(view.id);
  const editable = view.abilities.record;
  const set = (itemId: string, change: Answer) => setAnswers((a) => ({ ...a, [itemId]: { ...a[itemId], ...change } }));
  const recorded = Object.values(answers).filter((a) => a.outcome).length;

  const saveDraft = (then?: () => void) =>
    save.mutate(
      {
        results: Object.entries(answers).flatMap(([itemId, a]) =>
          a.outcome
            ? [{ itemId, outcome: a.outcome, score: a.outcome === "na" ? null : (a.score ?? null), note: a.note ?? "" }]
            : [],
        ),
      },
      {
        onSuccess: () => (then ? then() : void message.success(t("inspections.check.saved"))),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  const finish = () =>
    saveDraft(() =>
      close.mutate(
        {},
        {
          onSuccess: () => void message.success(t("inspections.check.closed")),
          onError: (error) => void message.error(errorMessage(error, t)),
        },
      ),
    );
  const download = () =>
    opinion.mutate(undefined, {
      onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  return (
    <div data-testid="inspection-check" className="check-form">
      <div className="check-head">
        <Typography.Title level={3} className="page-title">
          {view.unit.name}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="check-sub">
          <Link to={`/inspections/plans/${view.plan.id}`}>{view.plan.title}</Link>
          {" · "}
          {view.template.title.zh}
        </Typography.Paragraph>
        <Space wrap>
          <Tag color={view.status === "closed" ? "green" : "blue"}>{view.statusName}</Tag>
          <Tag>{t("inspections.check.recordedOf", { recorded, total: view.itemCount })}</Tag>
          <Tag>{t("inspections.check.score", { earned: view.score.earned, possible: view.score.possible })}</Tag>
          {view.score.vetoed && <Tag color="red">{t("inspections.check.vetoed")}</Tag>}
        </Space>
      </div>
      {view.template.sections.map((section) => (
        <section key={section.id} className="check-section">
          <Typography.Title level={5}>{section.title.zh}</Typography.Title>
          {section.items.map((item) => (
            <CheckItem
              key={item.id}
              view={view}
              item={item}
              answer={answers[item.id] ?? {}}
              editable={editable}
              onChange={(change) => set(item.id, change)}
              onFinding={() => setFindingFor(item)}
            />
          ))}
        </section>
      ))}
      <Card title={t("inspections.check.findings")} className="panel-block">
        <FindingsTable items={view.findings} compact />
      </Card>
      <DischargesCard
        obligations={view.obligations}
        title={t("inspections.discharges.title")}
        testId="inspection-discharges"
        pending={view.status === "closed" ? undefined : t("inspections.discharges.whenClosed")}
      />
      <div className="check-actions">
        {editable && (
          <Button size="large" icon={<SaveOutlined />} loading={save.isPending} onClick={() => saveDraft()}>
            {t("inspections.check.saveDraft")}
          </Button>
        )}
        {view.abilities.close && (
          <Popconfirm title={t("inspections.check.closeConfirm")} onConfirm={finish}>
            <Button size="large" type="primary" loading={close.isPending}>
              {t("inspections.check.close")}
            </Button>
          </Popconfirm>
        )}
        <Button size="large" icon={<FileWordOutlined />} loading={opinion.isPending} onClick={download}>
          {t("inspections.check.opinion")}
        </Button>
      </div>
      {findingFor && <FindingModal inspectionId={view.id} item={findingFor} onClose={() => setFindingFor(null)} />}
    </div>
  );
}

function CheckItem(props: {
  view: InspectionView;
  item: Item;
  answer: Answer;
  editable: boolean;
  onChange: (change: Answer) => void;
  onFinding: () => void;
}) {
  const { view, item, answer, editable, onChange } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const attach = useAttachPhoto(view.id);
  const fileInput = useRef<HTMLInputElement>(null);
  const photos = view.attachments.filter((a) => a.itemId === item.id && a.findingId === null);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    attach.mutate(await uploadOf(file, item.id), {
      onSuccess: () => void message.success(t("inspections.check.photoAdded")),
      onError: (error) => void message.error(errorMessage(error, t)),
    });
  };
  return (
    <Card className="check-item" data-testid={`check-item-${item.id}`} size="small">
      <ItemAnswer
        item={item}
        citation={view.citations[item.article] ?? item.article}
        answer={answer}
        editable={editable}
        onChange={onChange}
      />
      <AttachmentList items={photos} urlOf={(aid) => `/api/inspections/${view.id}/attachments/${aid}`} />
      {editable && (
        <div className="check-item-actions">
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            data-testid={`photo-${item.id}`}
            onChange={(e) => void upload(e.target.files?.[0])}
          />
          <Button
            size="large"
            icon={<CameraOutlined />}
            loading={attach.isPending}
            onClick={() => fileInput.current?.click()}
          >
            {t("inspections.check.photo")}
          </Button>
          <Button size="large" icon={<FlagOutlined />} onClick={props.onFinding}>
            {t("inspections.check.addFinding")}
          </Button>
        </div>
      )}
    </Card>
  );
}

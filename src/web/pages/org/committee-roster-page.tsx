import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { allowed, useCurrentUser } from "../../app/access";
import { errorMessage } from "../../api/error-message";
import {
  type Delegation,
  type RosterView,
  useCommittee,
  useCommitteeExport,
  useCreateDelegation,
} from "../../api/responsibility";
import { AsOfDate, asOf } from "../../components/as-of-date";
import { calendarDate, type PickedDate } from "../../components/dates";
import { saveBlob } from "../../components/save-blob";
import { HolderLine } from "./chain-page";
import { CitationPopover } from "./my-duties-page";
import { OrgPageHeader } from "./org-page-header";
import { useArticleText } from "./policy-text";
import { useFormSubmit } from "../../components/use-form-submit";

type Seat = RosterView["seats"][number];

const SEAT_COLOURS = { director: "red", deputyDirector: "volcano", member: "blue" } as const;

/**
 * 保密委员会组成 (第八条): the director, deputies and members on a date, derived from the posts that fill them, with
 * vacancies marked; the director's delegations in force (第十条第（二）项); export to .xlsx.
 */
export function CommitteeRosterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [date, setDate] = useState<PickedDate | null>(null);
  const at = asOf(date);
  const roster = useCommittee(at);
  const exporter = useCommitteeExport();
  const articleText = useArticleText();
  const [delegating, setDelegating] = useState(false);
  const canManage = allowed(me, "org.manage");
  const data = roster.data;
  const vacancies = data?.seats.filter((s) => s.holders.length === 0).length ?? 0;

  const exportRoster = () =>
    exporter.mutate(
      { at },
      {
        onSuccess: ({ blob, filename }) => {
          saveBlob(blob, filename);
          void message.success(t("org.committee.exported"));
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  return (
    <>
      <OrgPageHeader
        page="committee"
        extra={
          <Space wrap>
            <AsOfDate value={date} onChange={setDate} />
            <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={exportRoster} disabled={!data}>
              {t("org.committee.export")}
            </Button>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDelegating(true)} disabled={!data}>
                {t("org.committee.delegate")}
              </Button>
            )}
          </Space>
        }
      />
      {roster.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(roster.error, t)} />}
      {data && (
        <Card
          className="stack-card"
          data-testid="committee-roster"
          title={
            <Space wrap>
              <span>{t("org.committee.title", { institution: data.institution.name })}</span>
              <CitationPopover citation={data.citation} text={articleText(data.article)} />
            </Space>
          }
          extra={<Typography.Text type="secondary">{t("org.chain.at", { at: data.at })}</Typography.Text>}
        >
          {vacancies > 0 && (
            <Alert
              className="list-error"
              type="warning"
              showIcon
              title={t("org.committee.vacancies", { count: vacancies })}
            />
          )}
          <Table<Seat>
            rowKey={(s) => `${s.seat}-${s.basis}-${s.unit?.id ?? ""}`}
            size="middle"
            dataSource={data.seats}
            pagination={false}
            scroll={{ x: 760 }}
            loading={roster.isFetching && roster.isPlaceholderData}
            columns={[
              {
                key: "seat",
                title: t("org.committee.seat"),
                width: 110,
                render: (_, s) => <Tag color={SEAT_COLOURS[s.seat]}>{t(`org.seats.${s.seat}`)}</Tag>,
              },
              {
                key: "basis",
                title: t("org.committee.basisColumn"),
                render: (_, s) =>
                  s.unit ? (
                    <Space size={4} wrap>
                      <span>{t("org.committee.headOf", { unit: s.unit.name })}</span>
                      {s.unit.classified && <Tag color="gold">{t("org.classifiedUnit")}</Tag>}
                    </Space>
                  ) : (
                    s.basisName
                  ),
              },
              {
                key: "holders",
                title: t("org.committee.holder"),
                render: (_, s) =>
                  s.holders.length === 0 ? (
                    <Tag color="error">{t("org.vacant")}</Tag>
                  ) : (
                    s.holders.map((h) => <HolderLine key={h.personId} holder={h} />)
                  ),
              },
            ]}
          />
        </Card>
      )}
      {data && (
        <Card
          className="stack-card"
          data-testid="delegations"
          title={
            <Space wrap>
              <span>{t("org.committee.delegations")}</span>
              <CitationPopover citation={t("org.committee.delegationCitation")} text={articleText("art10.2")} />
            </Space>
          }
        >
          {data.delegations.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("org.committee.noDelegations")} />
          ) : (
            <Table<Delegation>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.delegations}
              columns={[
                { key: "delegate", title: t("org.committee.delegateTo"), render: (_, d) => d.delegate.name },
                { key: "purpose", title: t("org.committee.purpose"), dataIndex: "purpose" },
                {
                  key: "period",
                  title: t("org.committee.period"),
                  render: (_, d) => t("org.period", { from: d.startsOn, to: d.endsOn }),
                },
              ]}
            />
          )}
        </Card>
      )}
      {data && canManage && <DelegationModal open={delegating} roster={data} onClose={() => setDelegating(false)} />}
    </>
  );
}

interface DelegationForm {
  delegatePersonId: string;
  purpose: string;
  startsOn?: PickedDate | null;
  endsOn?: PickedDate | null;
}

/** Records the director's delegation to a sitting deputy director to call and chair a meeting. */
function DelegationModal({ open, roster, onClose }: { open: boolean; roster: RosterView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DelegationForm>();
  const create = useCreateDelegation();
  const deputies = roster.seats
    .filter((s) => s.seat === "deputyDirector")
    .flatMap((s) => s.holders.map((h) => ({ value: h.personId, label: `${h.personName}（${h.basisName}）` })));

  const { submit, problem, clearProblem } = useFormSubmit<DelegationForm>(form, async (values) => {
    await create.mutateAsync({
      institutionId: roster.institution.id,
      delegatePersonId: values.delegatePersonId,
      purpose: values.purpose,
      startsOn: calendarDate(values.startsOn) ?? "",
      endsOn: calendarDate(values.endsOn) ?? "",
    });
    form.resetFields();
    void message.success(t("org.committee.delegated"));
    onClose();
  });

  return (
    <Modal
      open={open}
      title={t("org.committee.delegateTitle")}
      okText={t("org.committee.delegateSubmit")}
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("org.committee.delegateIntro")}</Typography.Paragraph>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<DelegationForm> form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item
          name="delegatePersonId"
          label={t("org.committee.delegateTo")}
          extra={t("org.committee.delegateToHint", { at: roster.at })}
          rules={[{ required: true, message: t("org.committee.delegateRequired") }]}
        >
          <Select options={deputies} notFoundContent={t("org.committee.noDeputies")} />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t("org.committee.purpose")}
          rules={[
            { required: true, whitespace: true, message: t("org.committee.purposeRequired") },
            { max: 200, message: t("org.committee.purposeTooLong") },
          ]}
        >
          <Input placeholder={t("org.committee.purposePlaceholder")} maxLength={200} />
        </Form.Item>
        <Space wrap className="date-pair">
          <Form.Item
            name="startsOn"
            label={t("org.startsOn")}
            rules={[{ required: true, message: t("org.startsOnRequired") }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t("org.endsOn")}
            dependencies={["startsOn"]}
            rules={[
              { required: true, message: t("org.endsOnRequired") },
              ({ getFieldValue }) => ({
                validator: (_rule, value: PickedDate | null | undefined) => {
                  const start = calendarDate(getFieldValue("startsOn") as PickedDate | null);
                  const end = calendarDate(value);
                  return start === null || end === null || end >= start
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("org.endBeforeStart")));
                },
              }),
            ]}
          >
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Space,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { allowed, useCurrentUser } from "../../app/access";
import {
  type AcademicCalendar,
  type ScheduleSettings,
  useObligationSettings,
  useSaveSchedule,
} from "../../api/obligations";
import { errorMessage } from "../../api/error-message";
import { useFormSubmit } from "../../components/use-form-submit";

const WINDOWS = ["start", "mid", "end"] as const;
type WindowId = (typeof WINDOWS)[number];

interface ScheduleForm {
  startFrom: string;
  startTo: string;
  midFrom: string;
  midTo: string;
  endFrom: string;
  endTo: string;
  dueSoonDays: number;
  escalationDays: number;
}

const fromField = (id: WindowId) => `${id}From` as const;
const toField = (id: WindowId) => `${id}To` as const;

// The server names nested fields (body.windows.start.to); the form keeps them flat.
const ALIASES: Record<string, string> = {
  ...Object.fromEntries(
    WINDOWS.flatMap((id) => [
      [`body.windows.${id}.from`, fromField(id)],
      [`body.windows.${id}.to`, toField(id)],
    ]),
  ),
  "body.timings.dueSoonDays": "dueSoonDays",
  "body.timings.escalationDays": "escalationDays",
};

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// February has 28: a window ending on 02-29 would name a day most years lack.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function toForm(s: ScheduleSettings): ScheduleForm {
  return {
    startFrom: s.windows.start.from,
    startTo: s.windows.start.to,
    midFrom: s.windows.mid.from,
    midTo: s.windows.mid.to,
    endFrom: s.windows.end.from,
    endTo: s.windows.end.to,
    dueSoonDays: s.timings.dueSoonDays,
    escalationDays: s.timings.escalationDays,
  };
}

function fromForm(v: ScheduleForm): ScheduleSettings {
  const span = (id: WindowId) => ({ from: v[fromField(id)].trim(), to: v[toField(id)].trim() });
  return {
    windows: { start: span("start"), mid: span("mid"), end: span("end") },
    timings: { dueSoonDays: v.dueSoonDays, escalationDays: v.escalationDays },
  };
}

/**
 * 履职提醒设置: the year windows (年初/年中/年底, Art. 12(2)) the yearly duties fall due in, how early "due soon"
 * begins and how often an overdue obligation climbs one level of the chain. The secrecy office edits them; anyone else
 * who opens the page reads them (from the academic calendar, which everyone may read).
 */
export function ScheduleSettingsCard({ calendar }: { calendar: AcademicCalendar | undefined }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = allowed(me, "obligation.manage");
  const settings = useObligationSettings(canManage);

  let body;
  if (canManage && settings.isPending) body = <Skeleton active />;
  else if (canManage && settings.data) body = <ScheduleEditor settings={settings.data} />;
  else {
    const shown = settings.data ?? (calendar && fromCalendar(calendar));
    body = shown ? <ScheduleView settings={shown} /> : <Skeleton active />;
  }

  return (
    <Card className="stack-card" title={t("obligations.schedule.title")} data-testid="schedule-settings">
      <Typography.Paragraph type="secondary">{t("obligations.schedule.intro")}</Typography.Paragraph>
      {settings.isError && (
        <Alert className="form-error" type="warning" showIcon title={errorMessage(settings.error, t)} />
      )}
      {!canManage && <Typography.Paragraph type="secondary">{t("obligations.schedule.readOnly")}</Typography.Paragraph>}
      {body}
    </Card>
  );
}

function fromCalendar(calendar: AcademicCalendar): ScheduleSettings {
  const span = (id: WindowId) => {
    const w = calendar.windows.find((x) => x.id === id);
    return { from: w?.from ?? "", to: w?.to ?? "" };
  };
  return { windows: { start: span("start"), mid: span("mid"), end: span("end") }, timings: calendar.timings };
}

function ScheduleView({ settings }: { settings: ScheduleSettings }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={12}>
        <Typography.Title level={5}>{t("obligations.schedule.windows")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("obligations.schedule.windowsHint")}</Typography.Paragraph>
        <Descriptions
          column={1}
          size="small"
          bordered
          items={WINDOWS.map((id) => ({
            key: id,
            label: t(`obligations.schedule.windowNames.${id}`),
            children: t("obligations.academic.window", settings.windows[id]),
          }))}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Title level={5}>{t("obligations.schedule.timings")}</Typography.Title>
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            {
              key: "dueSoon",
              label: t("obligations.schedule.dueSoonDays"),
              children: t("obligations.academic.days", { count: settings.timings.dueSoonDays }),
            },
            {
              key: "escalation",
              label: t("obligations.schedule.escalationDays"),
              children: t("obligations.academic.days", { count: settings.timings.escalationDays }),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" className="card-note">
          {t("obligations.schedule.dueSoonHint")}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" className="card-note">
          {t("obligations.schedule.escalationHint")}
        </Typography.Paragraph>
      </Col>
    </Row>
  );
}

function ScheduleEditor({ settings }: { settings: ScheduleSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScheduleForm>();
  const save = useSaveSchedule();
  const { submit, problem } = useFormSubmit<ScheduleForm>(
    form,
    async (values) => {
      const saved = await save.mutateAsync(fromForm(values));
      form.setFieldsValue(toForm(saved));
      void message.success(t("obligations.schedule.saved"));
    },
    ALIASES,
  );

  const monthDay = (_: unknown, value: string | undefined): Promise<void> => {
    const text = (value ?? "").trim();
    if (text === "") return Promise.reject(new Error(t("obligations.schedule.monthDayRequired")));
    if (!MONTH_DAY.test(text)) return Promise.reject(new Error(t("obligations.schedule.monthDayFormat")));
    const [month = 0, day = 0] = text.split("-").map(Number);
    if (month === 2 && day === 29) return Promise.reject(new Error(t("obligations.schedule.leapDay")));
    if (day > (DAYS_IN_MONTH[month - 1] ?? 31))
      return Promise.reject(new Error(t("obligations.schedule.noSuchDay", { month, day })));
    return Promise.resolve();
  };

  return (
    <Form<ScheduleForm>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={toForm(settings)}
      onFinish={() => submit()}
      className="schedule-form"
    >
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Row gutter={[24, 0]}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t("obligations.schedule.windows")}</Typography.Title>
          <Typography.Paragraph type="secondary">{t("obligations.schedule.windowsHint")}</Typography.Paragraph>
          {WINDOWS.map((id) => {
            const name = t(`obligations.schedule.windowNames.${id}`);
            return (
              <Form.Item key={id} label={name} required>
                <Space align="start" wrap>
                  <Form.Item name={fromField(id)} noStyle rules={[{ validator: monthDay }]}>
                    <Input
                      className="month-day-input"
                      maxLength={5}
                      placeholder="MM-DD"
                      aria-label={t("obligations.schedule.from", { window: name })}
                    />
                  </Form.Item>
                  <Typography.Text className="month-day-through">{t("obligations.schedule.through")}</Typography.Text>
                  <Form.Item
                    name={toField(id)}
                    noStyle
                    dependencies={[fromField(id)]}
                    rules={[
                      { validator: monthDay },
                      ({ getFieldValue }) => ({
                        validator: (_, value: string | undefined) => {
                          const from = String(getFieldValue(fromField(id)) ?? "").trim();
                          const to = (value ?? "").trim();
                          return !MONTH_DAY.test(from) || !MONTH_DAY.test(to) || to >= from
                            ? Promise.resolve()
                            : Promise.reject(new Error(t("obligations.schedule.toBeforeFrom", { window: name })));
                        },
                      }),
                    ]}
                  >
                    <Input
                      className="month-day-input"
                      maxLength={5}
                      placeholder="MM-DD"
                      aria-label={t("obligations.schedule.to", { window: name })}
                    />
                  </Form.Item>
                </Space>
              </Form.Item>
            );
          })}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t("obligations.schedule.timings")}</Typography.Title>
          <Form.Item
            name="dueSoonDays"
            label={t("obligations.schedule.dueSoonDays")}
            extra={t("obligations.schedule.dueSoonHint")}
            rules={[
              { required: true, message: t("obligations.schedule.dueSoonRange") },
              { type: "integer", min: 1, max: 90, message: t("obligations.schedule.dueSoonRange") },
            ]}
          >
            <InputNumber min={1} max={90} precision={0} suffix={t("obligations.schedule.days")} />
          </Form.Item>
          <Form.Item
            name="escalationDays"
            label={t("obligations.schedule.escalationDays")}
            extra={t("obligations.schedule.escalationHint")}
            rules={[
              { required: true, message: t("obligations.schedule.escalationRange") },
              { type: "integer", min: 1, max: 60, message: t("obligations.schedule.escalationRange") },
            ]}
          >
            <InputNumber min={1} max={60} precision={0} suffix={t("obligations.schedule.days")} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" className="schedule-effect">
        {t("obligations.schedule.effect")}
      </Typography.Paragraph>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("obligations.schedule.save")}
        </Button>
        <Button onClick={() => form.resetFields()} disabled={save.isPending}>
          {t("common.reset")}
        </Button>
      </Space>
    </Form>
  );
}

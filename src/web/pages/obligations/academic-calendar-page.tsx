import { SyncOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Popconfirm, Row, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/error-message";
import { type TermView, useAcademicCalendar, useMaterialize } from "../../api/obligations";
import { currentYear, yearOptions } from "./filter-options";
import { ObligationsPageHeader } from "./obligations-page-header";
import { ScheduleSettingsCard } from "./schedule-settings-card";
import { TermModal } from "./term-modal";

/**
 * 校历: the semesters obligations of a semester cadence fall in (第十二条第（一）项: a regular meeting every semester).
 * Until the office saves the institution's own dates, the platform's defaults stand in, and say so. Below, the year
 * windows and the due-soon and escalation timings (履职提醒设置), which the office edits here too.
 */
export function AcademicCalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const thisYear = currentYear();
  const [range, setRange] = useState<[number, number]>([thisYear - 1, thisYear + 1]);
  const calendar = useAcademicCalendar(range[0], range[1]);
  const materialize = useMaterialize();
  const [editing, setEditing] = useState<TermView | null>(null);
  const [year, setYear] = useState(thisYear);

  const regenerate = () =>
    materialize.mutate(year, {
      onSuccess: (r) => void message.success(t("obligations.academic.materialized", { ...r })),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  return (
    <>
      <ObligationsPageHeader page="academicCalendar" />
      {calendar.isError && (
        <Alert className="list-error" type="error" showIcon title={errorMessage(calendar.error, t)} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            className="stack-card"
            title={
              calendar.data
                ? t("obligations.academic.termsOf", { institution: calendar.data.institution.name })
                : t("obligations.academic.terms")
            }
            extra={
              <Space size={4}>
                <Select<number>
                  aria-label={t("obligations.academic.from")}
                  className="year-select"
                  value={range[0]}
                  options={yearOptions()}
                  onChange={(from) => setRange(([, to]) => [from, Math.max(from, to)])}
                />
                <Typography.Text type="secondary">—</Typography.Text>
                <Select<number>
                  aria-label={t("obligations.academic.to")}
                  className="year-select"
                  value={range[1]}
                  options={yearOptions()}
                  onChange={(to) => setRange(([from]) => [Math.min(from, to), to])}
                />
              </Space>
            }
          >
            <Table<TermView>
              rowKey="id"
              size="middle"
              loading={calendar.isPending}
              dataSource={calendar.data?.terms ?? []}
              pagination={false}
              scroll={{ x: 560 }}
              data-testid="terms"
              columns={[
                { key: "name", title: t("obligations.academic.term"), render: (_, term) => term.name },
                {
                  key: "startsOn",
                  title: t("obligations.academic.startsOn"),
                  width: 110,
                  render: (_, term) => term.startsOn,
                },
                {
                  key: "endsOn",
                  title: t("obligations.academic.endsOn"),
                  width: 110,
                  render: (_, term) => term.endsOn,
                },
                {
                  key: "source",
                  title: t("obligations.academic.source"),
                  width: 100,
                  render: (_, term) =>
                    term.stored ? (
                      <Tag color="green">{t("obligations.academic.stored")}</Tag>
                    ) : (
                      <Tag>{t("obligations.academic.default")}</Tag>
                    ),
                },
                {
                  key: "actions",
                  title: t("common.actions"),
                  width: 80,
                  render: (_, term) => (
                    <Button size="small" onClick={() => setEditing(term)}>
                      {t("obligations.academic.edit")}
                    </Button>
                  ),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" className="card-note">
              {t("obligations.academic.defaultNote")}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card className="stack-card" title={t("obligations.academic.materialize")}>
            <Typography.Paragraph type="secondary">{t("obligations.academic.materializeIntro")}</Typography.Paragraph>
            <Space wrap>
              <Select<number>
                aria-label={t("obligations.filters.year")}
                className="year-select"
                value={year}
                options={yearOptions()}
                onChange={setYear}
              />
              <Popconfirm
                title={t("obligations.academic.materializeConfirm", { year })}
                description={t("obligations.academic.materializeBody")}
                onConfirm={regenerate}
              >
                <Button icon={<SyncOutlined />} loading={materialize.isPending}>
                  {t("obligations.academic.materializeSubmit", { year })}
                </Button>
              </Popconfirm>
            </Space>
          </Card>
        </Col>
        <Col span={24}>
          <ScheduleSettingsCard calendar={calendar.data} />
        </Col>
      </Row>
      {editing && (
        <TermModal term={editing} institutionId={calendar.data?.institution.id} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

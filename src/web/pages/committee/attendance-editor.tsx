import { SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Form, Input, Radio, Skeleton, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ATTENDANCE_KINDS } from "../../../domain/meeting";
import { errorMessage } from "../../api/error-message";
import { type AttendanceKind, type MeetingView, useMeetingCommittee, useRecordAttendance } from "../../api/meetings";
import { beijingInstant, type PickedDate } from "../../components/dates";
import { AttendeePicker } from "./attendee-picker";
import { useMeetingNames } from "./status-tags";

interface Row {
  personId: string;
  name: string;
  seat: string | null;
}

interface Entry {
  kind: AttendanceKind;
  note: string;
}

/**
 * The attendance form: every seat of the committee on the meeting day (from /committee) with 出席 / 请假 / 列席, a
 * note, people attending without a seat, and when the meeting was held.
 */
export function AttendanceEditor({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const names = useMeetingNames();
  const seatName = names.seat;
  const { message } = App.useApp();
  const committee = useMeetingCommittee(m.id);
  const record = useRecordAttendance(m.id);
  // A meeting is recorded once it took place: a planned time still ahead gives way to now.
  const [heldAt, setHeldAt] = useState<PickedDate | null>(() =>
    dayjs(m.heldAt ?? (Date.parse(m.plannedAt) <= Date.now() ? m.plannedAt : undefined))
      .second(0)
      .millisecond(0),
  );
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(m.attendance.map((a) => [a.person.id, { kind: a.kind, note: a.note ?? "" }])),
  );
  const [guests, setGuests] = useState<Row[]>(() =>
    m.attendance
      .filter((a) => a.seat === null)
      .map((a) => ({ personId: a.person.id, name: a.person.name, seat: null })),
  );
  const [problem, setProblem] = useState<string | null>(null);

  const rows = useMemo(() => {
    const seated: Row[] = (committee.data?.seats ?? []).map((s) => ({
      personId: s.person.id,
      name: s.person.name,
      seat: seatName(s.seat, s.seatName),
    }));
    const known = new Set(seated.map((r) => r.personId));
    return [...seated, ...guests.filter((g) => !known.has(g.personId))];
  }, [committee.data, guests, seatName]);

  // A seat not yet recorded is 出席 until the office says otherwise; a guest attends without a seat.
  const entryOf = (row: Row): Entry => entries[row.personId] ?? { kind: row.seat ? "present" : "nonVoting", note: "" };
  const change = (row: Row, patch: Partial<Entry>) =>
    setEntries((old) => ({ ...old, [row.personId]: { ...entryOf(row), ...patch } }));

  const submit = async () => {
    setProblem(null);
    try {
      await record.mutateAsync({
        heldAt: beijingInstant(heldAt),
        entries: rows.map((row) => {
          const entry = entryOf(row);
          return { personId: row.personId, kind: entry.kind, note: entry.note.trim() || undefined };
        }),
      });
      void message.success(t("committee.attendance.saved"));
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  };

  if (committee.isPending) return <Skeleton active />;
  return (
    <div data-testid="attendance-editor">
      <Typography.Paragraph type="secondary">{t("committee.attendance.intro")}</Typography.Paragraph>
      {committee.isError && (
        <Alert className="form-error" type="error" showIcon title={errorMessage(committee.error, t)} />
      )}
      <Form layout="vertical" className="panel-form" name="attendance">
        <Form.Item label={t("committee.attendance.heldAt")} htmlFor="attendance-held-at">
          <DatePicker
            id="attendance-held-at"
            showTime={{ format: "HH:mm" }}
            format="YYYY-MM-DD HH:mm"
            value={heldAt}
            onChange={(value: PickedDate | null) => setHeldAt(value)}
            className="full-width"
          />
        </Form.Item>
      </Form>
      <Table<Row>
        rowKey="personId"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { key: "name", title: t("committee.attendance.person"), width: 140, render: (_, r) => r.name },
          { key: "seat", title: t("committee.attendance.seat"), width: 180, render: (_, r) => r.seat ?? "—" },
          {
            key: "kind",
            title: t("committee.attendance.kind"),
            width: 230,
            render: (_, r) => (
              <Radio.Group
                aria-label={t("committee.attendance.kindOf", { name: r.name })}
                value={entryOf(r).kind}
                onChange={(event) => change(r, { kind: event.target.value as AttendanceKind })}
                options={ATTENDANCE_KINDS.map((k) => ({ value: k, label: names.attendance(k) }))}
              />
            ),
          },
          {
            key: "note",
            title: t("committee.attendance.note"),
            render: (_, r) => (
              <Input
                size="small"
                maxLength={200}
                aria-label={t("committee.attendance.noteOf", { name: r.name })}
                value={entryOf(r).note}
                onChange={(event) => change(r, { note: event.target.value })}
              />
            ),
          },
        ]}
      />
      <Space className="panel-block attendance-guests" wrap>
        <Typography.Text>{t("committee.attendance.addGuest")}</Typography.Text>
        <AttendeePicker
          exclude={rows.map((r) => r.personId)}
          onPick={(personId, name) => setGuests((old) => [...old, { personId, name, seat: null }])}
        />
      </Space>
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Button type="primary" icon={<SaveOutlined />} loading={record.isPending} onClick={() => void submit()}>
        {t("committee.attendance.save")}
      </Button>
    </div>
  );
}

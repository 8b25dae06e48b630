import { Empty, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { NoteView } from "../../../api/supervision";
import { formatBeijing } from "../../../components/format";

/** The written supervision notes (督查意见), unit by unit, each unit's in the order they were written. */
export function NotesTable({ notes }: { notes: readonly NoteView[] }) {
  const { t } = useTranslation();
  const units = [...new Set(notes.map((n) => n.unit.id))];
  const rows = units.flatMap((unitId) => {
    const own = notes.filter((n) => n.unit.id === unitId);
    return own.map((note, index) => ({ note, span: index === 0 ? own.length : 0 }));
  });
  return (
    <Table
      rowKey={(row) => row.note.id}
      size="small"
      bordered
      data-testid="notes"
      dataSource={rows}
      pagination={false}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("committee.supervision.notes.empty")} />,
      }}
      columns={[
        {
          key: "unit",
          title: t("committee.supervision.notes.unit"),
          width: 170,
          onCell: (row) => ({ rowSpan: row.span }),
          render: (_, row) => <Typography.Text strong>{row.note.unit.name}</Typography.Text>,
        },
        {
          key: "text",
          title: t("committee.supervision.notes.text"),
          render: (_, row) => <div className="note-text">{row.note.text}</div>,
        },
        {
          key: "at",
          title: t("committee.supervision.notes.at"),
          width: 200,
          render: (_, row) => <span className="nowrap">{formatBeijing(row.note.createdAt)}</span>,
        },
      ]}
    />
  );
}

import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FindingSummary } from "../../api/inspections";

const SEVERITY_COLORS = { minor: "default", major: "orange", serious: "red" } as const;

/** Findings with their unit, item, severity, deadline and status; overdue and repeated ones are marked. */
export function FindingsTable(props: {
  items: readonly FindingSummary[];
  loading?: boolean;
  compact?: boolean;
  empty?: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<FindingSummary>
      rowKey="id"
      size={props.compact ? "small" : "middle"}
      dataSource={[...props.items]}
      loading={props.loading ?? false}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: props.empty ?? t("inspections.findings.empty") }}
      columns={[
        {
          title: t("inspections.finding.description"),
          key: "description",
          render: (_, f) => (
            <span>
              <Link to={`/inspections/findings/${f.id}`}>{f.description}</Link>
              {f.repeated && (
                <Tag color="purple" className="tag-after">
                  {t("inspections.finding.repeated")}
                </Tag>
              )}
            </span>
          ),
        },
        ...(props.compact
          ? []
          : [
              {
                title: t("inspections.finding.unit"),
                key: "unit",
                render: (_: unknown, f: FindingSummary) => f.unit.name,
              },
            ]),
        {
          title: t("inspections.finding.severity"),
          key: "severity",
          render: (_, f) => <Tag color={SEVERITY_COLORS[f.severity]}>{f.severityName}</Tag>,
        },
        {
          title: t("inspections.finding.deadline"),
          key: "deadline",
          render: (_, f) => (
            <span>
              {f.deadline}
              {f.overdue && (
                <Tag color="red" className="tag-after">
                  {t("inspections.finding.overdue")}
                </Tag>
              )}
            </span>
          ),
        },
        { title: t("inspections.finding.status"), key: "status", render: (_, f) => f.statusName },
        { title: t("inspections.finding.owner"), key: "owner", render: (_, f) => f.owner?.name ?? "—" },
      ]}
    />
  );
}

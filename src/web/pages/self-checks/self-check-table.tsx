import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SelfCheckSummary } from "../../api/self-checks";

export const SELF_CHECK_COLORS = { draft: "blue", submitted: "orange", confirmed: "green" } as const;

/** The status of a self-check as a coloured tag. */
export function SelfCheckStatusTag({ status }: { status: SelfCheckSummary["status"] }) {
  const { t } = useTranslation();
  return <Tag color={SELF_CHECK_COLORS[status]}>{t(`selfChecks.statuses.${status}`)}</Tag>;
}

/** Self-checks with their person, unit, period, progress, items not met and status; each opens its page. */
export function SelfCheckTable(props: {
  items: readonly SelfCheckSummary[];
  loading?: boolean;
  empty: string;
  /** Hide the person and unit (my own self-checks). */
  own?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<SelfCheckSummary>
      rowKey="id"
      data-testid={props.testId}
      dataSource={[...props.items]}
      loading={props.loading ?? false}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: props.empty }}
      columns={[
        ...(props.own
          ? []
          : [
              {
                title: t("selfChecks.fields.person"),
                key: "person",
                render: (_: unknown, s: SelfCheckSummary) => s.person.name,
              },
              {
                title: t("selfChecks.fields.unit"),
                key: "unit",
                render: (_: unknown, s: SelfCheckSummary) => s.unit.name,
              },
            ]),
        {
          title: t("selfChecks.fields.period"),
          key: "period",
          render: (_, s) => <Link to={`/self-checks/${s.id}`}>{s.period}</Link>,
        },
        { title: t("selfChecks.fields.due"), key: "due", render: (_, s) => s.dueOn ?? "—" },
        {
          title: t("selfChecks.fields.progress"),
          key: "progress",
          render: (_, s) => t("selfChecks.progress", { answered: s.answered, total: s.itemCount }),
        },
        {
          title: t("selfChecks.fields.failed"),
          key: "failed",
          render: (_, s) => (s.failed > 0 ? <Tag color="red">{s.failed}</Tag> : s.failed),
        },
        {
          title: t("selfChecks.fields.status"),
          key: "status",
          render: (_, s) => <SelfCheckStatusTag status={s.status} />,
        },
      ]}
    />
  );
}

import { Empty, Space, Table, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ReportSummary } from "../../api/reports";
import { formatBeijing } from "../../components/format";
import { ReportStatusTag, useReportNames } from "./report-names";
import { reportUrl } from "./reports-nav";

/** Beijing time to the minute: 2027-01-12 10:30. */
export function minuteOf(iso: string | null | undefined): string {
  return iso ? formatBeijing(iso).slice(0, 16) : "—";
}

/** The reports as a table: title and kind, recipient, year, status, document number, when signed and sent. */
export function ReportTable({
  items,
  loading,
  empty,
}: {
  items: readonly ReportSummary[];
  loading?: boolean;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const names = useReportNames();
  return (
    <div data-testid="report-list">
      <Table<ReportSummary>
        rowKey="id"
        loading={loading}
        dataSource={[...items]}
        pagination={false}
        scroll={{ x: 960 }}
        onRow={(r) => ({ onClick: () => void navigate(reportUrl(r.id)), className: "clickable-row" })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        columns={[
          {
            key: "title",
            title: t("reports.fields.title"),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={reportUrl(r.id)} onClick={(event) => event.stopPropagation()}>
                  {r.title}
                </Link>
                <Typography.Text type="secondary" className="bearer-note">
                  {names.kind(r.kind)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "recipient",
            title: t("reports.fields.recipient"),
            width: 150,
            render: (_, r) => names.recipient(r.recipient),
          },
          { key: "year", title: t("reports.fields.year"), width: 80, render: (_, r) => r.year },
          {
            key: "status",
            title: t("reports.fields.status"),
            width: 110,
            render: (_, r) => <ReportStatusTag status={r.status} />,
          },
          {
            key: "number",
            title: t("reports.fields.number"),
            width: 150,
            render: (_, r) => <span className="nowrap">{r.number ?? "—"}</span>,
          },
          {
            key: "signedAt",
            title: t("reports.fields.signedAt"),
            width: 150,
            render: (_, r) => <span className="nowrap">{minuteOf(r.signedAt)}</span>,
          },
          {
            key: "submittedAt",
            title: t("reports.fields.submittedAt"),
            width: 150,
            render: (_, r) => <span className="nowrap">{minuteOf(r.submittedAt)}</span>,
          },
        ]}
      />
    </div>
  );
}

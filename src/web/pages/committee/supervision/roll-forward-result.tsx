import { Alert, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Difference, RollForwardResult } from "../../../api/supervision";

const KIND_COLOURS: Record<Difference["kind"], string> = { added: "green", removed: "red", changed: "blue" };

/** What rolling last year forward carried, and how this year's drafts differ from last year's — to check before saving. */
export function RollForwardResultView({
  year,
  result,
  onClose,
}: {
  year: number;
  result: RollForwardResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="panel-block" data-testid="roll-forward-result">
      <Alert
        className="form-error"
        type="success"
        showIcon
        title={t("committee.supervision.rollForward.done", { from: year - 1, count: result.carried })}
        description={
          result.differences.length > 0
            ? t("committee.supervision.rollForward.check")
            : t("committee.supervision.rollForward.noDifferences")
        }
        closable={{ onClose }}
      />
      {result.differences.length > 0 && (
        <Table<Difference>
          rowKey={(d) => `${d.kind}:${d.item}:${d.detail}`}
          size="small"
          dataSource={result.differences}
          pagination={false}
          columns={[
            {
              key: "kind",
              title: t("committee.supervision.rollForward.kind"),
              width: 90,
              render: (_, d) => (
                <Tag color={KIND_COLOURS[d.kind]}>{t(`committee.supervision.rollForward.kinds.${d.kind}`)}</Tag>
              ),
            },
            { key: "item", title: t("committee.supervision.rollForward.item"), render: (_, d) => d.item },
            { key: "detail", title: t("committee.supervision.rollForward.detail"), render: (_, d) => d.detail },
          ]}
        />
      )}
    </div>
  );
}

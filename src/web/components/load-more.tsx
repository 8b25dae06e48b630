import { Button, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** Under a keyset-paginated table: "加载更多" while the server has a next page, else how many rows are shown. */
export function LoadMore({
  count,
  hasMore,
  loading,
  onLoad,
}: {
  count: number;
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
}) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <div className="load-more">
      {hasMore ? (
        <Button onClick={onLoad} loading={loading}>
          {t("common.loadMore")}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t("common.allLoaded", { count })}</Typography.Text>
      )}
    </div>
  );
}

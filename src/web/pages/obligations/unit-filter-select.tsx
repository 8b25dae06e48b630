import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useUnits } from "../../api/accounts";
import { unitTree } from "../../components/unit-tree-select";

/** A unit filter from the tree that can be cleared (no unit = every unit in scope). */
export function UnitFilterSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const tree = useMemo(() => unitTree(units.data?.items ?? []), [units.data]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(picked?: string) => onChange?.(picked)}
      treeData={tree}
      treeDefaultExpandAll
      allowClear
      showSearch={{ treeNodeFilterProp: "title" }}
      loading={units.isPending}
      placeholder={t("obligations.filters.allUnits")}
      notFoundContent={units.isError ? t("units.loadFailed") : t("units.none")}
      className="full-width"
      popupMatchSelectWidth={320}
    />
  );
}

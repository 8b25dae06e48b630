import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type UnitView, useUnits } from "../api/accounts";

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

/** Builds the unit tree from the flat list (parentId links); units whose parent is not listed become roots. */
export function unitTree(units: readonly UnitView[]): TreeNode[] {
  const nodes = new Map(units.map((u) => [u.id, { value: u.id, title: u.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const unit of [...units].sort((a, b) => a.path.localeCompare(b.path))) {
    const node = nodes.get(unit.id);
    if (!node) continue;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Picks one unit from the tree (a grant's scope covers the unit and everything below it). */
export function UnitTreeSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const tree = useMemo(() => unitTree(units.data?.items ?? []), [units.data]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={tree}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: "title" }}
      loading={units.isPending}
      placeholder={t("units.pick")}
      notFoundContent={units.isError ? t("units.loadFailed") : t("units.none")}
      className="full-width"
    />
  );
}

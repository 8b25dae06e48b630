/**
 * Units in the order the organization tree shows them: each unit right after its parent, siblings by their sort order
 * and then name. A list of units from anywhere in the tree (a plan's units: a school and its departments) sorted by
 * sort order alone would put the departments before their school.
 */
import { pathIds } from "./responsibility.js";

export interface TreePlace {
  sortOrder: number;
  name: string;
}

/**
 * Sorts rows by their unit's place in the tree. `path` is the unit's materialized path; `places` holds the sort
 * order and name of every unit on those paths (a unit missing from it sorts as 0 and its id).
 */
export function inTreeOrder<T>(
  rows: readonly T[],
  path: (row: T) => string,
  places: ReadonlyMap<string, TreePlace>,
): T[] {
  const keys = new Map(
    rows.map((row) => [row, pathIds(path(row)).map((id) => places.get(id) ?? { sortOrder: 0, name: id })]),
  );
  const compare = (a: TreePlace[], b: TreePlace[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x.sortOrder !== y.sortOrder) return x.sortOrder - y.sortOrder;
      if (x.name !== y.name) return x.name < y.name ? -1 : 1;
    }
    return a.length - b.length;
  };
  return [...rows].sort((a, b) => compare(keys.get(a) ?? [], keys.get(b) ?? []));
}

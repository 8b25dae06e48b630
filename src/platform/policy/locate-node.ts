/**
 * Finds where in a YAML document a schema issue points, so that a policy author is sent to the right line: the
 * offending value itself, an unknown key's own line, or — for a key that is missing — the mapping that lacks it.
 */
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";

export interface Position {
  line: number;
  column: number;
}

export interface Located {
  position: Position;
  /** The node at the full path, when it exists (a missing key has none). */
  node: Node | null;
}

/** The position of the node at `path`, or of its deepest existing ancestor; `key` names a key inside that node. */
export function locate(doc: Document, lines: LineCounter, path: readonly PropertyKey[], key?: string): Located {
  let node: Node | null = isNode(doc.contents) ? doc.contents : null;
  if (!node) return { position: { line: 1, column: 1 }, node: null };
  for (const segment of path) {
    const child = childOf(node, segment);
    if (!child) return { position: positionOf(node, lines), node: null };
    node = child;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (pair && isNode(pair.key)) return { position: positionOf(pair.key, lines), node };
  }
  return { position: positionOf(node, lines), node };
}

function childOf(node: Node, segment: PropertyKey): Node | null {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
    );
    return pair && isNode(pair.value) ? pair.value : null;
  }
  if (isSeq(node) && typeof segment === "number") {
    const item: unknown = node.items[segment];
    return isNode(item) ? item : null;
  }
  return null;
}

function positionOf(node: Node, lines: LineCounter): Position {
  const offset = node.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

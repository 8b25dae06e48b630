import type {
  DraftText,
  RubricDraft,
  RubricDraftBand,
  RubricDraftItem,
  RubricDraftSection,
  RubricVersionView,
} from "../../api/rubrics";
import { pathOf } from "./editor-parts";

/** What the rubric editor's form holds: the draft (total may be cleared to null by its input) and the 修订说明. */
export type EditorValues = Omit<RubricDraft, "total"> & { total?: number | null; note?: string };

/** Scores are floating point (steps of 0.5 or 0.1); sums are shown to six decimals at most, as the server keeps them. */
export const tidy = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The points a list of items is worth: the points items only (deductions come off, vetoes score nothing). */
export function pointsOf(items: readonly Partial<RubricDraftItem>[] | undefined): number {
  return tidy(
    (items ?? [])
      .filter((item) => item?.kind === "points")
      .reduce((sum, item) => sum + (typeof item.points === "number" ? item.points : 0), 0),
  );
}

/** A new points item: worth nothing until the office gives it points. */
export function blankItem(id: string): RubricDraftItem {
  return { id, title: { zh: "" }, kind: "points", points: 1, step: 0.5, canExclude: true, articles: [], law: [] };
}

/** What the editor opens with: the version being revised, without what the server adds (version, origin, …). */
export function draftOf(version: RubricVersionView): RubricDraft {
  const { id, title, article, total, bands, sections } = version;
  return structuredClone({
    id,
    title,
    article,
    ...(total !== undefined ? { total } : {}),
    bands,
    sections: sections.map((section) => ({
      id: section.id,
      title: section.title,
      items: section.items.map((item) => ({
        id: item.id,
        title: item.title,
        ...(item.guidance ? { guidance: item.guidance } : {}),
        kind: item.kind,
        points: item.points,
        step: item.step,
        canExclude: item.canExclude,
        articles: item.articles,
        law: item.law,
      })),
    })),
  });
}

/** A text as the server takes it: the Chinese, and the English only when there is some (else the Chinese stands in). */
function textOf(value: Partial<DraftText> | undefined): DraftText {
  const zh = (value?.zh ?? "").trim();
  const en = (value?.en ?? "").trim();
  return en ? { zh, en } : { zh };
}

/** The form's values as the request body's `rubric`: empty English left out, cleared total and guidance dropped. */
export function draftFrom(values: EditorValues): RubricDraft {
  const band = (b: RubricDraftBand): RubricDraftBand => {
    const en = (b.en ?? "").trim();
    return { min: b.min, key: (b.key ?? "").trim(), zh: (b.zh ?? "").trim(), ...(en ? { en } : {}) };
  };
  const item = (i: RubricDraftItem): RubricDraftItem => ({
    id: (i.id ?? "").trim(),
    title: textOf(i.title),
    ...(i.guidance?.zh?.trim() ? { guidance: textOf(i.guidance) } : {}),
    kind: i.kind,
    points: i.points ?? 0,
    step: i.step,
    ...(typeof i.canExclude === "boolean" ? { canExclude: i.canExclude } : {}),
    articles: i.articles ?? [],
    law: i.law ?? [],
  });
  const section = (s: RubricDraftSection): RubricDraftSection => ({
    id: (s.id ?? "").trim(),
    title: textOf(s.title),
    items: (s.items ?? []).map(item),
  });
  return {
    id: values.id,
    title: textOf(values.title),
    article: values.article,
    ...(typeof values.total === "number" ? { total: values.total } : {}),
    bands: (values.bands ?? []).map(band),
    sections: (values.sections ?? []).map(section),
  };
}

// The form fields a server issue can be shown under; the rest go in the alert above the form.
const PLACEABLE = [
  /^(title\.(zh|en)|total|note)$/,
  /^bands\.\d+\.(min|key|zh|en)$/,
  /^sections\.\d+\.(id|title\.(zh|en))$/,
  /^sections\.\d+\.items\.\d+\.(id|title\.(zh|en)|guidance\.(zh|en)|kind|points|step|canExclude|articles|law)$/,
];

/**
 * `body.rubric.sections.0.items.2.points` → ["sections", 0, "items", 2, "points"], the form field it names; one tag of
 * a tags field (`…articles.1`) names the field. Null when the form shows no such field (`article`, `id`, …).
 */
export function fieldPath(field: string): (string | number)[] | null {
  const path = field
    .replace(/^body\.rubric\./, "")
    .replace(/^body\.(note)$/, "$1")
    .replace(/\.(articles|law)\.\d+$/, ".$1");
  return PLACEABLE.some((pattern) => pattern.test(path)) ? pathOf(path) : null;
}

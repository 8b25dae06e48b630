/**
 * The versions of a document an institution revises — a checklist template (检查表), a scoring rubric (评分表): the
 * shipped one, then each one its secrecy office saved. Saving is the next version; the latest of each id is the one
 * new records freeze. The storage is each feature's own table; the shape and the "latest of each" rule are here.
 */

export interface SavedVersion<T> {
  body: T;
  origin: "shipped" | "institution";
  savedAt: string | null;
  savedBy: string | null;
  note: string | null;
}

export function shippedVersion<T>(body: T): SavedVersion<T> {
  return { body, origin: "shipped", savedAt: null, savedBy: null, note: null };
}

/** A stored version from its row (the body as JSON text, who saved it by display name), parsed by the caller's schema. */
export function storedVersion<T>(
  row: { body: string; note: string | null; created_at: string; display_name: string | null },
  parse: (json: unknown) => T,
): SavedVersion<T> {
  return {
    body: parse(JSON.parse(row.body)),
    origin: "institution",
    savedAt: row.created_at,
    savedBy: row.display_name,
    note: row.note,
  };
}

/** The latest version of each id: the shipped ones, each replaced by the newest stored one (`stored` oldest first). */
export function latestOfEach<T>(
  shipped: readonly SavedVersion<T>[],
  stored: readonly SavedVersion<T>[],
  idOf: (body: T) => string,
): SavedVersion<T>[] {
  const latest = new Map<string, SavedVersion<T>>();
  for (const version of [...shipped, ...stored]) latest.set(idOf(version.body), version);
  return [...latest.values()];
}

/** A version as the API answers it: the document's own fields and where it comes from. */
export function presentVersion<T extends object>(v: SavedVersion<T>) {
  return {
    ...v.body,
    origin: v.origin,
    originName: v.origin === "shipped" ? "平台内置" : "本校修订",
    savedAt: v.savedAt,
    savedBy: v.savedBy,
    note: v.note,
  };
}

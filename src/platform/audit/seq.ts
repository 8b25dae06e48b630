/** Sequence numbers as they come back from either driver. */

/** A seq from a row: a number from better-sqlite3, a string from pg's bigint; refused when not a safe integer. */
export function toSeq(value: number | string | bigint): number {
  const seq = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`not a valid audit seq: ${String(value)}`);
  return seq;
}

/**
 * Canonical JSON: the one byte sequence a value hashes and signs as. It is the RFC 8785 (JCS) form for the subset of
 * values the audit log stores — object keys sorted by UTF-16 code units, no whitespace, strings and finite numbers as
 * `JSON.stringify` writes them (which is what JCS specifies). Anything whose serialization could be ambiguous (a
 * bigint, a Date, a Map, a class instance, a non-finite number, `undefined` inside an array) is refused rather than
 * guessed at, so that two writers can never hash the same event differently. Object properties whose value is
 * `undefined` are left out, as `JSON.stringify` does.
 */

/** A value canonical JSON accepts. */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue };

/** The canonical JSON text of a value; throws `TypeError` for values it cannot represent unambiguously. */
export function canonicalJson(value: unknown): string {
  return write(value, "$");
}

function write(value: unknown, where: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`${where}: a non-finite number has no JSON form`);
      return JSON.stringify(value);
    case "object":
      return Array.isArray(value) ? writeArray(value, where) : writeObject(value, where);
    default:
      throw new TypeError(`${where}: a ${typeof value} has no canonical JSON form`);
  }
}

function writeArray(items: unknown[], where: string): string {
  const parts = items.map((item, index) => {
    if (item === undefined) throw new TypeError(`${where}[${index}]: undefined has no JSON form`);
    return write(item, `${where}[${index}]`);
  });
  return `[${parts.join(",")}]`;
}

function writeObject(value: object, where: string): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`${where}: only plain objects have a canonical JSON form`);
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, which is exactly the key order RFC 8785 prescribes.
  const keys = Object.keys(record).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${write(item, `${where}.${key}`)}`);
  }
  return `{${parts.join(",")}}`;
}

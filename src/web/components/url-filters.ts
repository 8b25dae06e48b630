import { useSearchParams } from "react-router";

/**
 * A list's filters kept in the address, so a link or a reload opens the list as it was filtered. `parse` reads them,
 * dropping what could never be valid; `apply` writes a whole set (undefined ones left out) and `change` one of them.
 * Both replace the history entry: Back leaves the list instead of undoing one filter at a time.
 */
export function useUrlFilters<F extends object>(parse: (params: URLSearchParams) => F) {
  const [params, setParams] = useSearchParams();
  const filters = parse(params);
  const apply = (next: F) =>
    setParams(Object.fromEntries(Object.entries(next).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))), {
      replace: true,
    });
  const change =
    <K extends keyof F>(key: K) =>
    (value: F[K] | undefined) =>
      apply({ ...filters, [key]: value });
  // Whether anything narrows the list: its empty text then says nothing matched rather than that there is nothing.
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return { filters, apply, change, filtered };
}

/**
 * The address's query and a setter of one of its keys (an empty value removes it), for the statistics pages whose
 * year and unit live there; like the filters, a change replaces the history entry.
 */
export function useQueryParam(): [URLSearchParams, (key: string, value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );
  return [params, setParam];
}

import { useMutation } from "@tanstack/react-query";
import { apiDownload, queryString } from "./client";

type Filters = Record<string, string | number | boolean | undefined>;

/** GET <path>/export with a list's filters: the .xlsx the list's export button saves. */
export function useListExport(path: string, fallbackName: string) {
  return useMutation({
    mutationFn: async (filters: Filters) => {
      const { blob, filename } = await apiDownload(`${path}/export${queryString({ ...filters })}`);
      return { blob, filename: filename ?? fallbackName };
    },
  });
}

/** The largest evidence file the server takes (its contract: base64 of at most 5 MB). */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** A file's bytes as base64, read in the browser (FileReader's data: URL, without its `data:…;base64,` head). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === "string" ? reader.result : "";
      const comma = url.indexOf(",");
      resolve(comma >= 0 ? url.slice(comma + 1) : "");
    };
    reader.onerror = () => reject(reader.error ?? new Error("file could not be read"));
    reader.readAsDataURL(file);
  });
}

/**
 * Vitest reporters for every suite: the default one, plus a JSON report when BAOMI_TEST_REPORT names a file.
 * `.ci/run` sets it for each suite and sums the reports into its last line.
 */
type Reporter = string | [string, Record<string, unknown>];

export function reportersFromEnv(): Reporter[] {
  const file = process.env.BAOMI_TEST_REPORT;
  return file ? ["default", ["json", { outputFile: file }]] : ["default"];
}

// Sums the JSON reports of every suite into the one closing line CI is read by: "N passed, N failed".
// A suite that failed without writing a report (a type error, a lint error, a crash) counts as one failure.
import console from "node:console";
import fs from "node:fs";
import process from "node:process";
import path from "node:path";

const [dir, ...failedSuites] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const suite = path.basename(file, ".json");
  console.log(`${suite}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
for (const suite of failedSuites) {
  if (!fs.existsSync(path.join(dir, `${suite}.json`))) {
    console.log(`${suite}: failed before reporting any test`);
    failed += 1;
  }
}
if (failedSuites.length > 0) console.log(`failed suites: ${failedSuites.join(", ")}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failedSuites.length > 0 || passed === 0 ? 1 : 0);

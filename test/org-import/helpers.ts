/** Workbooks for the import tests, built with exceljs as a user's spreadsheet program would, and an uploader. */
import ExcelJS from "exceljs";
import { type FastifyInstance, type LightMyRequestResponse } from "fastify";
import { APPOINTMENT_COLUMNS, PERSON_COLUMNS, SHEETS, UNIT_COLUMNS } from "../../src/features/org-import/columns.js";
import { registerOrgImportRoutes } from "../../src/features/org-import/routes.js";
import { XLSX_TYPE } from "../../src/platform/documents/xlsx.js";
import { type Client } from "../factories.js";

type Cell = ExcelJS.CellValue;

export interface Sheets {
  units?: Cell[][];
  people?: Cell[][];
  appointments?: Cell[][];
  /** Extra sheets by name, rows as given. */
  extra?: Record<string, Cell[][]>;
}

/** An .xlsx with the template's headers and the given rows (in the template's column order). */
export async function workbookOf(sheets: Sheets): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, columns, rows] of [
    [SHEETS.units, UNIT_COLUMNS, sheets.units],
    [SHEETS.people, PERSON_COLUMNS, sheets.people],
    [SHEETS.appointments, APPOINTMENT_COLUMNS, sheets.appointments],
  ] as const) {
    if (!rows) continue;
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(columns.map((c) => c.header));
    for (const row of rows) sheet.addRow(row);
  }
  for (const [name, rows] of Object.entries(sheets.extra ?? {})) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Until the lead adds the line to src/features/index.ts, the tests register the routes themselves. */
export async function ensureImportRoutes(app: FastifyInstance): Promise<void> {
  if (!app.hasRoute({ method: "POST", url: "/api/org/import" })) await registerOrgImportRoutes(app);
}

/** POSTs the workbook's bytes as the browser does. */
export function upload(client: Client, file: Buffer): Promise<LightMyRequestResponse> {
  return client.request("POST", "/api/org/import", file, { "content-type": XLSX_TYPE });
}

/** Row counts of the tables an import writes. */
export async function orgCounts(app: FastifyInstance): Promise<Record<string, number>> {
  const count = async (table: "unit" | "person" | "appointment") =>
    Number(
      (
        await app.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { units: await count("unit"), people: await count("person"), appointments: await count("appointment") };
}

export interface RefusalBody {
  code: string;
  message: string;
  details: {
    errors?: { sheet: string; row: number; column: string | null; field: string | null; message: { zh: string } }[];
    total?: number;
    omitted?: number;
    marking?: { text: string; level: string; place: Record<string, unknown> };
  };
}

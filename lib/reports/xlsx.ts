import ExcelJS from "exceljs";
import type { CellValue } from "./table";

/**
 * One worksheet with a bold header row, numbers kept numeric. Text cells are written as strings,
 * never as formulas, so spreadsheet formula injection does not apply to them.
 */
export async function toXlsx(sheetName: string, headers: readonly string[], rows: readonly (readonly CellValue[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  // Sheet names: at most 31 characters, none of []:*?/\
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Report");
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (v === null ? "" : v)));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  headers.forEach((h, i) => {
    const widest = Math.max(h.length, ...rows.map((r) => String(r[i] ?? "").length));
    sheet.getColumn(i + 1).width = Math.min(Math.max(widest + 2, 8), 60);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

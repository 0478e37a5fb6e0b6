import "server-only";
import { getDb } from "@/db";
import { reportTexts } from "@/app/_components/reports/labeler";
import { notFound, unauthorized } from "@/lib/api/http";
import { clientIp } from "@/lib/auth/client-ip";
import { exportReport, type ExportFormat } from "@/lib/dal/reports/reports";
import { getViewerForRequest } from "@/lib/dal/viewer";
import { LOCALES, type Locale } from "@/lib/i18n/routing";
import { toCsv } from "@/lib/reports/csv";
import { parseReportFilter } from "@/lib/reports/filter";
import { displayRows } from "@/lib/reports/table";
import { toXlsx } from "@/lib/reports/xlsx";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A report as CSV or XLSX: the rows of runReport (the page's query) with the page's texts, in the
 * language asked for; each download is written to the audit log.
 */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }): Promise<Response> {
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized();
  const { report } = await params;
  const query = new URL(request.url).searchParams;
  const format: ExportFormat = query.get("format") === "xlsx" ? "xlsx" : "csv";
  const locale: Locale = LOCALES.find((l) => l === query.get("locale")) ?? "kk";
  const filter = parseReportFilter(query, todayInKazakhstan());
  const db = await getDb();
  const text = await reportTexts(await loadReferenceData(db), locale);
  const out = await exportReport(db, viewer, report, filter, {
    format,
    ip: clientIp(request.headers),
    render: async ({ definition, rows }): Promise<string | Buffer> => {
      const headers = definition.columns.map((c) => text.message(`reports.columns.${c.key}`, c.key));
      const cells = displayRows(definition.columns, rows, text.labels);
      return format === "xlsx" ? toXlsx(text.message(`reports.titles.${definition.id}`, definition.id), headers, cells) : toCsv(headers, cells);
    },
  });
  if (!out) return notFound();
  const name = `${out.result.definition.id}-${filter.from}-${filter.to}.${format}`;
  return new Response(typeof out.file === "string" ? out.file : new Uint8Array(out.file), {
    status: 200,
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

import "server-only";
import { getDb } from "@/db";
import { notFound, unauthorized } from "@/lib/api/http";
import { clientIp } from "@/lib/auth/client-ip";
import { downloadRefugeeList } from "@/lib/dal/refugee-renewal";
import { getViewerForRequest } from "@/lib/dal/viewer";

/** RF-11: a stored monthly list as CSV or PDF, for supervisors of the service and auditors; each download is audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized();
  const { id } = await params;
  const format = new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "csv";
  const list = await downloadRefugeeList(await getDb(), viewer, id, format, clientIp(request.headers));
  if (!list) return notFound();
  const name = `refugees-${list.periodStart.slice(0, 7)}.${format}`;
  const body = format === "pdf" ? Buffer.from(list.pdf) : `\uFEFF${list.csv}`;
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": format === "pdf" ? "application/pdf" : "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

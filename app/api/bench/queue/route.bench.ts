import { benchViewer } from "@/bench/minimal-viewer";
import { getDb } from "@/db";
import { listQueue } from "@/lib/dal/cases";

export const dynamic = "force-dynamic";

/** Benchmark baseline for GET /api/v1/cases: the same queue query, nothing else (bench builds only). */
export async function GET(): Promise<Response> {
  const page = await listQueue(await getDb(), await benchViewer(), {});
  return Response.json({ items: page.rows, nextCursor: page.nextCursor, total: page.total });
}

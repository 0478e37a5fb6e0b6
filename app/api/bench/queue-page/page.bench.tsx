import { benchViewer } from "@/bench/minimal-viewer";
import { getDb } from "@/db";
import { listQueue } from "@/lib/dal/cases";

export const dynamic = "force-dynamic";

/** Benchmark baseline for /staff/queue: the same queue query rendered as a bare table (bench builds only). */
export default async function BenchQueuePage() {
  const page = await listQueue(await getDb(), await benchViewer(), {});
  return (
    <main>
      <h1>Queue ({page.total})</h1>
      <table>
        <tbody>
          {page.rows.map((r) => (
            <tr key={r.id}>
              <td>{r.reference}</td>
              <td>{r.status}</td>
              <td>{r.applicantName}</td>
              <td>{r.dueOn}</td>
              <td>{r.assigneeName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

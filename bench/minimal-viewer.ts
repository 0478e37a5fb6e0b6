import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { viewerOf } from "@/db/seed/users";
import type { Viewer } from "@/lib/engine/types";

/**
 * The baseline of the queue benchmark: the same listQueue queries for a fixed officer, with no
 * session, no layout and no translations. Only in a benchmark build (BENCH_BUILD=1, see
 * next.config.mjs): the files that use it are named *.bench.ts(x), which other builds ignore.
 */
let viewer: Promise<Viewer> | null = null;

export function benchViewer(): Promise<Viewer> {
  viewer ??= (async () => {
    const email = process.env.BENCH_VIEWER_EMAIL ?? "officer.almaty@demo.kz";
    const [row] = await (await getDb()).select().from(users).where(eq(users.email, email));
    if (!row) throw new Error(`No user ${email} for the benchmark baseline`);
    return viewerOf(row);
  })();
  return viewer;
}

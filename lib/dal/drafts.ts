import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { applicationDrafts } from "@/db/schema";
import type { Viewer } from "@/lib/engine/types";

/**
 * Applicants' drafts. Only an applicant has drafts (a clerk files a walk-in application in one
 * sitting and keeps it in the browser tab); every query is limited to the viewer's own rows.
 */

export type Draft = typeof applicationDrafts.$inferSelect;

/** Drafts bigger than this are refused: a form's answers are a few kilobytes. */
export const MAX_DRAFT_BYTES = 64 * 1024;

function ownerOf(viewer: Viewer): string | null {
  return viewer.kind === "user" && viewer.role === "applicant" ? viewer.userId : null;
}

export async function myDraft(db: DbOrTx, viewer: Viewer, service: string): Promise<Draft | null> {
  const owner = ownerOf(viewer);
  if (!owner) return null;
  const [row] = await db
    .select()
    .from(applicationDrafts)
    .where(and(eq(applicationDrafts.ownerId, owner), eq(applicationDrafts.service, service)));
  return row ?? null;
}

export async function myDrafts(db: DbOrTx, viewer: Viewer): Promise<Draft[]> {
  const owner = ownerOf(viewer);
  if (!owner) return [];
  return db.select().from(applicationDrafts).where(eq(applicationDrafts.ownerId, owner)).orderBy(desc(applicationDrafts.updatedAt));
}

export type SaveDraftResult = { ok: true; draft: Draft } | { ok: false; error: "forbidden" | "too_large" } | { ok: false; error: "conflict"; draft: Draft | null };

/**
 * Creates or updates the viewer's draft of a service. `expectedVersion` is the version the device
 * last saw (null: it saw none): a save from a device that missed a newer save elsewhere is refused
 * with the current draft, so nobody silently overwrites answers typed on another device.
 */
export async function saveDraft(
  db: Db,
  viewer: Viewer,
  input: { id: string; service: string; step: string | null; data: Record<string, unknown>; expectedVersion: number | null },
  now = new Date(),
): Promise<SaveDraftResult> {
  const owner = ownerOf(viewer);
  if (!owner) return { ok: false, error: "forbidden" };
  if (JSON.stringify(input.data).length > MAX_DRAFT_BYTES) return { ok: false, error: "too_large" };
  if (input.expectedVersion === null) {
    const [created] = await db
      .insert(applicationDrafts)
      .values({ id: input.id, ownerId: owner, service: input.service, step: input.step, data: input.data, version: 1, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (created) return { ok: true, draft: created };
  } else {
    const [updated] = await db
      .update(applicationDrafts)
      .set({ step: input.step, data: input.data, version: sql`${applicationDrafts.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(applicationDrafts.id, input.id),
          eq(applicationDrafts.ownerId, owner),
          eq(applicationDrafts.service, input.service),
          eq(applicationDrafts.version, input.expectedVersion),
        ),
      )
      .returning();
    if (updated) return { ok: true, draft: updated };
  }
  return { ok: false, error: "conflict", draft: await myDraft(db, viewer, input.service) };
}

/** The applicant throws a draft away; false when it is not theirs or already gone. */
export async function discardDraft(db: DbOrTx, viewer: Viewer, id: string): Promise<boolean> {
  const owner = ownerOf(viewer);
  if (!owner) return false;
  const rows = await db
    .delete(applicationDrafts)
    .where(and(eq(applicationDrafts.id, id), eq(applicationDrafts.ownerId, owner)))
    .returning({ id: applicationDrafts.id });
  return rows.length === 1;
}

/**
 * Called inside the filing's transaction: the applicant's draft of the service goes exactly when the
 * case comes to be (whichever device it was last saved from), and stays if the filing fails.
 */
export async function consumeDraftInTx(tx: Tx, viewer: Viewer, service: string): Promise<void> {
  const owner = ownerOf(viewer);
  if (!owner) return;
  await tx.delete(applicationDrafts).where(and(eq(applicationDrafts.ownerId, owner), eq(applicationDrafts.service, service)));
}

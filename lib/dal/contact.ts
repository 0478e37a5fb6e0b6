import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/engine/types";
import { normaliseMobile } from "@/lib/rules/phone";
import { recordAudit } from "./audit";

/** The signed-in person's mobile number for text messages (E.164), if they gave one. */
export async function myPhone(db: DbOrTx, viewer: Viewer): Promise<string | null> {
  if (viewer.kind !== "user" || !viewer.userId) return null;
  const [row] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, viewer.userId));
  return row?.phone ?? null;
}

/**
 * Sets or (with an empty value) removes the viewer's own mobile number. The number is checked and
 * stored in E.164; the change is audited, the number itself is not written to the log.
 */
export async function setMyPhone(db: DbOrTx, viewer: Viewer, typed: string): Promise<{ ok: true; phone: string | null } | { ok: false; error: "invalid" | "forbidden" }> {
  if (viewer.kind !== "user" || !viewer.userId) return { ok: false, error: "forbidden" };
  const phone = typed.trim() === "" ? null : normaliseMobile(typed);
  if (typed.trim() !== "" && !phone) return { ok: false, error: "invalid" };
  await db.update(users).set({ phone }).where(eq(users.id, viewer.userId));
  await recordAudit(db, { viewer, action: phone ? "account.phone.set" : "account.phone.remove", channel: "action", target: viewer.userId });
  return { ok: true, phone };
}

import type { Db } from "@/db/client";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";

/**
 * Brings a case to the point where a refusal may take effect (X-HEAR-03): the officer issues the
 * preliminary refusal and the applicant (or a clerk for them) waives the hearing. The caller then
 * performs the refusal itself at the returned version.
 */
export async function hearingWaived(
  db: Db,
  officer: Viewer,
  applicantSide: Viewer,
  c: Pick<CaseSnapshot, "id" | "version">,
  opts: { grounds?: string; preliminary?: string; now?: Date } = {},
): Promise<CaseSnapshot> {
  const now = opts.now ? { now: opts.now } : {};
  const issued = await perform(db, officer, c.id, opts.preliminary ?? "preliminary_refuse", { grounds: opts.grounds, explanation: "The grounds for the intended refusal, explained." }, c.version, now);
  if (!issued.ok) throw new Error(`preliminary refusal failed: ${JSON.stringify(issued)}`);
  const waived = await perform(db, applicantSide, c.id, "waive_hearing", {}, issued.case.version, now);
  if (!waived.ok) throw new Error(`waiver failed: ${JSON.stringify(waived)}`);
  return waived.case;
}

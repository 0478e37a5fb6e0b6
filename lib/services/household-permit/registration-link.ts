import { and, eq } from "drizzle-orm";
import { caseParties, cases, identityDocuments } from "@/db/schema";
import { performInTx } from "@/lib/engine/perform";
import { toSnapshot } from "@/lib/engine/snapshot";
import { SYSTEM_VIEWER, type EffectContext } from "@/lib/engine/types";
import { TR_SERVICE } from "../ids";
import type { HpApplication } from "./schema";

/**
 * HP-20: the worker's temporary registrations in force are carried to the end of the permit, in the
 * permit's transaction, through the registration service's own action (which re-issues the slip).
 * The person is recognised by passport number and issuing country. A registration already running
 * past the permit keeps its date: the action's guard refuses and nothing changes.
 */
export async function carryRegistrationsToPermitEnd(ctx: EffectContext<unknown>, permitValidUntil: string): Promise<number> {
  const app = ctx.next.data as unknown as HpApplication;
  const registrations = await ctx.tx
    .select({ case: cases })
    .from(cases)
    .innerJoin(caseParties, and(eq(caseParties.caseId, cases.id), eq(caseParties.role, "applicant")))
    .innerJoin(identityDocuments, eq(identityDocuments.personId, caseParties.personId))
    .where(
      and(
        eq(cases.service, TR_SERVICE),
        eq(cases.status, "registered"),
        eq(identityDocuments.number, app.passport.passportNumber),
        eq(identityDocuments.issuingCountry, app.person.citizenship),
      ),
    )
    .for("update", { of: cases });
  let carried = 0;
  for (const { case: row } of registrations) {
    const result = await performInTx(
      ctx.tx,
      SYSTEM_VIEWER,
      toSnapshot(row),
      "extend_for_permit",
      { permitReference: ctx.next.reference, validUntil: permitValidUntil },
      row.version,
      ctx.now,
    );
    if (result.ok) carried += 1;
  }
  return carried;
}

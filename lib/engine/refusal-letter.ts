import { and, desc, eq } from "drizzle-orm";
import { caseParties, decisions, people } from "@/db/schema";
import { addCalendarDays } from "@/lib/rules/dates";
import { conversationOf } from "./conversation";
import { issueDocument } from "./effects";
import type { EffectContext } from "./types";

/** The decision letter every refusal issues: verifiable by its QR code like any other document. */
export const REFUSAL_LETTER = "refusal_decision";

export interface RefusalLetterContent {
  reference: string;
  service: string;
  /** The refusal action the hearing prepared (where the grounds' labels live). */
  refusal: string | null;
  reasonCode: string | null;
  reasonText: string | null;
  /** How the right to be heard was honoured (X-HEAR-03). */
  heard: "hearing" | "waived" | "term" | null;
}

/**
 * Issues the refusal letter when an action has just brought the case into a refused state. The
 * holder is the applicant party; a service that records no applicant person issues none.
 */
export async function issueRefusalLetter(ctx: EffectContext<unknown>, refusedStates: readonly string[]): Promise<void> {
  if (!refusedStates.includes(ctx.next.status) || refusedStates.includes(ctx.case.status)) return;
  const [holder] = await ctx.tx
    .select({ surname: people.surname, givenNames: people.givenNames, birthDate: people.birthDate })
    .from(caseParties)
    .innerJoin(people, eq(people.id, caseParties.personId))
    .where(and(eq(caseParties.caseId, ctx.next.id), eq(caseParties.role, "applicant")))
    .limit(1);
  if (!holder) return;
  const [decision] = await ctx.tx.select().from(decisions).where(eq(decisions.caseId, ctx.next.id)).orderBy(desc(decisions.decidedAt)).limit(1);
  const preliminary = conversationOf(ctx.next.data).preliminary;
  const content: RefusalLetterContent = {
    reference: ctx.next.reference,
    service: ctx.next.service,
    refusal: preliminary?.refusal ?? null,
    reasonCode: decision?.reasonCode ?? preliminary?.grounds ?? null,
    reasonText: decision?.reasonText ?? null,
    heard: !preliminary ? null : preliminary.minutes ? "hearing" : preliminary.waivedOn ? "waived" : "term",
  };
  await issueDocument(ctx.tx, {
    caseId: ctx.next.id,
    type: REFUSAL_LETTER,
    numberPrefix: "RFD",
    validFrom: ctx.today,
    validUntil: addCalendarDays(ctx.today, ctx.params.number("refusal_letter_verifiable_days", ctx.today)),
    holderDisplayName: `${holder.surname} ${holder.givenNames}`.toUpperCase(),
    holderBirthDate: holder.birthDate,
    content: content as unknown as Record<string, unknown>,
    at: ctx.now,
  });
}

import { and, count, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { employmentContracts, hpEmployers } from "@/db/schema";
import { refuseAction } from "@/lib/engine/effects";
import type { ParameterReader } from "@/lib/rules/parameters";
import { hp11EmployerCap } from "./rules";
import type { EmployerInput } from "./schema";

/**
 * Contract records of household permits. They run inside the engine's transaction; the employer
 * row is the lock that makes the cap per employer (HP-11) hold when registrations race.
 */

export async function saveEmployer(tx: Tx, e: EmployerInput, now: Date): Promise<void> {
  await tx
    .insert(hpEmployers)
    .values({ iin: e.iin, name: e.name, phone: e.phone, region: e.region, address: e.address, updatedAt: now })
    .onConflictDoUpdate({ target: hpEmployers.iin, set: { name: e.name, phone: e.phone, region: e.region, address: e.address, updatedAt: now } });
}

export async function activeContractCount(tx: Tx, employerIin: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(employmentContracts)
    .where(and(eq(employmentContracts.employerIin, employerIin), eq(employmentContracts.status, "active")));
  return row?.n ?? 0;
}

/** Ends the case's contract that is still open (proposed or active), if any. */
export async function terminateOpenContract(tx: Tx, caseId: string, reason: string, now: Date): Promise<void> {
  await tx
    .update(employmentContracts)
    .set({ status: "terminated", terminatedAt: now, terminationReason: reason })
    .where(and(eq(employmentContracts.caseId, caseId), ne(employmentContracts.status, "terminated")));
}

/** Locks the employer and refuses the whole action when the employer already has the most workers allowed. */
async function lockAndCheckCap(tx: Tx, employerIin: string, today: string, params: ParameterReader): Promise<void> {
  await tx.select({ iin: hpEmployers.iin }).from(hpEmployers).where(eq(hpEmployers.iin, employerIin)).for("update");
  const violation = hp11EmployerCap(await activeContractCount(tx, employerIin), today, params);
  if (violation) refuseAction(violation);
}

/** A contract named at filing waits, as proposed, until the permit is issued. */
export async function proposeContract(tx: Tx, args: { caseId: string; region: string; employer: EmployerInput; by: string | null; now: Date }): Promise<void> {
  await terminateOpenContract(tx, args.caseId, "replaced_before_issue", args.now);
  await saveEmployer(tx, args.employer, args.now);
  await tx.insert(employmentContracts).values({
    caseId: args.caseId,
    employerIin: args.employer.iin,
    status: "proposed",
    region: args.region,
    registeredBy: args.by,
    registeredAt: args.now,
  });
}

/** Registers an active contract for an issued permit; a previous one ends (a change of employer). */
export async function registerActiveContract(
  tx: Tx,
  args: { caseId: string; region: string; employer: EmployerInput; by: string | null; now: Date; today: string; params: ParameterReader },
): Promise<void> {
  await terminateOpenContract(tx, args.caseId, "replaced", args.now);
  await saveEmployer(tx, args.employer, args.now);
  await lockAndCheckCap(tx, args.employer.iin, args.today, args.params);
  await tx.insert(employmentContracts).values({
    caseId: args.caseId,
    employerIin: args.employer.iin,
    status: "active",
    region: args.region,
    registeredBy: args.by,
    registeredAt: args.now,
    activatedAt: args.now,
  });
}

/** Activates the contract proposed at filing, once the permit is issued; refused by HP-11 like a new one. */
export async function activateProposedContract(tx: Tx, args: { caseId: string; now: Date; today: string; params: ParameterReader }): Promise<void> {
  const [proposed] = await tx
    .select()
    .from(employmentContracts)
    .where(and(eq(employmentContracts.caseId, args.caseId), eq(employmentContracts.status, "proposed")));
  if (!proposed) refuseAction({ rule: "HP-12", messageKey: "hp.rules.hp12NoProposedContract" });
  await lockAndCheckCap(tx, proposed.employerIin, args.today, args.params);
  await tx.update(employmentContracts).set({ status: "active", activatedAt: args.now }).where(eq(employmentContracts.id, proposed.id));
}

import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { cases, employmentContracts, hpInvoices } from "@/db/schema";
import { refuseAction } from "@/lib/engine/effects";
import { loadVisibleCase, perform, type PerformOptions } from "@/lib/engine/perform";
import { SYSTEM_VIEWER, type PerformResult, type Viewer } from "@/lib/engine/types";

/** What a payment provider says about a payment it was asked to confirm. */
export interface PaymentConfirmation {
  reference: string;
  paidAt: Date;
  amountTiyn: number;
}

export interface InvoiceToPay {
  id: string;
  caseId: string;
  amountTiyn: number;
}

/**
 * A way of taking the permit fee (HP-14). A bank or the e-government payment gateway plugs in here;
 * `confirm` answers whether the payment with this reference paid the invoice, or null if it did not.
 */
export interface PaymentProvider {
  id: string;
  confirm(invoice: InvoiceToPay, reference: string, now: Date): Promise<PaymentConfirmation | null>;
}

/**
 * The built-in provider: a cashier, an officer or the applicant records the receipt number of a
 * payment made at a bank; the reference is kept and can be paid with only once.
 */
export const receiptProvider: PaymentProvider = {
  id: "receipt",
  async confirm(invoice, reference, now) {
    return { reference, paidAt: now, amountTiyn: invoice.amountTiyn };
  },
};

let provider: PaymentProvider = receiptProvider;

export function paymentProvider(): PaymentProvider {
  return provider;
}

/** Installs another provider (an integration, or a test double); returns the previous one. */
export function usePaymentProvider(next: PaymentProvider): PaymentProvider {
  const previous = provider;
  provider = next;
  return previous;
}

/** Marks the case's invoice paid, under a row lock, in the engine's transaction. */
export async function settleInvoice(tx: Tx, caseId: string, reference: string, confirmedBy: string | null, now: Date): Promise<void> {
  const [invoice] = await tx.select().from(hpInvoices).where(eq(hpInvoices.caseId, caseId)).for("update");
  if (!invoice || invoice.status !== "pending") refuseAction({ rule: "HP-14", messageKey: "hp.rules.hp14NoOpenInvoice" });
  const [usedElsewhere] = await tx.select({ caseId: hpInvoices.caseId }).from(hpInvoices).where(eq(hpInvoices.paymentReference, reference));
  if (usedElsewhere) refuseAction({ rule: "HP-14", messageKey: "hp.rules.hp14ReferenceUsed", path: ["paymentReference"] });
  const confirmation = await paymentProvider().confirm({ id: invoice.id, caseId, amountTiyn: invoice.amountTiyn }, reference, now);
  if (!confirmation || confirmation.amountTiyn < invoice.amountTiyn) {
    refuseAction({ rule: "HP-14", messageKey: "hp.rules.hp14NotPaid", path: ["paymentReference"] });
  }
  await tx
    .update(hpInvoices)
    .set({ status: "paid", paymentReference: confirmation.reference, paidAt: confirmation.paidAt, provider: paymentProvider().id, confirmedBy })
    .where(eq(hpInvoices.id, invoice.id));
}

const MAX_ATTEMPTS = 3;

/**
 * A contract named at filing starts with the permit. When the employer has meanwhile reached the cap
 * (HP-11) the permit stays issued, without a contract, and the holder can register another employer.
 */
async function activateFiledContract(db: Db, issued: Extract<PerformResult, { ok: true }>, options: PerformOptions): Promise<PerformResult> {
  const [proposed] = await db
    .select({ id: employmentContracts.id })
    .from(employmentContracts)
    .where(and(eq(employmentContracts.caseId, issued.case.id), eq(employmentContracts.status, "proposed")));
  if (!proposed) return issued;
  const activated = await perform(db, SYSTEM_VIEWER, issued.case.id, "activate_contract", {}, issued.case.version, options);
  return activated.ok ? { ...activated, case: activated.case } : issued;
}

/**
 * Confirms a payment and issues the permit. Idempotent: confirming the same payment again, or twice
 * at once, answers with the case as it is and never issues a second permit.
 */
export async function confirmPermitPayment(db: Db, viewer: Viewer, caseId: string, paymentReference: string, options: PerformOptions = {}): Promise<PerformResult> {
  const reference = paymentReference.trim().toUpperCase();
  let result: PerformResult = { ok: false, error: "not_found" };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    if (!row) return { ok: false, error: "not_found" };
    const [invoice] = await db.select().from(hpInvoices).where(eq(hpInvoices.caseId, caseId));
    if (invoice?.status === "paid" && invoice.paymentReference === reference) {
      // A stranger learns nothing from a replay: the case must be visible to the caller.
      const visible = await loadVisibleCase(db, viewer, caseId);
      return visible ? { ok: true, case: visible, eventId: 0, replayed: true } : { ok: false, error: "not_found" };
    }
    result = await perform(db, viewer, caseId, "confirm_payment", { paymentReference }, row.version, options);
    if (result.ok) return activateFiledContract(db, result, options);
    if (result.error !== "version_conflict") return result;
  }
  return result;
}

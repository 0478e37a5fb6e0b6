"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getViewer } from "@/lib/dal/viewer";
import { BULK_REASSIGN_MAX, bulkReassign, type BulkResult } from "@/lib/engine/assign";
import { formList, formLocale, formText } from "@/lib/forms/form-data";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REASON = 500;

/** Only the queue's own parameters go back into the address: the form field is not trusted as a URL. */
const QUEUE_KEYS = ["view", "q", "service", "status", "flag", "region", "assignee", "filedFrom", "filedTo", "dueFrom", "dueTo", "sort", "cursor"];

function backTo(locale: string, returnQuery: string, outcome: Record<string, string>): string {
  const from = new URLSearchParams(returnQuery.replace(/^\?/, ""));
  const qs = new URLSearchParams();
  for (const [key, value] of from) if (QUEUE_KEYS.includes(key)) qs.append(key, value);
  for (const [key, value] of Object.entries(outcome)) qs.set(key, value);
  return `/${locale}/staff/queue?${qs.toString()}#bulk-outcome`;
}

function outcomeOf(result: BulkResult): Record<string, string> {
  if (result.ok) return { bulkDone: String(result.reassigned) };
  return { bulkError: result.error, ...("reference" in result && result.reference ? { bulkReference: result.reference } : {}) };
}

/**
 * A supervisor gives the cases ticked in the queue to one officer: one call to the engine, which
 * moves all of them or none. The outcome comes back in the address of the same queue view.
 */
export async function reassignSelected(formData: FormData): Promise<void> {
  const locale = await formLocale(formData);
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in`);
  const returnQuery = formText(formData, "returnQuery");
  if (viewer.role !== "supervisor") redirect(backTo(locale, returnQuery, { bulkError: "forbidden" }));

  const items = formList(formData, "case")
    .map((value) => {
      const [caseId = "", version = ""] = value.split(":");
      return { caseId, version: Number(version) };
    })
    .filter((item) => UUID.test(item.caseId) && Number.isInteger(item.version) && item.version > 0);
  const assigneeId = formText(formData, "assigneeId");
  if (!items.length || items.length > BULK_REASSIGN_MAX) redirect(backTo(locale, returnQuery, { bulkError: "empty" }));
  if (!UUID.test(assigneeId)) redirect(backTo(locale, returnQuery, { bulkError: "noAssignee" }));

  const reason = formText(formData, "reason").trim().slice(0, MAX_REASON) || null;
  const result = await bulkReassign(await getDb(), viewer, items, assigneeId, reason);
  redirect(backTo(locale, returnQuery, outcomeOf(result)));
}

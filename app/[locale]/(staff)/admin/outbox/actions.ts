"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { retryOutboxMessage } from "@/lib/dal/outbox";
import { formLocale, formText } from "@/lib/forms/form-data";
import { requireAdminAction } from "../_lib/require-admin";

/** Puts a dead message back in the queue; the page says whether it did. */
export async function retryMessageAction(formData: FormData): Promise<void> {
  const viewer = await requireAdminAction();
  const locale = await formLocale(formData);
  const ok = await retryOutboxMessage(await getDb(), viewer, formText(formData, "id"));
  redirect(`/${locale}/admin/outbox?status=dead&${ok ? "retried=1" : "notRetried=1"}`);
}

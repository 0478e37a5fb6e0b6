"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { verifyPublicly } from "@/lib/dal/verification";
import { getViewer } from "@/lib/dal/viewer";
import { translateMessage } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";
import { publicClientIp } from "@/lib/security/rate-limit";
import { numberCheckInput } from "./number-input";
import { NUMBER_CHECK_FIELDS, type NumberCheckState } from "./number-form-state";
import { verdictText } from "./verdict-text";

// A public endpoint: what is posted is cut to a bounded length before it is parsed.
const MAX_INPUT = 100;

/**
 * Verification by document number and the holder's date of birth. Posted (not a GET form) so the
 * date of birth never lands in an address bar, a history or an access log. A wrong number and a
 * wrong date of birth get the same "not found".
 */
export async function verifyByNumberAction(_prev: NumberCheckState, formData: FormData): Promise<NumberCheckState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const values = { number: formText(formData, "number").slice(0, MAX_INPUT), birthDate: formText(formData, "birthDate").slice(0, MAX_INPUT) };
  const base: NumberCheckState = { fieldErrors: {}, formError: null, values, answer: null };

  const parsed = numberCheckInput.safeParse(values);
  const db = await getDb();
  const requestHeaders = await headers();
  const who = { ip: publicClientIp(requestHeaders), auditIp: clientIp(requestHeaders), viewer: await getViewer(), channel: "action" as const };
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const field of NUMBER_CHECK_FIELDS) {
      const issue = parsed.error.issues.find((i) => i.path[0] === field);
      if (issue) fieldErrors[field] = translateMessage(t, issue.message);
    }
    // A malformed check is still a check: counted and audited like any other.
    await verifyPublicly(db, { by: "number", number: values.number, birthDate: values.birthDate }, who);
    return { ...base, fieldErrors };
  }
  const checked = await verifyPublicly(db, { by: "number", number: parsed.data.number, birthDate: parsed.data.birthDate }, who);
  if (checked.outcome === "throttled") return { ...base, formError: t("public.verify.throttled", { seconds: checked.retryAfterSeconds }) };
  return { ...base, answer: verdictText(t, checked.result) };
}

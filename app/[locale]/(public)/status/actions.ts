"use server";

import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import { publicStatus } from "@/lib/dal/cases";
import { getViewer } from "@/lib/dal/viewer";
import { translateMessage } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";
import { consumePublic, publicClientIp } from "@/lib/security/rate-limit";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { serviceNamespace } from "../_lib/services";
import { STATUS_FIELDS, statusCheckInput } from "../_lib/status-input";
import type { StatusFormState } from "./form-state";

// A public endpoint: what is posted is cut to a bounded length before it is parsed or audited.
const MAX_INPUT = 200;

/**
 * The public status check: reference + passport number of the applicant. Rate-limited per client
 * address and audited; the answer carries no personal data, and a wrong reference and a wrong
 * passport number get the same "not found".
 */
export async function checkStatusAction(_prev: StatusFormState, formData: FormData): Promise<StatusFormState> {
  const locale = await formLocale(formData);
  const [t, tAll, format] = await Promise.all([
    getTranslations({ locale, namespace: "public.status" }),
    getTranslations({ locale }),
    getFormatter({ locale }),
  ]);
  const values = {
    reference: formText(formData, "reference").slice(0, MAX_INPUT),
    documentNumber: formText(formData, "documentNumber").slice(0, MAX_INPUT),
  };
  const base: StatusFormState = { fieldErrors: {}, formError: null, values, result: null, notFound: false };

  const parsed = statusCheckInput.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const field of STATUS_FIELDS) {
      const issue = parsed.error.issues.find((i) => i.path[0] === field);
      if (issue) fieldErrors[field] = translateMessage(tAll, issue.message);
    }
    return { ...base, fieldErrors };
  }

  const db = await getDb();
  const requestHeaders = await headers();
  const rate = await consumePublic("status", publicClientIp(requestHeaders), db);
  if (!rate.ok) return { ...base, formError: t("throttled", { seconds: rate.retryAfterSeconds }) };

  const { reference, documentNumber } = parsed.data;
  const found = await publicStatus(db, reference, documentNumber);
  // Same audit action as the API's status check; never the passport number.
  await recordAudit(db, {
    viewer: await getViewer(),
    action: "case.public_status",
    target: reference,
    channel: "action",
    ip: clientIp(requestHeaders),
    details: { found: found !== null },
  });
  if (!found) return { ...base, notFound: true };
  if (found.protected) {
    // The phase in words, nothing else (see PROTECTED_PHASES in the DAL).
    return {
      ...base,
      result: {
        reference: found.reference,
        serviceName: null,
        statusLabel: tAll(`portal.status.phase.${found.status}` as never),
        nextStep: tAll("portal.status.protectedNext"),
        decisionDue: null,
        updatedAt: null,
      },
    };
  }
  const { updatedAt } = found;

  const ns = serviceNamespace(found.service);
  const label = (key: string, fallback: string, vars?: Record<string, string>) => (ns && tAll.has(`${ns}.${key}`) ? tAll(`${ns}.${key}`, vars) : fallback);
  const due = found.dueOn ? formatCivilDate(format, found.dueOn) : t("dueNotSet");
  return {
    ...base,
    result: {
      reference: found.reference,
      serviceName: label("serviceName", found.service),
      statusLabel: label(`status.${found.status}`, found.status),
      nextStep: label(`statusNext.${found.status}`, "", { due }),
      decisionDue: found.dueOn ? { date: found.dueOn, text: due } : null,
      updatedAt: { instant: updatedAt.toISOString(), text: formatInstant(format, updatedAt) },
    },
  };
}

import type { CaseDetail, PublicStatus, QueueRow } from "@/lib/dal/cases";
import { flagsFor, type FlagAudience } from "@/lib/engine/staff-flags";
import type { CaseSnapshot } from "@/lib/engine/types";
import { todayInKazakhstan } from "@/lib/rules/dates";
import type { Locale } from "@/lib/i18n/routing";
import type { ActionResult, ApplicationCreated, ApplicationView, PublicStatusView, QueueItem } from "./schemas";

/** What the API shows of cases: never the application data, parties or staff names of the history. */

export const applicationPath = (reference: string) => `/api/v1/applications/${encodeURIComponent(reference)}`;

/** The public verification page of an issued document (the QR code on the document carries the same token). */
export const verifyPath = (locale: Locale, token: string) => `/${locale}/verify/${encodeURIComponent(token)}`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toApplicationCreated(c: CaseSnapshot): ApplicationCreated {
  return { id: c.id, reference: c.reference, status: c.status, version: c.version, dueOn: c.dueOn, links: { self: applicationPath(c.reference) } };
}

type DocumentStatus = ApplicationView["documents"][number]["status"];

function documentStatus(d: CaseDetail["documents"][number], today: string): DocumentStatus {
  if (d.revokedAt) return "revoked";
  if (today > d.validUntil) return "expired";
  if (today < d.validFrom) return "not_yet_valid";
  return "valid";
}

export function toApplicationView(detail: CaseDetail, locale: Locale, now = new Date(), audience: FlagAudience = "staff"): ApplicationView {
  const c = detail.case;
  const today = todayInKazakhstan(now);
  return {
    id: c.id,
    reference: c.reference,
    service: c.service,
    status: c.status,
    flags: flagsFor(c.flags, audience),
    dueOn: c.dueOn,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    submittedAt: iso(c.submittedAt),
    decidedAt: iso(c.decidedAt),
    actions: detail.actions,
    events: detail.events.map((e) => ({ at: e.at.toISOString(), action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus })),
    documents: detail.documents.map((d) => ({
      number: d.number,
      type: d.type,
      validFrom: d.validFrom,
      validUntil: d.validUntil,
      status: documentStatus(d, today),
      verifyUrl: verifyPath(locale, d.verificationToken),
    })),
    links: { self: applicationPath(c.reference) },
  };
}

export function toPublicStatusView(s: PublicStatus): PublicStatusView {
  return { reference: s.reference, service: s.service, status: s.status, dueOn: s.dueOn, updatedAt: s.updatedAt?.toISOString() ?? null };
}

export function toQueueItem(r: QueueRow): QueueItem {
  return {
    id: r.id,
    reference: r.reference,
    service: r.service,
    status: r.status,
    flags: r.flags,
    region: r.region,
    dueOn: r.dueOn,
    applicantName: r.applicantName,
    citizenship: r.citizenship,
    assigneeName: r.assigneeName,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    links: { self: applicationPath(r.reference) },
  };
}

export function toActionResult(c: CaseSnapshot, audience: FlagAudience = "staff"): ActionResult {
  return { id: c.id, reference: c.reference, status: c.status, version: c.version, flags: flagsFor(c.flags, audience), dueOn: c.dueOn };
}

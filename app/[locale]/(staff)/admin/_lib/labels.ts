import "server-only";
import { getTranslations } from "next-intl/server";
import { regionName } from "@/app/_components/staff/format";
import { assignableServices } from "@/lib/dal/admin";
import type { ReferenceData } from "@/lib/rules/reference";
import { ROLE_VALUES } from "./schemas";

type Translator = { has(key: string): boolean; (key: string): string };

/** A service's name; a service added later shows its id until it has a translation. */
export function serviceLabel(t: Translator, service: string): string {
  return t.has(`services.${service}`) ? t(`services.${service}`) : service;
}

/** Options for the account forms: roles, regions that exist today, services; labels translated. */
export async function accessOptions(ref: ReferenceData, locale: string, today: string) {
  const [tRoles, t] = await Promise.all([getTranslations("staff.roles"), getTranslations("admin")]);
  return {
    roles: ROLE_VALUES.map((r) => ({ value: r, label: tRoles(r) })),
    regions: ref
      .regions(today)
      .map((r) => ({ value: r.code, label: regionName(ref, r.code, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
    services: assignableServices().map((s) => ({ value: s, label: serviceLabel(t, s) })),
  };
}

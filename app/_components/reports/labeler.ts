import { getTranslations } from "next-intl/server";
import { countryName, regionName } from "@/app/_components/staff/format";
import type { Labeler } from "@/lib/reports/table";
import type { ReferenceData } from "@/lib/rules/reference";
import { HP_SERVICE, KC_SERVICE, KD_SERVICE, RF_SERVICE, TR_SERVICE } from "@/lib/services/ids";

/** Where each service keeps the labels of its refusal reasons. */
const REFUSAL_LABELS: Record<string, string> = {
  [TR_SERVICE]: "tr.refusalReasons",
  [HP_SERVICE]: "hp.refusalReasons",
  [RF_SERVICE]: "rf.refusalReasons",
  [KD_SERVICE]: "kd.refusalReasons",
  [KC_SERVICE]: "kd.citizenship.refusalReasons",
};

export interface ReportTexts {
  labels: Labeler;
  /** A message anywhere in the messages, or the code itself when there is none. */
  message(key: string, fallback: string): string;
  service(id: string): string;
  refusalReason(service: string, code: string): string;
  number(n: number): string;
  percent(n: number | null): string;
}

/** Names of regions, countries and codes in one language, shared by the pages and the downloads. */
export async function reportTexts(ref: ReferenceData, locale: string): Promise<ReportTexts> {
  const t = await getTranslations({ locale });
  const message = (key: string, fallback: string) => (t.has(key) ? t(key as never) : fallback);
  const numbers = new Intl.NumberFormat(locale === "kk" ? "kk-KZ" : locale);
  const percents = new Intl.NumberFormat(locale === "kk" ? "kk-KZ" : locale, { style: "percent", maximumFractionDigits: 1 });
  return {
    labels: {
      region: (code) => regionName(ref, code, locale),
      country: (code) => countryName(ref, code, locale),
      code: (prefix, code) => message(`${prefix}.${code}`, code),
    },
    message,
    service: (id) => message(`admin.services.${id}`, id),
    refusalReason: (service, code) => (REFUSAL_LABELS[service] ? message(`${REFUSAL_LABELS[service]}.${code}`, code) : code),
    number: (n) => numbers.format(n),
    percent: (n) => (n === null ? "—" : percents.format(n / 100)),
  };
}

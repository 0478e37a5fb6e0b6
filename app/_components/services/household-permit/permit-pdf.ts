import "server-only";
import { getTranslations } from "next-intl/server";
import type { DbOrTx } from "@/db/client";
import type { issuedDocuments } from "@/db/schema";
import { renderHouseholdPermit } from "@/lib/documents/household-permit";
import type { SlipLocale } from "@/lib/documents/registration-slip";
import type { CaseSnapshot } from "@/lib/engine/types";
import { localName } from "@/lib/i18n/names";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import type { HpCaseData } from "@/lib/services/household-permit/definition";

/** The PDF of an issued household permit in one of the three languages. */
export async function householdPermitPdf(db: DbOrTx, doc: typeof issuedDocuments.$inferSelect, c: CaseSnapshot, locale: SlipLocale, verifyUrl: string): Promise<Uint8Array> {
  const app = c.data as unknown as HpCaseData;
  const content = (doc.content ?? {}) as { category?: string; region?: string; reference?: string };
  const [t, tHp, ref, params] = await Promise.all([
    getTranslations({ locale, namespace: "documents" }),
    getTranslations({ locale, namespace: "hp" }),
    loadReferenceData(db),
    loadParameters(db),
  ]);
  const country = ref.country(app.person.citizenship);
  const region = ref.region(content.region ?? c.region);
  const category = content.category ?? app.work.category;
  return renderHouseholdPermit(
    {
      documentNumber: doc.number,
      caseReference: content.reference ?? c.reference,
      holder: {
        surname: app.person.surname,
        givenNames: app.person.givenNames,
        surnameCyrillic: app.person.surnameCyrillic ?? null,
        givenNamesCyrillic: app.person.givenNamesCyrillic ?? null,
        birthDate: doc.holderBirthDate,
      },
      citizenship: country ? localName(country, locale) : app.person.citizenship,
      category: tHp.has(`categories.${category}`) ? tHp(`categories.${category}`) : category,
      region: region ? localName(region, locale) : c.region,
      validFrom: doc.validFrom,
      validUntil: doc.validUntil,
      maxStayMonths: params.number("hp_max_continuous_stay_months", doc.validFrom),
      issuedAt: doc.issuedAt,
      verifyUrl,
    },
    locale,
    t,
  );
}

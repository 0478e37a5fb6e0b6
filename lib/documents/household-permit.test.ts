import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/documents.json";
import kk from "@/lib/i18n/messages/kk/documents.json";
import ru from "@/lib/i18n/messages/ru/documents.json";
import { householdPermitSpec, renderHouseholdPermit, type HouseholdPermitInput } from "./household-permit";
import type { SlipLocale } from "./registration-slip";
import { messagesTranslator } from "./translator";

const MESSAGES = { kk, ru, en } as const;
const input: HouseholdPermitInput = {
  documentNumber: "HPP-2026-000042-Q",
  caseReference: "HP-2026-000042-K",
  holder: { surname: "TOSHMATOV", givenNames: "BOBUR", birthDate: "1992-07-21" },
  citizenship: "Өзбекстан",
  category: "Құрылыс және жөндеу",
  region: "Алматы",
  validFrom: "2026-03-06",
  validUntil: "2026-09-05",
  maxStayMonths: 12,
  issuedAt: new Date("2026-03-06T05:00:00Z"),
  verifyUrl: "https://example.kz/kk/verify/abc",
};

describe("household permit document", () => {
  it.each(["kk", "ru", "en"] as SlipLocale[])("%s: number, holder, category, region and validity in the main language, labels in the second, the stay limit from the parameter", (locale) => {
    const spec = householdPermitSpec(input, locale, messagesTranslator(MESSAGES[locale]));
    expect(spec.number).toBe("HPP-2026-000042-Q");
    expect(spec.title).toBe(MESSAGES[locale].householdPermit.title);
    const values = spec.fields.map((f) => f.value);
    expect(values).toEqual(expect.arrayContaining(["TOSHMATOV BOBUR", "Құрылыс және жөндеу", "Алматы", "HP-2026-000042-K"]));
    expect(spec.fields.find((f) => f.label === MESSAGES[locale].householdPermit.fields.validUntil)?.value).toMatch(locale === "en" ? /5 September 2026/ : /05\.09\.2026/);
    expect(spec.notes?.join(" ")).toContain("12");
    expect(spec.verifyUrl).toBe(input.verifyUrl);
  });

  it("renders a one-page PDF with the permit's title", async () => {
    const bytes = await renderHouseholdPermit(input, "ru", messagesTranslator(ru));
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toContain(ru.householdPermit.title);
  });
});

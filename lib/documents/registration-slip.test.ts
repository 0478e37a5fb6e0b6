import { createTranslator } from "next-intl";
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/documents.json";
import kk from "@/lib/i18n/messages/kk/documents.json";
import ru from "@/lib/i18n/messages/ru/documents.json";
import { PDF_PRODUCER } from "./pdf";
import {
  formatSlipDate,
  registrationSlipSpec,
  renderRegistrationSlip,
  secondaryLocale,
  type RegistrationSlipInput,
  type SlipLocale,
} from "./registration-slip";
import { householdPermitSpec } from "./household-permit";
import { messagesTranslator, type Translator } from "./translator";

const MESSAGES = { kk, ru, en } as const;
const LOCALES: SlipLocale[] = ["kk", "ru", "en"];
const tr = (locale: SlipLocale) => messagesTranslator(MESSAGES[locale]);

const input: RegistrationSlipInput = {
  documentNumber: "TRS-2026-000123",
  caseReference: "TR-2026-000123-K",
  holder: {
    surname: "ÖZTÜRK",
    givenNames: "AYŞE NUR",
    surnameCyrillic: "Өзтүрік",
    givenNamesCyrillic: "Айше Нұр",
    birthDate: "1990-03-05",
  },
  citizenship: "Түркия",
  address: { region: "Алматы қаласы", city: "Алматы", street: "Әл-Фараби даңғылы", building: "77/8", flat: "112" },
  validFrom: "2026-03-06",
  validUntil: "2026-04-04",
  purpose: "Жеке сапар",
  hostName: "Ғалымжан Үсенов",
  // 01:30 on 6 March in Almaty.
  issuedAt: new Date("2026-03-05T20:30:00Z"),
  verifyUrl: "https://migration.example.kz/kk/verify/8qk3tT0y6Q2m0vVdQ0Zb3h5m1wY2nE9pX7cR4sL0aJk",
};

/** Lines of text drawn on all pages: one show-text operator per line. */
function textLines(doc: PDFDocument): number {
  let count = 0;
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) throw new Error("unexpected content stream");
      count += (inflateSync(stream.contents).toString("latin1").match(/> Tj/g) ?? []).length;
    }
  }
  return count;
}

/** Every dotted key of a messages object. */
function keys(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("documents messages", () => {
  it("have the same keys in kk, ru and en, none empty", () => {
    const kkKeys = keys(kk).sort();
    expect(keys(ru).sort()).toEqual(kkKeys);
    expect(keys(en).sort()).toEqual(kkKeys);
    for (const locale of LOCALES) for (const key of kkKeys) expect(tr(locale)(key, { building: "1", flat: "2", months: 12 }).trim()).not.toBe("");
  });

  it("are all used by the registration slip and the household permit", () => {
    const used = new Set<string>();
    const spy: Translator = (key, values) => {
      used.add(key);
      return tr("ru")(key, values);
    };
    registrationSlipSpec(input, "ru", spy, spy);
    householdPermitSpec(
      { ...input, citizenship: "Өзбекстан", category: "Құрылыс", region: "Алматы", maxStayMonths: 12, holder: { ...input.holder } },
      "ru",
      spy,
      spy,
    );
    expect([...used].sort()).toEqual(keys(ru).sort());
  });

  it("Kazakh messages are written with Kazakh letters", () => {
    expect(JSON.stringify(kk)).toMatch(/[әғқңөұүһі]/);
    expect(JSON.stringify(ru)).not.toMatch(/[әғқңөұүһі]/);
  });
});

describe("formatSlipDate", () => {
  it("writes dd.MM.yyyy in Kazakh and Russian and the month name in English", () => {
    expect(formatSlipDate("1990-03-05", "kk")).toBe("05.03.1990");
    expect(formatSlipDate("1990-03-05", "ru")).toBe("05.03.1990");
    expect(formatSlipDate("1990-03-05", "en")).toBe("5 March 1990");
    expect(formatSlipDate("2024-02-29", "kk")).toBe("29.02.2024");
  });

  it("dates an instant in Asia/Almaty (UTC+5)", () => {
    expect(formatSlipDate(new Date("2026-03-05T18:59:59Z"), "ru")).toBe("05.03.2026");
    expect(formatSlipDate(new Date("2026-03-05T19:00:00Z"), "ru")).toBe("06.03.2026");
  });

  it("refuses what is not a civil date", () => {
    expect(() => formatSlipDate("05.03.1990", "kk")).toThrow(RangeError);
    expect(() => formatSlipDate("1990-02-30", "kk")).toThrow(RangeError);
    expect(() => formatSlipDate("1990-13-01", "kk")).toThrow(RangeError);
    expect(() => formatSlipDate("1990-03-05x", "kk")).toThrow(RangeError);
    expect(() => formatSlipDate(new Date(Number.NaN), "kk")).toThrow(RangeError);
  });
});

describe("registrationSlipSpec", () => {
  it("TR-16: carries number, holder, address, validity, purpose, host, issuer, issue date and case", () => {
    const spec = registrationSlipSpec(input, "ru", tr("ru"));
    const value = (key: string) => spec.fields.find((f) => f.label === ru.registrationSlip.fields[key as keyof typeof ru.registrationSlip.fields])?.value;
    expect(spec.number).toBe("TRS-2026-000123");
    expect(value("holderLatin")).toBe("ÖZTÜRK AYŞE NUR");
    expect(value("holderCyrillic")).toBe("Өзтүрік Айше Нұр");
    expect(value("birthDate")).toBe("05.03.1990");
    expect(value("citizenship")).toBe("Түркия");
    expect(value("address")).toBe("Алматы қаласы, Алматы, Әл-Фараби даңғылы, д. 77/8, кв. 112");
    expect(value("validFrom")).toBe("06.03.2026");
    expect(value("validUntil")).toBe("04.04.2026");
    expect(value("purpose")).toBe("Жеке сапар");
    expect(value("host")).toBe("Ғалымжан Үсенов");
    expect(value("issuingBody")).toBe(ru.issuingBody);
    expect(value("issueDate")).toBe("06.03.2026");
    expect(value("caseReference")).toBe("TR-2026-000123-K");
    expect(spec.verifyUrl).toBe(input.verifyUrl);
    expect(spec.language).toBe("ru");
  });

  it("§6.7: labels are bilingual, Kazakh beside Russian or English and Russian beside Kazakh", () => {
    expect(secondaryLocale("ru")).toBe("kk");
    expect(secondaryLocale("en")).toBe("kk");
    expect(secondaryLocale("kk")).toBe("ru");
    for (const locale of LOCALES) {
      const second = MESSAGES[secondaryLocale(locale)];
      const spec = registrationSlipSpec(input, locale, tr(locale));
      expect(spec.title).toBe(MESSAGES[locale].registrationSlip.title);
      expect(spec.secondaryTitle).toBe(second.registrationSlip.title);
      expect(spec.fields[0]).toMatchObject({
        label: MESSAGES[locale].registrationSlip.fields.holderLatin,
        secondaryLabel: second.registrationSlip.fields.holderLatin,
      });
      for (const f of spec.fields) expect(f.secondaryLabel).toBeTruthy();
      expect(spec.issuer).toBe(`${MESSAGES[locale].issuingBody}\n${second.issuingBody}`);
      expect(spec.qrCaption).toBe(`${MESSAGES[locale].qrCaption}\n${second.qrCaption}`);
      expect(spec.footer).toBe(`${MESSAGES[locale].footer}\n${second.footer}`);
      expect(spec.notes).toContain(second.registrationSlip.notes.address);
    }
  });

  it("leaves out the Cyrillic name row and the flat when there are none", () => {
    const spec = registrationSlipSpec(
      { ...input, holder: { ...input.holder, surnameCyrillic: null, givenNamesCyrillic: " " }, address: { ...input.address, flat: null } },
      "en",
      tr("en"),
    );
    expect(spec.fields.map((f) => f.label)).not.toContain(en.registrationSlip.fields.holderCyrillic);
    expect(spec.fields.find((f) => f.label === en.registrationSlip.fields.address)?.value).toBe(
      "Алматы қаласы, Алматы, Әл-Фараби даңғылы, bldg 77/8",
    );
  });

  it("accepts a next-intl translator and gets the same text from it", () => {
    const t: Translator = createTranslator({ locale: "kk", messages: { documents: kk }, namespace: "documents" });
    expect(registrationSlipSpec(input, "kk", t)).toEqual(registrationSlipSpec(input, "kk", tr("kk")));
  });
});

describe("renderRegistrationSlip", () => {
  for (const locale of LOCALES) {
    it(`TR-16: renders a one-page slip in ${locale}`, async () => {
      const bytes = await renderRegistrationSlip(input, locale, tr(locale));
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(doc.getPageCount()).toBe(1);
      expect(doc.getTitle()).toBe(MESSAGES[locale].registrationSlip.title);
      expect(doc.getProducer()).toBe(PDF_PRODUCER);
      expect(doc.getCreationDate()?.getTime()).toBe(input.issuedAt.getTime());
      expect(Buffer.from(bytes).toString("latin1")).toMatch(/\/BaseFont \/DejaVuSans/);
    });
  }

  it("wraps a very long address without throwing", async () => {
    const street = "Тұрар Рысқұлов атындағы Қазақстан Республикасы Тәуелсіздігінің он жылдығы даңғылы ".repeat(8);
    const long = { ...input, address: { ...input.address, street, building: "1".repeat(120) } };
    const spec = registrationSlipSpec(long, "kk", tr("kk"));
    expect(spec.fields.find((f) => f.label === kk.registrationSlip.fields.address)?.value).toContain(street.trim());
    const longDoc = await PDFDocument.load(await renderRegistrationSlip(long, "kk", tr("kk")));
    const baseDoc = await PDFDocument.load(await renderRegistrationSlip(input, "kk", tr("kk")));
    // The address is ~700 characters: as one line it would run off the page; wrapped it adds lines.
    expect(textLines(longDoc) - textLines(baseDoc)).toBeGreaterThanOrEqual(6);
  });
});

import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { refusalLetterSpec, renderRefusalLetter, type RefusalLetterInput } from "./refusal-letter";

const input: RefusalLetterInput = {
  documentNumber: "RFD-2026-000001-X",
  caseReference: "TR-2026-000123-K",
  holderName: "KARIMOV AZIZ",
  holderBirthDate: "1990-05-14",
  serviceName: "Уақытша тіркеу",
  grounds: "Мекенжай расталмады",
  explanation: "The host denied that the applicant lives at the address.",
  heard: "hearing",
  decidedOn: "2026-03-06",
  issuedAt: new Date("2026-03-06T07:00:00Z"),
  verifyUrl: "https://example.kz/kk/verify/abc",
};

describe("refusal decision letters", () => {
  it.each(["kk", "ru", "en"] as const)("X-HEAR-03: the letter in %s is bilingual, states the grounds and how the applicant was heard", (locale) => {
    const spec = refusalLetterSpec(input, locale);
    expect(spec.title).not.toBe(spec.secondaryTitle);
    expect(spec.fields.map((f) => f.value)).toEqual(expect.arrayContaining(["KARIMOV AZIZ", "Мекенжай расталмады", "TR-2026-000123-K"]));
    expect(spec.notes).toHaveLength(4);
    expect(spec.verifyUrl).toBe(input.verifyUrl);
  });

  it("without grounds or a hearing note the letter still names the decision and the appeal", () => {
    const spec = refusalLetterSpec({ ...input, grounds: null, explanation: null, heard: null }, "en");
    expect(spec.fields.map((f) => f.label)).not.toContain("Grounds");
    expect(spec.notes).toEqual(["This decision may be appealed to the higher body or to court.", "Шешімге жоғары тұрған органға немесе сотқа шағым жасауға болады."]);
  });

  it("renders a PDF with Kazakh text", async () => {
    const pdf = await PDFDocument.load(await renderRefusalLetter(input, "kk"));
    expect(pdf.getPageCount()).toBe(1);
  });
});

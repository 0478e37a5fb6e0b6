import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { kandasDecisionSpec, renderKandasDecision, type KandasDecisionInput } from "./kandas-decision";

const input: KandasDecisionInput = {
  type: "kandas_quota_decision",
  documentNumber: "KDQ-2026-000001-X",
  caseReference: "KD-2026-000001-A",
  holderName: "ABDIMANAPOV ERLAN",
  holderBirthDate: "1978-02-11",
  members: ["ABDIMANAPOVA AIGUL", "ABDIMANAPOV NURSULTAN"],
  region: "Маңғыстау облысы",
  year: 2026,
  decidedOn: "2026-03-03",
  validUntil: "2026-12-31",
  issuedAt: new Date("2026-03-03T05:00:00Z"),
  verifyUrl: "https://example.kz/kk/verify/abc",
};

describe("kandas decision documents", () => {
  it.each(["kk", "ru", "en"] as const)("the quota decision in %s is bilingual and lists the family it covers", (locale) => {
    const spec = kandasDecisionSpec(input, locale);
    expect(spec.title).not.toBe(spec.secondaryTitle);
    expect(spec.fields.map((f) => f.value)).toEqual(expect.arrayContaining(["ABDIMANAPOV ERLAN", "ABDIMANAPOVA AIGUL\nABDIMANAPOV NURSULTAN", "2026", "KD-2026-000001-A"]));
    expect(spec.verifyUrl).toBe(input.verifyUrl);
  });

  it("a status decision has no quota year; a lone applicant's members read 'none'", () => {
    const spec = kandasDecisionSpec({ ...input, type: "kandas_status_decision", members: [] }, "en");
    expect(spec.title).toBe("Decision on granting the kandas status");
    expect(spec.fields.map((f) => f.label)).not.toContain("Quota year");
    expect(spec.fields.find((f) => f.label === "Family members covered")!.value).toBe("none");
  });

  it("renders a one-page PDF with Kazakh text", async () => {
    const bytes = await renderKandasDecision(input, "kk");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { refugeeCertificateSpec, refugeeListCsv, renderRefugeeCertificate, type RefugeeListRow } from "./documents";

const row = (o: Partial<RefugeeListRow> = {}): RefugeeListRow => ({
  category: "refugee",
  certificateNumber: "RFC-2026-000001-A",
  surname: "RAHIMI",
  givenNames: "AHMAD",
  birthDate: "1984-06-12",
  sex: "M",
  countryOfOrigin: "AFG",
  region: "KZ-ALA",
  familyId: "f1",
  relation: "principal",
  state: "active",
  endsOn: "2027-01-01",
  ...o,
});

const certificate = {
  documentNumber: "RFC-2026-000002-B",
  caseReference: "RF-2026-000001-K",
  holder: { name: "RAHIMI AHMAD", birthDate: "1984-06-12" },
  countryOfOrigin: "Афганистан",
  region: "Алматы",
  relation: "principal" as const,
  validFrom: "2026-11-27",
  validUntil: "2027-12-31",
  issuedAt: new Date("2026-11-27T10:00:00+05:00"),
  verifyUrl: "https://example.kz/ru/verify/abc",
};

describe("refugee documents", () => {
  it("RF-11: the CSV has a header, one line per person, CRLF line ends, and quotes what needs quoting", () => {
    const csv = refugeeListCsv([row(), row({ surname: 'O"NEIL, JR', givenNames: "=HYPERLINK(1)" })]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("category,certificateNumber,surname,givenNames,birthDate,sex,countryOfOrigin,region,familyId,relation,state,endsOn");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('"O""NEIL, JR"');
    // A cell a spreadsheet would run as a formula is neutralised.
    expect(lines[2]).toContain(`"'=HYPERLINK(1)"`);
  });

  it("RF-07: the certificate prints its labels in the chosen language with the second language under them", () => {
    const spec = refugeeCertificateSpec(certificate, "ru");
    expect(spec.title).toBe("Удостоверение беженца");
    expect(spec.secondaryTitle).toBe("Босқын куәлігі");
    expect(spec.fields.find((f) => f.label === "Действительно по (включительно)")?.value).toBe("31.12.2027");
    expect(refugeeCertificateSpec(certificate, "en").fields[0]).toMatchObject({ label: "Holder", secondaryLabel: "Иесі", value: "RAHIMI AHMAD" });
  });

  it("RF-07: the certificate renders as a PDF in kk, ru and en", async () => {
    for (const locale of ["kk", "ru", "en"] as const) {
      const pdf = await renderRefugeeCertificate(certificate, locale);
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    }
  });
});

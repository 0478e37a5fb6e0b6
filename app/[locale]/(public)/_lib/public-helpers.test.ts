import { describe, expect, it } from "vitest";
import { parameterReaderFrom } from "@/lib/rules/parameters";
import { referenceDataFrom } from "@/lib/rules/reference";
import { eligibility } from "@/lib/services/temporary-registration/rules";
import { newVerificationToken } from "@/lib/documents/tokens";
import { CHECK_ALPHABET, formatCaseReference } from "@/lib/rules/case-reference";
import { countryName, countryOptions } from "./countries";
import { eligibilityPanel } from "./eligibility-panel";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { serviceNamespace } from "./services";
import { statusCheckInput } from "./status-input";
import { tokenFromInput } from "./verify-input";

const params = parameterReaderFrom(
  [
    ["tr_registration_deadline_days", 5],
    ["tr_eaeu_worker_deadline_days", 30],
    ["tr_late_tier_a_days", 3],
  ].map(([key, value]) => ({ key: key as string, value, effectiveFrom: "2000-01-01", effectiveTo: null })),
);
const country = (code: string, nameEn: string, eaeuFrom: string | null = null) => ({
  code,
  nameKk: `${nameEn}-kk`,
  nameRu: `${nameEn}-ru`,
  nameEn,
  eaeuFrom,
  eaeuTo: null,
});
const ref = referenceDataFrom({
  countries: [country("KAZ", "Kazakhstan", "2015-01-01"), country("KGZ", "Kyrgyzstan", "2015-08-12"), country("UZB", "Uzbekistan")] as never,
  visaRegimes: [],
  regions: [],
  calendarDays: [],
});
const panelFor = (input: { citizenship: string; entryDate: string; eaeuWorker: boolean }, today: string) =>
  eligibilityPanel(eligibility(input, today, params, ref), input.entryDate, params.number("tr_late_tier_a_days", today));

describe("eligibilityPanel", () => {
  it("TR-01: a citizen of Kazakhstan is told registration is not needed", () => {
    expect(panelFor({ citizenship: "KAZ", entryDate: "2026-03-01", eaeuWorker: false }, "2026-03-01")).toMatchObject({
      tone: "success",
      title: "citizen.title",
      date: null,
      rule: "TR-01",
    });
  });

  it("TR-02: an Uzbek visitor who entered on 1 Mar must register by 6 Mar, within 5 days", () => {
    expect(panelFor({ citizenship: "UZB", entryDate: "2026-03-01", eaeuWorker: false }, "2026-03-02")).toMatchObject({
      tone: "warning",
      title: "required.title",
      body: "required.body",
      date: "2026-03-06",
      days: 5,
      rule: "TR-02",
    });
  });

  it("TR-05: a Kyrgyz worker is not yet required to register, with 31 Mar as the last day", () => {
    expect(panelFor({ citizenship: "KGZ", entryDate: "2026-03-01", eaeuWorker: true }, "2026-03-25")).toMatchObject({
      tone: "info",
      title: "notYetRequired.title",
      date: "2026-03-31",
      days: 30,
      rule: "TR-05",
    });
  });

  it("TR-05: an Uzbek who came to work gets no EAEU exemption", () => {
    expect(panelFor({ citizenship: "UZB", entryDate: "2026-03-01", eaeuWorker: true }, "2026-03-02")).toMatchObject({ title: "required.title", rule: "TR-02" });
  });

  it("TR-09: three days past the deadline is tier A, four is tier B, both quoting the tier A length", () => {
    const entry = { citizenship: "UZB", entryDate: "2026-03-01", eaeuWorker: false };
    expect(panelFor(entry, "2026-03-09")).toMatchObject({ tone: "error", title: "late.title", body: "late.bodyTierA", date: "2026-03-06", days: 3, rule: "TR-09" });
    expect(panelFor(entry, "2026-03-10")).toMatchObject({ body: "late.bodyTierB", days: 3 });
  });
});

describe("statusCheckInput", () => {
  const reference = formatCaseReference("TR", 2026, 123);
  const check = reference.slice(-1);
  const wrongCheck = `${reference.slice(0, -1)}${CHECK_ALPHABET[(CHECK_ALPHABET.indexOf(check) + 1) % CHECK_ALPHABET.length]}`;

  it("accepts a reference typed loosely and normalises both fields", () => {
    const loose = ` ${reference.toLowerCase().replace(/-/g, " ")} `;
    expect(statusCheckInput.parse({ reference: loose, documentNumber: "fa 123 4567" })).toEqual({ reference, documentNumber: "FA1234567" });
  });

  it("tells a mistyped reference (wrong check character) from a malformed one", () => {
    const issue = (value: string) => statusCheckInput.safeParse({ reference: value, documentNumber: "FA1234567" }).error?.issues[0];
    expect(issue(wrongCheck)).toMatchObject({ path: ["reference"], message: "public.status.errors.referenceMistyped" });
    expect(issue("hello")).toMatchObject({ path: ["reference"], message: "public.status.errors.referenceFormat" });
  });

  it("requires both fields and checks the passport number's shape", () => {
    const empty = statusCheckInput.safeParse({ reference: "", documentNumber: "  " });
    expect(empty.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["reference", "public.status.errors.referenceRequired"],
      ["documentNumber", "public.status.errors.documentNumberRequired"],
    ]);
    const short = statusCheckInput.safeParse({ reference, documentNumber: "A1" });
    expect(short.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["documentNumber", "public.status.errors.documentNumberFormat"]]);
  });
});

describe("tokenFromInput", () => {
  const token = newVerificationToken();

  it("takes a bare token or the address a QR scanner shows", () => {
    expect(tokenFromInput(token)).toBe(token);
    expect(tokenFromInput(`  ${token}\n`)).toBe(token);
    expect(tokenFromInput(`https://migration.example.kz/ru/verify/${token}`)).toBe(token);
    expect(tokenFromInput(`https://migration.example.kz/verify/${token}?utm=qr#top`)).toBe(token);
  });

  it("refuses anything without a well-formed token", () => {
    expect(tokenFromInput("")).toBeNull();
    expect(tokenFromInput("not-a-token")).toBeNull();
    expect(tokenFromInput(`https://migration.example.kz/kk/verify/${token.slice(1)}`)).toBeNull();
  });
});

describe("countryOptions", () => {
  it("labels countries in the interface language and sorts them in its order", () => {
    const list = [
      { code: "UZB", nameKk: "Өзбекстан", nameRu: "Узбекистан", nameEn: "Uzbekistan" },
      { code: "KGZ", nameKk: "Қырғызстан", nameRu: "Кыргызстан", nameEn: "Kyrgyzstan" },
      { code: "AZE", nameKk: "Әзербайжан", nameRu: "Азербайджан", nameEn: "Azerbaijan" },
    ];
    expect(countryOptions(list, "en").map((o) => o.value)).toEqual(["AZE", "KGZ", "UZB"]);
    expect(countryOptions(list, "ru").map((o) => o.label)).toEqual(["Азербайджан", "Кыргызстан", "Узбекистан"]);
    expect(countryOptions(list, "kk").map((o) => o.label)).toEqual(["Әзербайжан", "Қырғызстан", "Өзбекстан"]);
    expect(countryName(undefined, "ZZZ", "en")).toBe("ZZZ");
  });
});

describe("date formatting", () => {
  const formatter = {
    dateTime: (value: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", options).format(value),
  };

  it("shows a civil date as that same calendar day whatever the server's time zone", () => {
    expect(formatCivilDate(formatter, "2026-03-06")).toBe("6 March 2026");
    expect(formatCivilDate(formatter, "2026-12-31")).toBe("31 December 2026");
  });

  it("shows an instant in Kazakhstan time (UTC+5)", () => {
    expect(formatInstant(formatter, new Date("2026-03-06T20:30:00Z"))).toBe("7 March 2026 at 01:30");
  });
});

describe("serviceNamespace", () => {
  it("knows temporary registration and nothing it has not been told", () => {
    expect(serviceNamespace("temporary_registration")).toBe("tr");
    expect(serviceNamespace("unknown")).toBeNull();
  });
});

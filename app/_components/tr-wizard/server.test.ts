import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";
import { LOCALES, type Locale } from "@/lib/i18n/routing";
import { createTestDatabase, type TestDatabase } from "@/test/db";

// Outside a Next request: translate from the message files, and fail on any missing message.
vi.mock("next-intl/server", () => ({
  getTranslations: async ({ locale, namespace }: { locale: Locale; namespace?: string }) =>
    createTranslator({
      locale,
      messages: await loadMessages(locale),
      namespace: namespace as never,
      onError: (e) => {
        throw e;
      },
    }),
}));

const { loadTrWizardSetup } = await import("./server");

describe("loadTrWizardSetup", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
  });
  afterAll(async () => t?.close());

  it.each(LOCALES)("every label, hint and option exists in %s", async (locale) => {
    const { options, text } = await loadTrWizardSetup(t.db, { locale, now: new Date("2026-03-03T10:00:00+05:00") });
    expect(Object.keys(text.fields)).toHaveLength(25);
    for (const f of Object.values(text.fields)) expect(f.label).not.toMatch(/^tr\./);
    expect(text.stepIndicator.stay).toMatch(/3/);
    expect(text.stepIndicator.stay).toMatch(/5/);
    for (const list of Object.values(options)) expect(list.length).toBeGreaterThan(0);
  });

  it("TR-02 / TR-05: the entry-date hint carries the deadlines from the parameters", async () => {
    const { text } = await loadTrWizardSetup(t.db, { locale: "en", now: new Date("2026-03-03T10:00:00+05:00") });
    expect(text.fields["stay.entryDate"].hint).toContain("within 5 calendar days of entry (TR-02)");
    expect(text.fields["stay.entryDate"].hint).toContain("within 30 days (TR-05)");
    expect(text.fields["stay.eaeuWorker"].hint).toMatch(/Armenia.*Belarus.*Kyrgyzstan.*Russia/);
  });

  it("citizenships are in the reader's alphabet, without Kazakhstan (TR-01), and a clerk sees only their regions", async () => {
    const ru = await loadTrWizardSetup(t.db, { locale: "ru" });
    const labels = ru.options.countries.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("ru-RU").compare));
    expect(ru.options.countries.find((o) => o.value === "UZB")?.label).toBe("Узбекистан");
    expect(ru.options.countries.some((o) => o.value === "KAZ")).toBe(false);

    const clerk = await loadTrWizardSetup(t.db, { locale: "kk", regionCodes: ["KZ-ALA", "KZ-ALM"] });
    expect(clerk.options.regions.map((o) => o.value).sort()).toEqual(["KZ-ALA", "KZ-ALM"]);
  });
});

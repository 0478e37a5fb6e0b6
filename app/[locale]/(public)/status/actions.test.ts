import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import type { CaseSnapshot } from "@/lib/engine/types";
import pub from "@/lib/i18n/messages/en/public.json";
import tr from "@/lib/i18n/messages/en/tr.json";
import { formatCaseReference } from "@/lib/rules/case-reference";
import { DEFAULT_PUBLIC_CHECKS_PER_MINUTE } from "@/lib/security/rate-limit";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { checkStatusAction } from "./actions";
import { initialStatusFormState } from "./form-state";

const state = vi.hoisted(() => ({
  handle: null as import("@/test/db").TestDatabase | null,
  ip: "192.0.2.1",
}));

vi.mock("@/db", () => ({ getDb: async () => state.handle!.db }));
// Auth.js needs the Next.js runtime; nobody is signed in on the public page.
vi.mock("@/lib/auth", () => ({ auth: async () => null }));
vi.mock("@/lib/dal/viewer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/dal/viewer")>()),
  getViewer: vi.fn(async () => null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": state.ip }) }));
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  return {
    getTranslations: async ({ locale, namespace }: { locale: "kk" | "ru" | "en"; namespace?: string }) =>
      createTranslator({ locale, messages: await loadMessages(locale), namespace: namespace as never }),
    getFormatter: async ({ locale }: { locale: string }) => createFormatter({ locale, timeZone: "Asia/Almaty" }),
    getLocale: async () => "en",
  };
});

function form(reference: string, documentNumber: string): FormData {
  const fd = new FormData();
  fd.set("locale", "en");
  fd.set("reference", reference);
  fd.set("documentNumber", documentNumber);
  return fd;
}

describe.each(TEST_ENGINES)("checkStatusAction on %s", (engine) => {
  let t: TestDatabase;
  let filed: CaseSnapshot;
  let ipCounter = 0;

  const audits = (ip: string) => t.db.select().from(auditLog).where(and(eq(auditLog.action, "case.public_status"), eq(auditLog.ip, ip)));

  beforeAll(async () => {
    // The fixture application is valid when filed on 3 March 2026; the engine reads the clock.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at("2026-03-03"));
    t = await createTestDatabase(engine);
    state.handle = t;
    const applicant = await makeUser(t.db, "applicant");
    const r = await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true });
    if (!r.ok) throw new Error(`filing failed: ${JSON.stringify(r)}`);
    filed = r.case;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });
  beforeEach(() => {
    // A fresh address per test, so each starts with a full allowance.
    ipCounter += 1;
    state.ip = `198.51.100.${engine === "pglite" ? ipCounter : 100 + ipCounter}`;
  });

  it("shows the status, next step and decision date of a case found by reference and passport number, nothing personal", async () => {
    const result = await checkStatusAction(initialStatusFormState, form(filed.reference.toLowerCase(), "fa 123 4567"));
    expect(result.fieldErrors).toEqual({});
    expect(result.notFound).toBe(false);
    expect(result.result).toMatchObject({
      reference: filed.reference,
      serviceName: tr.serviceName,
      statusLabel: tr.status.submitted,
      decisionDue: { date: filed.dueOn },
    });
    expect(result.result?.nextStep).toContain(result.result?.decisionDue?.text);
    const shown = JSON.stringify(result.result);
    for (const personal of ["FA1234567", "KARIMOV", "AZIZ", "Abay", "850412300016", "Akhmetov"]) expect(shown).not.toContain(personal);

    const [audit] = await audits(state.ip);
    expect(audit).toMatchObject({ target: filed.reference, channel: "action", actorId: null, details: { found: true } });
    expect(JSON.stringify(audit)).not.toContain("FA1234567");
  });

  it("answers a wrong passport number and an unknown reference the same way", async () => {
    const wrongPassport = await checkStatusAction(initialStatusFormState, form(filed.reference, "ZZ0000000"));
    const unknownReference = await checkStatusAction(initialStatusFormState, form(formatCaseReference("TR", 2026, 999_999), "FA1234567"));
    for (const r of [wrongPassport, unknownReference]) {
      expect(r).toMatchObject({ notFound: true, result: null, fieldErrors: {}, formError: null });
    }
    // What the user typed comes back to the form; nothing else differs.
    expect({ ...wrongPassport, values: null }).toEqual({ ...unknownReference, values: null });
    expect(wrongPassport.values).toEqual({ reference: filed.reference, documentNumber: "ZZ0000000" });
    expect((await audits(state.ip)).map((a) => a.details)).toEqual([{ found: false }, { found: false }]);
  });

  it("catches a mistyped reference by its check character before any look-up", async () => {
    const check = filed.reference.slice(-1);
    const typo = filed.reference.slice(0, -1) + (check === "A" ? "B" : "A");
    const result = await checkStatusAction(initialStatusFormState, form(typo, "FA1234567"));
    expect(result.fieldErrors).toEqual({ reference: pub.status.errors.referenceMistyped });
    expect(result.result).toBeNull();
    expect(await audits(state.ip)).toHaveLength(0);
  });

  it("asks for both fields", async () => {
    const result = await checkStatusAction(initialStatusFormState, form("", ""));
    expect(result.fieldErrors).toEqual({ reference: pub.status.errors.referenceRequired, documentNumber: pub.status.errors.documentNumberRequired });
  });

  it("refuses look-ups past the limit per address, without looking up or auditing", async () => {
    for (let i = 0; i < DEFAULT_PUBLIC_CHECKS_PER_MINUTE; i += 1) {
      expect((await checkStatusAction(initialStatusFormState, form(filed.reference, `ZZ${1000000 + i}`))).notFound).toBe(true);
    }
    const refused = await checkStatusAction(initialStatusFormState, form(filed.reference, "FA1234567"));
    expect(refused.result).toBeNull();
    expect(refused.notFound).toBe(false);
    expect(refused.formError).toMatch(/^Too many checks\. Try again in \d+ seconds?\.$/);
    expect(await audits(state.ip)).toHaveLength(DEFAULT_PUBLIC_CHECKS_PER_MINUTE);
  });
});

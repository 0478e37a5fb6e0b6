import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { randomUUID } from "node:crypto";
import { cases } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { Viewer } from "@/lib/engine/types";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { addCalendarDays, todayInKazakhstan } from "@/lib/rules/dates";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { makeUser, trApplication } from "@/test/fixtures";

const current = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => current.db }));
vi.mock("next-intl/server", () => ({
  getTranslations: async ({ locale, namespace }: { locale: Locale; namespace?: string }) =>
    createTranslator({ locale, messages: await loadMessages(locale), namespace: namespace as never, onError: () => {} }),
}));

const { fileTrApplication, resubmitTrCase } = await import("./file");

const today = todayInKazakhstan();
const entry = addCalendarDays(today, -1);
const application = (overrides: Parameters<typeof trApplication>[0] = {}) =>
  trApplication({ ...overrides, stay: { entryDate: entry, requestedEndDate: addCalendarDays(entry, 29), ...overrides.stay } });
const toConfirmation = (c: { reference: string }, locale: string) => `/${locale}/applications/${c.reference}/confirmation`;

describe.each(TEST_ENGINES)("wizard submit actions on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let clerk: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    current.db = t.db;
    applicant = await makeUser(t.db, "applicant");
    clerk = await makeUser(t.db, "clerk", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
  });
  afterAll(async () => t?.close());

  it("files once per idempotency key: a retry or double click returns the first case", async () => {
    current.db = t.db;
    const input = { data: application(), idempotencyKey: randomUUID(), channel: "online", locale: "en" };
    const first = await fileTrApplication(applicant, input, "online", toConfirmation);
    const again = await fileTrApplication(applicant, input, "online", toConfirmation);
    expect(first.ok).toBe(true);
    expect(first.redirectTo).toMatch(/^\/en\/applications\/TR-\d{4}-\d{6}-[A-Z]\/confirmation$/);
    expect(again.redirectTo).toBe(first.redirectTo);
    const mine = await t.db.select().from(cases).where(eq(cases.ownerId, applicant.userId!));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: "submitted", channel: "online" });
  });

  it("TR-07: a Turkish national passport and a 45-day stay come back on the stay step with the rule message", async () => {
    current.db = t.db;
    const data = application({ person: { citizenship: "TUR" }, stay: { requestedEndDate: addCalendarDays(entry, 44) } });
    const state = await fileTrApplication(applicant, { data, idempotencyKey: randomUUID(), channel: "online", locale: "en" }, "online", toConfirmation);
    expect(state.ok).toBe(false);
    expect(state.page).toBe("stay");
    expect(state.fieldErrors["stay.requestedEndDate"]).toMatch(/\(TR-07\)$/);
  });

  it("refuses a channel the caller may not use, and a request without a proper idempotency key", async () => {
    current.db = t.db;
    const asFrontOffice = await fileTrApplication(applicant, { data: application(), idempotencyKey: randomUUID(), channel: "front_office", locale: "ru" }, "online", toConfirmation);
    expect(asFrontOffice).toMatchObject({ ok: false, page: "check" });
    expect(asFrontOffice.formError).toBeTruthy();
    const noKey = await fileTrApplication(applicant, { data: application(), channel: "online", locale: "ru" }, "online", toConfirmation);
    expect(noKey.ok).toBe(false);
  });

  it("a clerk files at the front office only for addresses in their regions", async () => {
    current.db = t.db;
    const toStaff = (c: { id: string }, locale: string) => `/${locale}/staff/cases/${c.id}`;
    const ok = await fileTrApplication(clerk, { data: application(), idempotencyKey: randomUUID(), channel: "front_office", locale: "kk" }, "front_office", toStaff);
    expect(ok.redirectTo).toMatch(/^\/kk\/staff\/cases\/[0-9a-f-]{36}$/);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, ok.redirectTo!.split("/").pop()!));
    expect(row).toMatchObject({ channel: "front_office", ownerId: null, filedBy: clerk.userId });

    const elsewhere = application({ address: { region: "KZ-AST" } });
    const refused = await fileTrApplication(clerk, { data: elsewhere, idempotencyKey: randomUUID(), channel: "front_office", locale: "kk" }, "front_office", toStaff);
    expect(refused).toMatchObject({ ok: false, page: "check" });
    expect(refused.formError).toBeTruthy();
  });

  it("resubmitting a returned case at a stale version is a conflict; at the current version it goes back to the officer", async () => {
    current.db = t.db;
    const officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    const filed = await createCase(t.db, applicant, TR_SERVICE, application(), { channel: "online", submit: true });
    if (!filed.ok) throw new Error(JSON.stringify(filed));
    const returned = await perform(t.db, officer, filed.case.id, "return_for_correction", { reason: "The flat number is missing." }, filed.case.version);
    if (!returned.ok) throw new Error(JSON.stringify(returned));
    const corrected = { data: application({ address: { flat: "12" } }), idempotencyKey: randomUUID(), channel: "online", locale: "en" };
    const toStatus = (c: { reference: string }, locale: string) => `/${locale}/applications/${c.reference}`;

    const stale = await resubmitTrCase(applicant, { caseId: filed.case.id, version: filed.case.version }, corrected, "online", toStatus);
    expect(stale).toMatchObject({ ok: false, conflict: true, page: "check" });

    const fresh = await resubmitTrCase(applicant, { caseId: filed.case.id, version: returned.case.version }, corrected, "online", toStatus);
    expect(fresh).toMatchObject({ ok: true, redirectTo: `/en/applications/${filed.case.reference}` });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, filed.case.id));
    expect(row?.status).toBe("submitted");
    expect((row?.data as { address: { flat: string } }).address.flat).toBe("12");
  });
});

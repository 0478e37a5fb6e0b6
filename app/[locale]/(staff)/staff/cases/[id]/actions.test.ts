import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { cases } from "@/db/schema";
import { INITIAL_CASE_ACTION_STATE } from "@/app/_components/staff/case-action-state";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import common from "@/lib/i18n/messages/en/common.json";
import staff from "@/lib/i18n/messages/en/staff.json";
import { TR_SERVICE } from "@/lib/services";
import { hearingWaived } from "@/test/hearing";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { performCaseAction } from "./actions";

const state = vi.hoisted(() => {
  class Redirected extends Error {
    constructor(readonly url: string) {
      super(`redirect to ${url}`);
    }
  }
  return {
    Redirected,
    handle: null as import("@/test/db").TestDatabase | null,
    viewer: null as import("@/lib/engine/types").Viewer | null,
    revalidated: [] as string[],
  };
});

vi.mock("@/db", () => ({ getDb: async () => state.handle!.db }));
// Auth.js needs the Next.js runtime; the signed-in viewer is set by each test instead.
vi.mock("@/lib/auth", () => ({ auth: async () => null }));
vi.mock("@/lib/dal/viewer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/dal/viewer")>()),
  getViewer: vi.fn(async () => state.viewer),
}));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  return {
    getTranslations: async ({ locale }: { locale: "kk" | "ru" | "en" }) => createTranslator({ locale, messages: await loadMessages(locale) }),
    getLocale: async () => "en",
  };
});
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void state.revalidated.push(path) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new state.Redirected(url);
  },
}));

function form(c: Pick<CaseSnapshot, "id" | "version">, action: string, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  fd.set("caseId", c.id);
  fd.set("service", TR_SERVICE);
  fd.set("version", String(c.version));
  fd.set("action", action);
  fd.set("locale", "en");
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe.each(TEST_ENGINES)("performCaseAction on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officer: Viewer;
  let supervisor: Viewer;
  let officerAstana: Viewer;
  let auditor: Viewer;

  async function file(): Promise<CaseSnapshot> {
    const r = await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true });
    if (!r.ok) throw new Error(`filing failed: ${JSON.stringify(r)}`);
    return r.case;
  }

  async function inReview(): Promise<CaseSnapshot> {
    const c = await file();
    const r = await perform(t.db, officer, c.id, "start_review", {}, c.version);
    if (!r.ok) throw new Error("start_review failed");
    return r.case;
  }

  async function statusOf(id: string): Promise<string> {
    const [row] = await t.db.select({ status: cases.status }).from(cases).where(eq(cases.id, id));
    return row!.status;
  }

  beforeAll(async () => {
    // The fixture application is valid when filed on 3 March 2026; the engine reads the clock.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at("2026-03-03"));
    t = await createTestDatabase(engine);
    state.handle = t;
    applicant = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    officerAstana = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    auditor = await makeUser(t.db, "auditor");
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });
  beforeEach(() => {
    state.viewer = officer;
    state.revalidated = [];
  });

  it("on success redirects to the case page with a notice of what was done", async () => {
    const c = await file();
    await expect(performCaseAction(INITIAL_CASE_ACTION_STATE, form(c, "start_review"))).rejects.toMatchObject({
      url: `/en/staff/cases/${c.id}?done=start_review&v=${c.version + 1}`,
    });
    expect(await statusOf(c.id)).toBe("under_review");
  });

  it("a stale version: the second officer is told, the page is refreshed and the typed values are kept", async () => {
    const c = await inReview();
    // The supervisor returns the case while the officer is still typing a refusal on the old version.
    const first = await perform(t.db, supervisor, c.id, "return_for_correction", { reason: "The flat number is missing." }, c.version);
    expect(first.ok).toBe(true);

    const typed = { reasonCode: "false_information", reason: "The passport data do not match the border record." };
    const result = await performCaseAction({ ...INITIAL_CASE_ACTION_STATE, seq: 4 }, form(c, "refuse", typed));
    expect(result).toMatchObject({ ok: false, conflict: true, formError: common.errors.versionConflict, action: "refuse", values: typed, seq: 5 });
    expect(state.revalidated).toEqual([`/en/staff/cases/${c.id}`]);
    expect(await statusOf(c.id)).toBe("returned_for_correction");
  });

  it("a complete refusal after the hearing is sent for approval: the page says so and the case keeps its state (four-eyes)", async () => {
    const c = await hearingWaived(t.db, officer, applicant, await inReview(), { grounds: "address_not_confirmed" });
    const typed = { reasonCode: "address_not_confirmed", reason: "The host denied that the applicant lives at the address." };
    await expect(performCaseAction(INITIAL_CASE_ACTION_STATE, form(c, "refuse", typed))).rejects.toMatchObject({
      url: `/en/staff/cases/${c.id}?proposed=refuse&v=${c.version + 1}`,
    });
    expect(await statusOf(c.id)).toBe("preliminary_refusal");
  });

  it("a preliminary refusal needs grounds and a text: errors sit next to the form's own fields", async () => {
    const c = await inReview();
    const result = await performCaseAction(INITIAL_CASE_ACTION_STATE, form(c, "preliminary_refuse", { explanation: "Too short" }));
    expect(result.ok).toBe(false);
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["preliminary_refuse.explanation", "preliminary_refuse.grounds"]);
    expect(result.values).toEqual({ explanation: "Too short" });
    expect(result.conflict).toBeUndefined();
    expect(state.revalidated).toEqual([]);
    expect(await statusOf(c.id)).toBe("under_review");
  });

  it("TR-07: a registration past the permitted stay is refused with the rule ID next to the date", async () => {
    const c = await inReview();
    const result = await performCaseAction(INITIAL_CASE_ACTION_STATE, form(c, "register", { validUntil: "2026-12-31" }));
    expect(result.fieldErrors["register.validUntil"]).toMatch(/\(TR-07\)$/);
    expect(result.values).toEqual({ validUntil: "2026-12-31" });
    expect(await statusOf(c.id)).toBe("under_review");
  });

  it("X-09: the protection checkbox reaches the engine as a boolean", async () => {
    const c = await inReview();
    await expect(performCaseAction(INITIAL_CASE_ACTION_STATE, form(c, "set_protection", { protected: "on", reason: "Victim in criminal case 123/2026." }))).rejects.toBeInstanceOf(state.Redirected);
    const [row] = await t.db.select({ flags: cases.flags }).from(cases).where(eq(cases.id, c.id));
    expect(row!.flags).toContain("protected_person");
  });

  it("nobody signed in: nothing changes and what was typed is kept", async () => {
    const c = await inReview();
    state.viewer = null;
    const result = await performCaseAction(INITIAL_CASE_ACTION_STATE, form(c, "return_for_correction", { reason: "Please add the flat number." }));
    expect(result).toMatchObject({ ok: false, formError: staff.case.signedOut, values: { reason: "Please add the flat number." } });
    expect(await statusOf(c.id)).toBe("under_review");
  });

  it("an auditor and an officer of another region cannot act", async () => {
    const c = await file();
    state.viewer = auditor;
    expect((await performCaseAction(INITIAL_CASE_ACTION_STATE, form(c, "start_review"))).formError).toBe(common.errors.forbiddenTitle);
    state.viewer = officerAstana;
    expect((await performCaseAction(INITIAL_CASE_ACTION_STATE, form(c, "start_review"))).formError).toBe(common.errors.notFoundTitle);
    expect(await statusOf(c.id)).toBe("submitted");
  });

  it("system-only and unknown actions are refused before the engine is called", async () => {
    const c = await file();
    for (const action of ["expire", "flag_overstay", "update_draft", "nonsense"]) {
      const result = await performCaseAction(INITIAL_CASE_ACTION_STATE, form(c, action));
      expect(result.formError).toBe(staff.case.unknownAction);
    }
    expect(await statusOf(c.id)).toBe("submitted");
  });
});

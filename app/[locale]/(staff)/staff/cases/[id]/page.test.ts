import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import StaffCasePage from "./page";

const state = vi.hoisted(() => {
  class Signal extends Error {
    constructor(
      readonly kind: "not_found" | "redirect",
      readonly target?: unknown,
    ) {
      super(kind);
    }
  }
  return { Signal, handle: null as import("@/test/db").TestDatabase | null, viewer: null as import("@/lib/engine/types").Viewer | null };
});

vi.mock("@/db", () => ({ getDb: async () => state.handle!.db }));
vi.mock("@/lib/auth", () => ({ auth: async () => null }));
vi.mock("@/lib/dal/viewer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/dal/viewer")>()),
  getViewer: vi.fn(async () => state.viewer),
}));
vi.mock("next-intl/server", async () => {
  const { createTranslator, createFormatter } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  const messages = await loadMessages("en");
  return {
    getTranslations: async (arg?: string | { namespace?: string }) =>
      createTranslator({ locale: "en", messages, namespace: (typeof arg === "string" ? arg : arg?.namespace) as never }),
    getFormatter: async () => createFormatter({ locale: "en", timeZone: "Asia/Almaty" }),
    setRequestLocale: () => {},
  };
});
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }) }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new state.Signal("not_found");
  },
}));
vi.mock("@/lib/i18n/navigation", () => ({
  Link: () => null,
  redirect: (target: unknown) => {
    throw new state.Signal("redirect", target);
  },
}));

const render = (id: string) => StaffCasePage({ params: Promise.resolve({ locale: "en", id }), searchParams: Promise.resolve({}) });

describe.each(TEST_ENGINES)("staff case page on %s", (engine) => {
  let t: TestDatabase;
  let c: CaseSnapshot;
  let officer: Viewer;
  let auditor: Viewer;
  let owner: Viewer;

  async function viewsOf(caseId: string) {
    return t.db.select().from(auditLog).where(eq(auditLog.caseId, caseId));
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at("2026-03-03"));
    t = await createTestDatabase(engine);
    state.handle = t;
    owner = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    auditor = await makeUser(t.db, "auditor");
    const r = await createCase(t.db, owner, TR_SERVICE, trApplication(), { channel: "online", submit: true });
    if (!r.ok) throw new Error("filing failed");
    c = r.case;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });
  beforeEach(() => {
    state.viewer = officer;
  });

  it("every staff read of a case is recorded, by an officer and by an auditor", async () => {
    await render(c.id);
    state.viewer = auditor;
    await render(c.reference);
    const views = await viewsOf(c.id);
    expect(views.map((v) => [v.action, v.channel, v.actorId, v.actorRole, v.ip])).toEqual([
      ["case.view", "page", officer.userId, "officer", "203.0.113.7"],
      ["case.view", "page", auditor.userId, "auditor", "203.0.113.7"],
    ]);
    expect(views[0]!.details).toEqual({ reference: c.reference });
  });

  it("a case outside the viewer's regions is not found, and nothing is recorded as read", async () => {
    const before = (await viewsOf(c.id)).length;
    state.viewer = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    await expect(render(c.id)).rejects.toMatchObject({ kind: "not_found" });
    // The applicant who owns the case reads it on their own pages, not here.
    state.viewer = owner;
    await expect(render(c.id)).rejects.toMatchObject({ kind: "not_found" });
    state.viewer = await makeUser(t.db, "admin");
    await expect(render(c.id)).rejects.toMatchObject({ kind: "not_found" });
    expect(await viewsOf(c.id)).toHaveLength(before);
  });

  it("someone not signed in is sent to sign-in and comes back to the case", async () => {
    state.viewer = null;
    await expect(render(c.id)).rejects.toMatchObject({
      kind: "redirect",
      target: { href: { pathname: "/sign-in", query: { callbackUrl: `/en/staff/cases/${c.id}` } }, locale: "en" },
    });
  });
});

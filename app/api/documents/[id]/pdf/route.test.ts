import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { auditLog } from "@/db/schema";
import type { Db } from "@/db/client";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { Viewer } from "@/lib/engine/types";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";

const current = vi.hoisted(() => ({ db: null as unknown, viewer: null as unknown }));

vi.mock("@/db", () => ({ getDb: async () => current.db }));
vi.mock("@/lib/dal/viewer", () => ({ getViewerForRequest: async () => current.viewer }));
// Outside a Next request there is no next-intl request config: translate from the message files.
vi.mock("next-intl/server", () => ({
  getTranslations: async ({ locale, namespace }: { locale: Locale; namespace?: string }) =>
    createTranslator({ locale, messages: await loadMessages(locale), namespace: namespace as never }),
}));

const { GET } = await import("./route");
const { publicOrigin } = await import("./origin");

function get(id: string, query = "?lang=ru", headers: Record<string, string> = {}) {
  return GET(new Request(`http://127.0.0.1:3100/api/documents/${id}/pdf${query}`, { headers }), { params: Promise.resolve({ id }) });
}

describe.each(TEST_ENGINES)("GET /api/documents/[id]/pdf on %s", (engine) => {
  let t: TestDatabase;
  let owner: Viewer;
  let other: Viewer;
  let officer: Viewer;
  let documentId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    current.db = t.db;
    owner = await makeUser(t.db, "applicant");
    other = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    const filed = await createCase(t.db as Db, owner, TR_SERVICE, trApplication(), { channel: "online", submit: true, now: at("2026-03-03") });
    if (!filed.ok) throw new Error(JSON.stringify(filed));
    const review = await perform(t.db, officer, filed.case.id, "start_review", {}, filed.case.version, { now: at("2026-03-03", "11:00:00") });
    if (!review.ok) throw new Error(JSON.stringify(review));
    const registered = await perform(t.db, officer, filed.case.id, "register", {}, review.case.version, { now: at("2026-03-03", "12:00:00") });
    if (!registered.ok) throw new Error(JSON.stringify(registered));
    const detail = await t.db.query.issuedDocuments.findFirst({ where: (d, { eq: is }) => is(d.caseId, filed.case.id) });
    documentId = detail!.id;
    caseId = filed.case.id;
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    current.db = t.db;
  });

  it("answers 401 without a signed-in viewer", async () => {
    current.viewer = null;
    const res = await get(documentId);
    expect(res.status).toBe(401);
  });

  it("answers 404 for another applicant's document, exactly as for one that does not exist", async () => {
    current.viewer = other;
    expect((await get(documentId)).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
  });

  it("gives the owner the PDF as a download that is never cached, and records the download", async () => {
    current.viewer = owner;
    const res = await get(documentId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="TRS-2026-\d{6}-[A-Z]\.pdf"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, "document.download")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: owner.userId, target: documentId, channel: "page", details: { lang: "ru" } });
  });

  it("falls back to Kazakh for an unknown language and lets staff of the region download it too", async () => {
    current.viewer = officer;
    const res = await get(documentId, "?lang=de");
    expect(res.status).toBe(200);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.actorId, officer.userId!), eq(auditLog.action, "document.download")));
    expect(audit.map((a) => (a.details as { lang: string }).lang)).toEqual(["kk"]);
  });
});

describe("publicOrigin (the host in the verification link)", () => {
  const request = new Request("http://127.0.0.1:3000/api/documents/x/pdf", {
    headers: { "x-forwarded-host": "migration.example.kz", "x-forwarded-proto": "https" },
  });

  it("ignores forwarded headers unless the deployment trusts its proxy", () => {
    vi.stubEnv("AUTH_TRUST_HOST", "");
    expect(publicOrigin(request)).toBe("http://127.0.0.1:3000");
    vi.stubEnv("AUTH_TRUST_HOST", "true");
    expect(publicOrigin(request)).toBe("https://migration.example.kz");
    const bad = new Request("http://127.0.0.1:3000/x", { headers: { "x-forwarded-host": "evil.test/path?x=" } });
    expect(publicOrigin(bad)).toBe("http://127.0.0.1:3000");
    vi.unstubAllEnvs();
  });
});

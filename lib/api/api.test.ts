import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { apiTokens, auditLog, cases, idempotencyKeys, people } from "@/db/schema";
import type { Viewer } from "@/lib/engine/types";
import { TR_SERVICE } from "@/lib/services";
import { hashApiToken } from "@/lib/auth/api-tokens";
import ruApi from "@/lib/i18n/messages/ru/api.json";
import enApi from "@/lib/i18n/messages/en/api.json";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { POST as createApplication } from "@/app/api/v1/applications/route";
import { GET as getApplication } from "@/app/api/v1/applications/[reference]/route";
import { GET as getStatus } from "@/app/api/v1/status/route";
import { GET as listCases } from "@/app/api/v1/cases/route";
import { POST as performAction } from "@/app/api/v1/cases/[id]/actions/[action]/route";
import { GET as health } from "@/app/api/health/route";
import { GET as listFiles, POST as uploadFile } from "@/app/api/v1/cases/[id]/attachments/route";
import { GET as downloadFile } from "@/app/api/v1/cases/[id]/attachments/[attachmentId]/route";

const state = vi.hoisted(() => ({
  handle: null as import("@/test/db").TestDatabase | null,
  sessions: new Map<string, import("@/lib/engine/types").Viewer>(),
  dbDown: false,
}));

vi.mock("@/db", () => ({
  getDb: async () => state.handle!.db,
  getDbHandle: async () => {
    if (state.dbDown) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    return state.handle!;
  },
}));

// Auth.js needs the Next.js runtime; the cookie session is replaced by a test cookie below.
vi.mock("@/lib/auth", () => ({ auth: async () => null }));

// Bearer tokens go through the real token lookup against the test database; a session cookie
// stands for one of the fixture viewers; anything else is nobody.
vi.mock("@/lib/dal/viewer", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/dal/viewer")>();
  return {
    ...actual,
    getViewerForRequest: vi.fn(async (request: Request) => {
      if (request.headers.has("authorization")) return actual.getViewerForRequest(request);
      const name = /(?:^|;\s*)test-session=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
      return (name && state.sessions.get(name)) || null;
    }),
  };
});

vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  return {
    getTranslations: async ({ locale }: { locale: "kk" | "ru" | "en" }) => createTranslator({ locale, messages: await loadMessages(locale) }),
  };
});

interface Options {
  as?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

function request(method: string, path: string, { as, token, body, headers }: Options = {}): Request {
  const h = new Headers(headers);
  if (as) h.set("cookie", `test-session=${as}`);
  if (token) h.set("authorization", `Bearer ${token}`);
  if (body !== undefined && !h.has("content-type")) h.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, { method, headers: h, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}

const params = <P>(p: P) => ({ params: Promise.resolve(p) });

async function read(res: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe.each(TEST_ENGINES)("/api/v1 on %s", (engine) => {
  let t: TestDatabase;
  let clerkAccount: Viewer;
  let readOnlyToken: string;
  let createToken: string;

  beforeAll(async () => {
    // The engine takes "now" from the clock: fix it to the day the fixture application is valid for.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at("2026-03-03"));
    t = await createTestDatabase(engine);
    state.handle = t;
    state.sessions.clear();
    const register = async (name: string, v: Promise<Viewer>) => state.sessions.set(name, await v);
    await register("applicantA", makeUser(t.db, "applicant"));
    await register("applicantB", makeUser(t.db, "applicant"));
    await register("officerAlmaty", makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] }));
    await register("officerAstana", makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] }));

    const admin = await makeUser(t.db, "admin");
    clerkAccount = await makeUser(t.db, "clerk", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    const issue = async (scopes: string[]) => {
      const token = `kzm_${randomBytes(32).toString("base64url")}`;
      await t.db.insert(apiTokens).values({ name: scopes.join(" "), tokenHash: hashApiToken(token), userId: clerkAccount.userId!, scopes, createdBy: admin.userId! });
      return token;
    };
    readOnlyToken = await issue(["applications:read", "cases:read"]);
    createToken = await issue(["applications:create", "applications:read"]);
  });

  afterAll(async () => {
    vi.useRealTimers();
    state.handle = null;
    await t?.close();
  });

  const file = (as: string, data: unknown = trApplication(), headers: Record<string, string> = {}) =>
    createApplication(request("POST", "/api/v1/applications", { as, headers, body: { service: TR_SERVICE, data } }));

  async function fileOk(as = "applicantA", data: unknown = trApplication()) {
    const res = await read(await file(as, data));
    expect(res.status).toBe(201);
    return res.body as { id: string; reference: string; version: number; status: string };
  }

  const act = (as: string, id: string, action: string, body: unknown) =>
    performAction(request("POST", `/api/v1/cases/${id}/actions/${action}`, { as, body }), params({ id, action }));

  const get = (as: string | undefined, reference: string, headers?: Record<string, string>) =>
    getApplication(request("GET", `/api/v1/applications/${reference}`, { as, headers }), params({ reference }));

  it("files and submits an application: 201 with reference, version, deadline and a link", async () => {
    const res = await file("applicantA");
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "submitted", version: 2, dueOn: "2026-03-04" });
    expect(body.reference).toMatch(/^TR-2026-\d{6}-[A-Z]$/);
    expect(body.links).toEqual({ self: `/api/v1/applications/${body.reference}` });
    expect(res.headers.get("location")).toBe(`/api/v1/applications/${body.reference}`);
  });

  it("the same Idempotency-Key twice: the first result again with 200, never a second case", async () => {
    const key = `key-${randomBytes(6).toString("hex")}`;
    const surname = `IDEMPOTENT${randomBytes(3).toString("hex").replace(/[0-9]/g, "X").toUpperCase()}`;
    const data = trApplication({ person: { surname } });
    const first = await read(await file("applicantA", data, { "idempotency-key": key }));
    const again = await read(await file("applicantA", data, { "idempotency-key": key }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const filed = await t.db.select().from(people).where(eq(people.surname, surname));
    expect(filed).toHaveLength(1);
  });

  it("the same Idempotency-Key 5× at once opens one case: one 201, four 200 with the same id", async () => {
    const key = `key-${randomBytes(6).toString("hex")}`;
    const surname = `PARALLEL${randomBytes(3).toString("hex").replace(/[0-9]/g, "Q").toUpperCase()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => file("applicantA", trApplication({ person: { surname } }), { "idempotency-key": key }).then(read)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await t.db.select().from(people).where(eq(people.surname, surname))).toHaveLength(1);
    const keys = await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(keys).toHaveLength(1);
  });

  it("an Idempotency-Key over 200 characters is refused with 422 before anything is filed", async () => {
    const res = await read(await file("applicantA", trApplication(), { "idempotency-key": "k".repeat(201) }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: "validation_failed", issues: [{ path: ["Idempotency-Key"], messageKey: "api.validation.idempotencyKey" }] });
  });

  it("invalid data → 422 validation_failed with paths into the request body", async () => {
    const res = await read(await file("applicantA", trApplication({ stay: { requestedEndDate: "2026-02-01" } })));
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("validation_failed");
    expect(res.body.issues).toContainEqual(expect.objectContaining({ path: ["data", "stay", "requestedEndDate"], messageKey: "tr.validation.endBeforeEntry" }));

    const missing = await read(await file("applicantA", { person: {} }));
    expect(missing.status).toBe(422);
    const paths = (missing.body.issues as { path: unknown[] }[]).map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["data.person.surname", "data.passport", "data.stay"]));
  });

  it("TR-07: a stay beyond the visa-free period → 422 rule_violation with rule TR-07", async () => {
    const res = await read(await file("applicantA", trApplication({ stay: { requestedEndDate: "2026-12-31" } })));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: "rule_violation", rule: "TR-07", messageKey: "rules.tr07StayExceedsPermitted" });
    expect(typeof res.body.message).toBe("string");
    expect(res.body.violations).toEqual([expect.objectContaining({ rule: "TR-07", path: ["data", "stay", "requestedEndDate"] })]);
  });

  it("an unknown service → 422 on the service field; malformed JSON → 400; a form post → 415", async () => {
    const unknown = await read(await createApplication(request("POST", "/api/v1/applications", { as: "applicantA", body: { service: "no_such_service", data: {} } })));
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ error: "validation_failed", issues: [{ path: ["service"], messageKey: "api.validation.unknownService" }] });

    const malformed = await read(await createApplication(request("POST", "/api/v1/applications", { as: "applicantA", body: "{not json" })));
    expect(malformed).toMatchObject({ status: 400, body: { error: "bad_request" } });

    const form = await read(
      await createApplication(request("POST", "/api/v1/applications", { as: "applicantA", body: JSON.stringify({ service: TR_SERVICE, data: trApplication() }), headers: { "content-type": "text/plain" } })),
    );
    expect(form).toMatchObject({ status: 415, body: { error: "unsupported_media_type" } });
  });

  it("no viewer → 401 on every signed-in endpoint", async () => {
    const c = await fileOk();
    const responses = await Promise.all([
      createApplication(request("POST", "/api/v1/applications", { body: { service: TR_SERVICE, data: trApplication() } })),
      get(undefined, c.reference),
      listCases(request("GET", "/api/v1/cases")),
      performAction(request("POST", `/api/v1/cases/${c.id}/actions/start_review`, { body: { version: c.version } }), params({ id: c.id, action: "start_review" })),
      // An unknown token is nobody as well, never a fall-back to a cookie.
      listCases(request("GET", "/api/v1/cases", { as: "officerAlmaty", token: "kzm_unknown" })),
    ]);
    for (const res of responses) {
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="api"');
      expect(await res.json()).toEqual({ error: "unauthorized", message: enApi.errors.unauthorized, messageKey: "api.errors.unauthorized" });
    }
  });

  it("a request with x-middleware-subrequest gets exactly the same 401 as one without", async () => {
    const plain = await listCases(request("GET", "/api/v1/cases"));
    const spoofed = await listCases(request("GET", "/api/v1/cases", { headers: { "x-middleware-subrequest": "middleware:middleware:middleware" } }));
    expect(plain.status).toBe(401);
    expect(spoofed.status).toBe(plain.status);
    expect(await spoofed.text()).toBe(await plain.text());
    expect([...spoofed.headers.entries()]).toEqual([...plain.headers.entries()]);
  });

  it("messages follow Accept-Language (English by default) and carry their key", async () => {
    const ru = await read(await listCases(request("GET", "/api/v1/cases", { headers: { "accept-language": "ru-RU,ru;q=0.9,en;q=0.8" } })));
    expect(ru.body).toMatchObject({ message: ruApi.errors.unauthorized, messageKey: "api.errors.unauthorized" });
    const other = await read(await listCases(request("GET", "/api/v1/cases", { headers: { "accept-language": "de-DE,fr;q=0.5" } })));
    expect(other.body.message).toBe(enApi.errors.unauthorized);
  });

  it("a token without applications:create → 403; with it → 201 (the case is the token account's to see)", async () => {
    const body = { service: TR_SERVICE, data: trApplication() };
    const denied = await read(await createApplication(request("POST", "/api/v1/applications", { token: readOnlyToken, body })));
    expect(denied).toMatchObject({ status: 403, body: { error: "forbidden", messageKey: "api.errors.forbidden" } });

    const created = await read(await createApplication(request("POST", "/api/v1/applications", { token: createToken, body })));
    expect(created.status).toBe(201);
    const [row] = await t.db.select({ channel: cases.channel, filedBy: cases.filedBy }).from(cases).where(eq(cases.id, created.body.id as string));
    expect(row).toEqual({ channel: "api", filedBy: clerkAccount.userId });
    const seen = await read(await getApplication(request("GET", `/api/v1/applications/${created.body.reference}`, { token: readOnlyToken }), params({ reference: created.body.reference as string })));
    expect(seen.status).toBe(200);
  });

  it("applicant B reading applicant A's application → 404, the same answer as for a case that does not exist", async () => {
    const c = await fileOk("applicantA");
    expect((await get("applicantA", c.reference)).status).toBe(200);
    const other = await read(await get("applicantB", c.reference));
    expect(other.status).toBe(404);
    const missing = await read(await get("applicantB", "TR-2026-999999-A"));
    expect(other.body).toEqual(missing.body);
    expect((await get("applicantB", c.id)).status).toBe(404);
  });

  it("applicant B acting on applicant A's case → 404, and the case is untouched", async () => {
    const c = await fileOk("applicantA");
    const res = await read(await act("applicantB", c.id, "withdraw", { version: c.version }));
    expect(res).toMatchObject({ status: 404, body: { error: "not_found" } });
    const [row] = await t.db.select({ version: cases.version, status: cases.status }).from(cases).where(eq(cases.id, c.id));
    expect(row).toEqual({ version: c.version, status: "submitted" });
  });

  it("an officer of Astana sees none of Almaty's cases in the queue; Almaty's officer does", async () => {
    const almaty = await fileOk("applicantA");
    const astana = await fileOk("applicantA", trApplication({ address: { region: "KZ-AST", city: "Astana" } }));
    const astanaQueue = await read(await listCases(request("GET", "/api/v1/cases?limit=100", { as: "officerAstana" })));
    expect(astanaQueue.status).toBe(200);
    const astanaItems = astanaQueue.body.items as { id: string; region: string }[];
    expect(astanaItems.map((i) => i.id)).toContain(astana.id);
    expect(astanaItems.every((i) => i.region === "KZ-AST")).toBe(true);
    expect(astanaQueue.body.total).toBe(astanaItems.length);

    const almatyQueue = await read(await listCases(request("GET", `/api/v1/cases?limit=100&status=submitted,under_review&q=${almaty.reference}`, { as: "officerAlmaty" })));
    expect((almatyQueue.body.items as { id: string }[]).map((i) => i.id)).toEqual([almaty.id]);
    expect(almatyQueue.body.total).toBe(1);
  });

  it("the queue pages with a cursor and refuses a bad limit with 422", async () => {
    await fileOk("applicantA");
    await fileOk("applicantA");
    const first = await read(await listCases(request("GET", "/api/v1/cases?limit=1", { as: "officerAlmaty" })));
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.total).toBeGreaterThanOrEqual(2);
    expect(typeof first.body.nextCursor).toBe("string");
    const second = await read(await listCases(request("GET", `/api/v1/cases?limit=1&cursor=${first.body.nextCursor as string}`, { as: "officerAlmaty" })));
    expect((second.body.items as { id: string }[])[0]!.id).not.toBe((first.body.items as { id: string }[])[0]!.id);

    const bad = await read(await listCases(request("GET", "/api/v1/cases?limit=1000", { as: "officerAlmaty" })));
    expect(bad.body).toMatchObject({ error: "validation_failed", issues: [{ path: ["limit"], messageKey: "api.validation.limit" }] });
    expect(bad.status).toBe(422);
  });

  it("the queue API offers the page's work lists and orders; an unknown one is refused with 422", async () => {
    const filed = await fileOk("applicantA");
    const unassigned = await read(await listCases(request("GET", `/api/v1/cases?view=unassigned&sort=filed&q=${filed.reference}`, { as: "officerAlmaty" })));
    expect((unassigned.body.items as { id: string }[]).map((i) => i.id)).toEqual([filed.id]);
    const mine = await read(await listCases(request("GET", `/api/v1/cases?view=mine&q=${filed.reference}`, { as: "officerAlmaty" })));
    expect(mine.body).toMatchObject({ items: [], total: 0 });
    const bad = await read(await listCases(request("GET", "/api/v1/cases?view=everything", { as: "officerAlmaty" })));
    expect(bad).toMatchObject({ status: 422, body: { issues: [{ path: ["view"], messageKey: "api.validation.choice" }] } });
  });

  it("the queue is for staff: an applicant gets 403", async () => {
    expect((await listCases(request("GET", "/api/v1/cases", { as: "applicantA" }))).status).toBe(403);
  });

  it("an action with the current version → 200; the same stale version again → 409 version_conflict", async () => {
    const c = await fileOk("applicantA");
    const ok = await read(await act("officerAlmaty", c.id, "start_review", { version: c.version }));
    expect(ok).toMatchObject({ status: 200, body: { id: c.id, reference: c.reference, status: "under_review", version: c.version + 1 } });
    const stale = await read(await act("officerAlmaty", c.id, "start_review", { version: c.version }));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: "version_conflict", currentVersion: c.version + 1, messageKey: "api.errors.versionConflict" });
  });

  it("an action without an integer version → 422 on path [version]; invalid input → 422 on its field", async () => {
    const c = await fileOk("applicantA");
    for (const body of [{}, { version: "2" }, { version: 1.5 }]) {
      const res = await read(await act("officerAlmaty", c.id, "start_review", body));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ error: "validation_failed", issues: [{ path: ["version"], messageKey: "api.validation.version" }] });
    }
    await act("officerAlmaty", c.id, "start_review", { version: c.version });
    const short = await read(await act("officerAlmaty", c.id, "refuse", { version: c.version + 1, reasonCode: "other", reason: "short" }));
    expect(short.status).toBe(422);
    expect(short.body.issues).toEqual([expect.objectContaining({ path: ["reason"], messageKey: "rules.validation.reasonTooShort" })]);
  });

  it("registration shows on the application with its document; internal events stay hidden from the applicant", async () => {
    const c = await fileOk("applicantA");
    await act("officerAlmaty", c.id, "start_review", { version: c.version });
    const flagged = await read(await act("officerAlmaty", c.id, "set_protection", { version: c.version + 1, protected: false, reason: "Checked: no protection needed." }));
    expect(flagged.status).toBe(200);
    const registered = await read(await act("officerAlmaty", c.id, "register", { version: c.version + 2 }));
    expect(registered.body).toMatchObject({ status: "registered", version: c.version + 3 });

    const mine = await read(await get("applicantA", c.reference, { "accept-language": "ru" }));
    expect(mine.status).toBe(200);
    expect((mine.body.events as { action: string }[]).map((e) => e.action)).toEqual(["create", "submit", "start_review", "register"]);
    expect(mine.body.documents).toEqual([
      expect.objectContaining({ type: "registration_slip", validFrom: "2026-03-03", validUntil: "2026-04-15", status: "valid", verifyUrl: expect.stringMatching(/^\/ru\/verify\/.+/) }),
    ]);
    expect(mine.body).not.toHaveProperty("data");

    const staff = await read(await get("officerAlmaty", c.reference));
    expect((staff.body.events as { action: string }[]).map((e) => e.action)).toContain("set_protection");
    const views = await t.db.select().from(auditLog).where(and(eq(auditLog.caseId, c.id), eq(auditLog.action, "case.view")));
    expect(views.map((v) => [v.actorId, v.channel])).toEqual(
      expect.arrayContaining([
        [state.sessions.get("applicantA")!.userId, "api"],
        [state.sessions.get("officerAlmaty")!.userId, "api"],
      ]),
    );
  });

  it("public status: reference + passport number → the status; a wrong number → 404; both audited without the number", async () => {
    const c = await fileOk("applicantA");
    const ip = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const ask = (document: string) => getStatus(request("GET", `/api/v1/status?reference=${c.reference}&document=${document}`, { headers: { "x-forwarded-for": ip } }));
    const found = await read(await ask("fa 1234567"));
    expect(found).toMatchObject({ status: 200, body: { reference: c.reference, service: TR_SERVICE, status: "submitted", dueOn: "2026-03-04" } });
    expect(Object.keys(found.body).sort()).toEqual(["dueOn", "reference", "service", "status", "updatedAt"]);
    expect((await ask("XX0000000")).status).toBe(404);

    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "case.public_status"), eq(auditLog.ip, ip)));
    expect(audits.map((a) => a.details)).toEqual([{ found: true }, { found: false }]);
    expect(JSON.stringify(audits)).not.toContain("1234567");
  });

  it("public status is rate-limited per address: 429 with Retry-After", async () => {
    const ip = `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const ask = () => getStatus(request("GET", "/api/v1/status?reference=TR-2026-000001-A&document=X1234567", { headers: { "x-forwarded-for": ip } }));
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 30 && !limited; i += 1) {
      const res = await ask();
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(limited).not.toBeNull();
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited!.json()).toMatchObject({ error: "too_many_requests", messageKey: "api.errors.tooManyRequests" });
    // Another address is not affected.
    const other = await getStatus(request("GET", "/api/v1/status?reference=TR-2026-000001-A&document=X1234567", { headers: { "x-forwarded-for": `${ip}9` } }));
    expect(other.status).toBe(404);
  });

  it("health: ok with the database kind; 503 when the database is unreachable", async () => {
    const ok = await read(await health());
    expect(ok).toMatchObject({ status: 200, body: { status: "ok", db: engine } });
    state.dbDown = true;
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const down = await read(await health());
      expect(down).toMatchObject({ status: 503, body: { status: "unavailable" } });
      expect(JSON.stringify(down.body)).not.toContain("ECONNREFUSED");
    } finally {
      state.dbDown = false;
      errorLog.mockRestore();
    }
  });

  it("attachments: a PNG is attached through the engine, listed and downloaded by those who see the case; a disguised file is a rule violation", async () => {
    const c = await fileOk();
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
    const upload = (as: string, bytes: Uint8Array<ArrayBuffer>, version: number, name = "passport.pdf") => {
      const form = new FormData();
      form.set("version", String(version));
      form.set("kind", "passport_scan");
      form.set("file", new File([bytes], name));
      const h = new Headers({ cookie: `test-session=${as}` });
      return uploadFile(new Request(`http://localhost/api/v1/cases/${c.id}/attachments`, { method: "POST", headers: h, body: form }), params({ id: c.id }));
    };
    const created = await read(await upload("applicantA", png, c.version));
    expect(created).toMatchObject({ status: 201, body: { version: c.version + 1 } });
    expect((await read(await upload("applicantB", png, c.version + 1))).status).toBe(404);
    const disguised = await read(await upload("applicantA", Uint8Array.from(Buffer.from("not an image")), c.version + 1));
    expect(disguised).toMatchObject({ status: 422, body: { error: "rule_violation", messageKey: "rules.attachmentType" } });

    const listed = await read(await listFiles(request("GET", `/api/v1/cases/${c.id}/attachments`, { as: "officerAlmaty" }), params({ id: c.id })));
    const items = listed.body.items as { id: string; fileName: string; mimeType: string }[];
    expect(items.map((i) => [i.fileName, i.mimeType])).toEqual([["passport.png", "image/png"]]);
    const got = await downloadFile(request("GET", "/", { as: "applicantA" }), params({ id: c.id, attachmentId: items[0]!.id }));
    expect([got.status, got.headers.get("content-type")]).toEqual([200, "image/png"]);
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
    expect((await downloadFile(request("GET", "/", { as: "officerAstana" }), params({ id: c.id, attachmentId: items[0]!.id }))).status).toBe(404);
  });
});

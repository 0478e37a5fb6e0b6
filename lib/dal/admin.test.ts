import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, authSessions, calendarDays, ruleParameters, users, visaRegimes } from "@/db/schema";
import { AuthzError } from "@/lib/auth/errors";
import { verifyPassword } from "@/lib/auth/password";
import { createAuthSession } from "@/lib/auth/sessions";
import type { Viewer } from "@/lib/engine/types";
import { invalidateReferenceCache, loadParameters, loadReferenceData } from "@/lib/rules/load";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { makeUser } from "@/test/fixtures";
import {
  addCalendarTransfer,
  addVisaRegime,
  assignableServices,
  cancelScheduledParameterValue,
  createUser,
  deleteCalendarException,
  getParameter,
  getUser,
  listCalendarExceptions,
  listParameters,
  listUsers,
  listVisaRegimes,
  scheduleParameterValue,
  setUserDisabledByAdmin,
  setUserPassword,
  signOutUserEverywhere,
  updateUserAccess,
} from "./admin";
import { loadViewer } from "./viewer";

const TODAY = "2026-11-23";
const meta = { today: TODAY, ip: "127.0.0.1" };
const NEW_PASSWORD = "correct horse battery staple";

describe.each(TEST_ENGINES)("lib/dal/admin on %s", (engine) => {
  let t: TestDatabase;
  let admin: Viewer;
  let officer: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    admin = await makeUser(t.db, "admin");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
  });
  afterAll(async () => {
    invalidateReferenceCache();
    await t?.close();
  });

  async function lastAudit(action: string) {
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1);
    return row;
  }

  describe("authorisation", () => {
    it("every function refuses anyone but an administrator signed in with a password", async () => {
      const applicant = await makeUser(t.db, "applicant");
      const auditor = await makeUser(t.db, "auditor");
      const supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
      // An API token acting as an admin account is still not an administrator at a keyboard.
      const adminToken: Viewer = { ...admin, kind: "token", tokenId: "00000000-0000-4000-8000-000000000000", scopes: ["cases:read"] };
      const id = officer.userId!;
      const calls: [string, (v: Viewer) => Promise<unknown>][] = [
        ["listUsers", (v) => listUsers(t.db, v)],
        ["getUser", (v) => getUser(t.db, v, id)],
        ["createUser", (v) => createUser(t.db, v, { email: "x@test.kz", displayName: "X", role: "applicant", regions: [], services: [], password: NEW_PASSWORD }, meta)],
        ["updateUserAccess", (v) => updateUserAccess(t.db, v, id, { role: "auditor", regions: [], services: [] }, meta)],
        ["setUserDisabledByAdmin", (v) => setUserDisabledByAdmin(t.db, v, id, true, meta)],
        ["signOutUserEverywhere", (v) => signOutUserEverywhere(t.db, v, id, meta)],
        ["setUserPassword", (v) => setUserPassword(t.db, v, id, NEW_PASSWORD, meta)],
        ["listParameters", (v) => listParameters(t.db, v, meta)],
        ["getParameter", (v) => getParameter(t.db, v, "tr_registration_deadline_days", meta)],
        ["scheduleParameterValue", (v) => scheduleParameterValue(t.db, v, { key: "tr_registration_deadline_days", value: 9, effectiveFrom: "2027-02-01", reason: "Test of refusal" }, meta)],
        ["cancelScheduledParameterValue", (v) => cancelScheduledParameterValue(t.db, v, "00000000-0000-4000-8000-000000000001", meta)],
        ["listVisaRegimes", (v) => listVisaRegimes(t.db, v, {}, meta)],
        ["addVisaRegime", (v) => addVisaRegime(t.db, v, { country: "USA", passportType: "national", regime: "visa_free_days", days: 30, effectiveFrom: "2027-02-01", note: null }, meta)],
        ["listCalendarExceptions", (v) => listCalendarExceptions(t.db, v, 2027)],
        ["addCalendarTransfer", (v) => addCalendarTransfer(t.db, v, { day: "2027-07-03", kind: "moved_working_day", name: "Test" }, meta)],
        ["deleteCalendarException", (v) => deleteCalendarException(t.db, v, "2027-01-01", meta)],
      ];
      for (const viewer of [applicant, officer, supervisor, auditor, adminToken]) {
        for (const [name, call] of calls) {
          await expect(call(viewer), `${name} as ${viewer.kind} ${viewer.role}`).rejects.toBeInstanceOf(AuthzError);
        }
      }
      // Nothing was changed by the refused calls.
      const [officerRow] = await t.db.select().from(users).where(eq(users.id, id));
      expect(officerRow).toMatchObject({ role: "officer", disabledAt: null, passwordHash: "not-a-real-hash" });
      expect(await t.db.select().from(users).where(eq(users.email, "x@test.kz"))).toEqual([]);
      expect(await t.db.select().from(calendarDays).where(eq(calendarDays.day, "2027-07-03"))).toEqual([]);
    });
  });

  describe("accounts", () => {
    it("creates a staff account with a working password and records who did it", async () => {
      const r = await createUser(
        t.db,
        admin,
        { email: " New.Officer@Test.kz ", displayName: "New Officer", role: "officer", regions: ["KZ-AST"], services: [TR_SERVICE], password: NEW_PASSWORD },
        meta,
      );
      if (!r.ok) throw new Error(JSON.stringify(r));
      const [row] = await t.db.select().from(users).where(eq(users.id, r.userId));
      expect(row).toMatchObject({ email: "new.officer@test.kz", role: "officer", regions: ["KZ-AST"], services: [TR_SERVICE], disabledAt: null });
      expect(await verifyPassword(row!.passwordHash, NEW_PASSWORD)).toBe(true);
      expect(await lastAudit("admin.user.create")).toMatchObject({ actorId: admin.userId, target: r.userId, channel: "action", ip: "127.0.0.1" });
      expect(JSON.stringify((await lastAudit("admin.user.create"))?.details)).not.toContain(NEW_PASSWORD);

      const again = await createUser(t.db, admin, { email: "new.officer@test.kz", displayName: "Twin", role: "applicant", regions: [], services: [], password: NEW_PASSWORD }, meta);
      expect(again).toEqual({ ok: false, error: "invalid", problems: [{ field: "email", code: "emailTaken" }] });
    });

    it("refuses regions and services that do not fit the role or do not exist, and a weak password", async () => {
      const base = { email: "someone@test.kz", displayName: "Someone", password: NEW_PASSWORD };
      expect(await createUser(t.db, admin, { ...base, role: "clerk", regions: [], services: [] }, meta)).toEqual({
        ok: false,
        error: "invalid",
        problems: [
          { field: "regions", code: "regionsRequired" },
          { field: "services", code: "servicesRequired" },
        ],
      });
      expect(await createUser(t.db, admin, { ...base, role: "applicant", regions: ["KZ-ALA"], services: [TR_SERVICE] }, meta)).toMatchObject({
        problems: [
          { field: "regions", code: "regionsNotForRole" },
          { field: "services", code: "servicesNotForRole" },
        ],
      });
      expect(await createUser(t.db, admin, { ...base, role: "officer", regions: ["KZ-XXX"], services: ["work_permit"] }, meta)).toMatchObject({
        problems: [
          { field: "regions", code: "unknownRegion" },
          { field: "services", code: "unknownService" },
        ],
      });
      expect(await createUser(t.db, admin, { ...base, role: "applicant", regions: [], services: [], password: "short" }, meta)).toMatchObject({
        problems: [{ field: "password", code: "passwordInvalid" }],
      });
      expect(await t.db.select().from(users).where(eq(users.email, "someone@test.kz"))).toEqual([]);
    });

    it("offers exactly the registered services", () => {
      expect(assignableServices()).toContain(TR_SERVICE);
    });

    it("lists accounts filtered by role and by a part of the email or name", async () => {
      const auditor = await makeUser(t.db, "auditor");
      const all = await listUsers(t.db, admin);
      expect(all.total).toBeGreaterThanOrEqual(3);
      expect(all.users[0]).not.toHaveProperty("passwordHash");
      const auditors = await listUsers(t.db, admin, { role: "auditor" });
      expect(auditors.users.every((u) => u.role === "auditor")).toBe(true);
      expect(auditors.users.map((u) => u.id)).toContain(auditor.userId);
      const byName = await listUsers(t.db, admin, { query: auditor.displayName });
      expect(byName.users.map((u) => u.id)).toEqual([auditor.userId]);
      // LIKE wildcards typed by the user match themselves only.
      expect((await listUsers(t.db, admin, { query: "%" })).total).toBe(0);
    });

    it("changes role, regions and services; an administrator cannot take away their own admin role", async () => {
      const clerk = await makeUser(t.db, "clerk", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
      const r = await updateUserAccess(t.db, admin, clerk.userId!, { role: "supervisor", regions: ["KZ-ALA", "KZ-ALM"], services: [TR_SERVICE] }, meta);
      expect(r).toEqual({ ok: true });
      expect(await getUser(t.db, admin, clerk.userId!)).toMatchObject({ role: "supervisor", regions: ["KZ-ALA", "KZ-ALM"] });
      expect((await lastAudit("admin.user.update_access"))?.details).toMatchObject({ before: { role: "clerk" }, after: { role: "supervisor" } });

      expect(await updateUserAccess(t.db, admin, admin.userId!, { role: "auditor", regions: [], services: [] }, meta)).toEqual({
        ok: false,
        error: "invalid",
        problems: [{ field: "role", code: "ownAdminRole" }],
      });
      expect((await getUser(t.db, admin, admin.userId!))?.role).toBe("admin");
      expect(await updateUserAccess(t.db, admin, "00000000-0000-4000-8000-000000000000", { role: "auditor", regions: [], services: [] }, meta)).toEqual({
        ok: false,
        error: "not_found",
      });
    });

    it("disabling a user revokes all their sessions at once; enabling does not bring them back", async () => {
      const target = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
      const s1 = await createAuthSession(t.db, { userId: target.userId! });
      const s2 = await createAuthSession(t.db, { userId: target.userId! });
      expect(await loadViewer(t.db, { uid: target.userId, sid: s1 })).not.toBeNull();
      expect((await getUser(t.db, admin, target.userId!))?.activeSessions).toBe(2);

      expect(await setUserDisabledByAdmin(t.db, admin, target.userId!, true, meta)).toEqual({ ok: true });
      const open = await t.db.select().from(authSessions).where(and(eq(authSessions.userId, target.userId!), isNull(authSessions.revokedAt)));
      expect(open).toEqual([]);
      expect(await loadViewer(t.db, { uid: target.userId, sid: s2 })).toBeNull();
      expect(await getUser(t.db, admin, target.userId!)).toMatchObject({ disabled: true, activeSessions: 0 });
      expect(await lastAudit("admin.user.disable")).toMatchObject({ target: target.userId, actorId: admin.userId });

      expect(await setUserDisabledByAdmin(t.db, admin, target.userId!, false, meta)).toEqual({ ok: true });
      expect(await getUser(t.db, admin, target.userId!)).toMatchObject({ disabled: false, activeSessions: 0 });
      expect(await loadViewer(t.db, { uid: target.userId, sid: s1 })).toBeNull();
      expect(await lastAudit("admin.user.enable")).toMatchObject({ target: target.userId });
    });

    it("an administrator cannot disable themselves", async () => {
      const session = await createAuthSession(t.db, { userId: admin.userId! });
      expect(await setUserDisabledByAdmin(t.db, admin, admin.userId!, true, meta)).toEqual({
        ok: false,
        error: "invalid",
        problems: [{ field: "disabled", code: "cannotDisableSelf" }],
      });
      expect((await getUser(t.db, admin, admin.userId!))?.disabled).toBe(false);
      expect(await loadViewer(t.db, { uid: admin.userId, sid: session })).not.toBeNull();
    });

    it("signs a user out everywhere without disabling the account", async () => {
      const target = await makeUser(t.db, "clerk", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
      const s = await createAuthSession(t.db, { userId: target.userId! });
      await createAuthSession(t.db, { userId: target.userId! });
      expect(await signOutUserEverywhere(t.db, admin, target.userId!, meta)).toEqual({ ok: true, revoked: 2 });
      expect(await loadViewer(t.db, { uid: target.userId, sid: s })).toBeNull();
      expect(await getUser(t.db, admin, target.userId!)).toMatchObject({ disabled: false, activeSessions: 0 });
      expect((await lastAudit("admin.user.sign_out_everywhere"))?.details).toEqual({ revoked: 2 });
    });

    it("sets a new password, which ends the user's sessions", async () => {
      const target = await makeUser(t.db, "applicant");
      const s = await createAuthSession(t.db, { userId: target.userId! });
      expect(await setUserPassword(t.db, admin, target.userId!, "short", meta)).toMatchObject({ ok: false, error: "invalid" });
      expect(await setUserPassword(t.db, admin, target.userId!, NEW_PASSWORD, meta)).toEqual({ ok: true });
      const [row] = await t.db.select().from(users).where(eq(users.id, target.userId!));
      expect(await verifyPassword(row!.passwordHash, NEW_PASSWORD)).toBe(true);
      expect(await loadViewer(t.db, { uid: target.userId, sid: s })).toBeNull();
      const audit = await lastAudit("admin.user.set_password");
      expect(audit).toMatchObject({ target: target.userId });
      expect(JSON.stringify(audit?.details ?? null)).not.toContain(NEW_PASSWORD);
    });
  });

  describe("rule parameters", () => {
    const KEY = "tr_overstay_grace_days";

    it("scheduling closes the open period the day before, and the reader switches on the effective date", async () => {
      const before = await loadParameters(t.db);
      expect(before.number(KEY, "2027-06-01")).toBe(3);

      const r = await scheduleParameterValue(t.db, admin, { key: KEY, value: 5, effectiveFrom: "2027-01-01", reason: "Amendment to the Code, art. 517" }, meta);
      if (!r.ok) throw new Error(JSON.stringify(r));

      const rows = await t.db.select().from(ruleParameters).where(eq(ruleParameters.key, KEY)).orderBy(ruleParameters.effectiveFrom);
      expect(rows.map((p) => [p.value, p.effectiveFrom, p.effectiveTo])).toEqual([
        [3, "2000-01-01", "2026-12-31"],
        [5, "2027-01-01", null],
      ]);
      expect(rows[1]).toMatchObject({ source: "Amendment to the Code, art. 517", description: rows[0]!.description });

      const params = await loadParameters(t.db);
      expect(params.number(KEY, TODAY)).toBe(3);
      expect(params.number(KEY, "2026-12-31")).toBe(3);
      expect(params.number(KEY, "2027-01-01")).toBe(5);
      expect(params.number(KEY, "2030-01-01")).toBe(5);

      const group = await getParameter(t.db, admin, KEY, meta);
      expect(group?.current?.value).toBe(3);
      expect(group?.periods.map((p) => [p.value, p.inForce, p.scheduled])).toEqual([
        [5, false, true],
        [3, true, false],
      ]);
      expect(await lastAudit("admin.parameter.schedule")).toMatchObject({ target: KEY, actorId: admin.userId });
    });

    it("refuses a retroactive start: today or any earlier day", async () => {
      const key = "tr_registration_deadline_days";
      for (const effectiveFrom of [TODAY, "2026-11-01", "2020-01-01"]) {
        expect(await scheduleParameterValue(t.db, admin, { key, value: 7, effectiveFrom, reason: "Retroactive attempt" }, meta)).toEqual({
          ok: false,
          error: "invalid",
          problems: [{ field: "effectiveFrom", code: "effectiveFromNotFuture" }],
        });
      }
      const rows = await t.db.select().from(ruleParameters).where(eq(ruleParameters.key, key));
      expect(rows.map((p) => [p.value, p.effectiveTo])).toEqual([[5, null]]);
    });

    it("refuses overlapping periods, a value of another kind and an unknown key", async () => {
      // KEY has a period from 2027-01-01 (previous test): a start on or before it would overlap.
      for (const effectiveFrom of ["2026-12-15", "2027-01-01"]) {
        expect(await scheduleParameterValue(t.db, admin, { key: KEY, value: 4, effectiveFrom, reason: "Overlapping change" }, meta)).toMatchObject({
          problems: [{ field: "effectiveFrom", code: "overlap" }],
        });
      }
      expect(await scheduleParameterValue(t.db, admin, { key: KEY, value: "4", effectiveFrom: "2027-06-01", reason: "Wrong kind" }, meta)).toMatchObject({
        problems: [{ field: "value", code: "valueKindMismatch" }],
      });
      expect(await scheduleParameterValue(t.db, admin, { key: "no_such_parameter", value: 1, effectiveFrom: "2027-06-01", reason: "Unknown" }, meta)).toEqual({
        ok: false,
        error: "not_found",
      });
      expect((await t.db.select().from(ruleParameters).where(eq(ruleParameters.key, KEY))).length).toBe(2);
    });

    it("a later value can follow a scheduled one, and a value not yet in force can be withdrawn", async () => {
      const later = await scheduleParameterValue(t.db, admin, { key: KEY, value: 6, effectiveFrom: "2027-07-01", reason: "Second amendment" }, meta);
      if (!later.ok) throw new Error(JSON.stringify(later));
      const p1 = await loadParameters(t.db);
      expect([p1.number(KEY, "2027-06-30"), p1.number(KEY, "2027-07-01")]).toEqual([5, 6]);

      // Only the latest period can be withdrawn, and only before it starts.
      const group = await getParameter(t.db, admin, KEY, meta);
      const middle = group!.periods.find((p) => p.value === 5)!;
      expect(await cancelScheduledParameterValue(t.db, admin, middle.id, meta)).toMatchObject({ problems: [{ code: "notCancellable" }] });
      expect(await cancelScheduledParameterValue(t.db, admin, later.id, { ...meta, today: "2027-07-01" })).toMatchObject({ problems: [{ code: "notCancellable" }] });

      expect(await cancelScheduledParameterValue(t.db, admin, later.id, meta)).toEqual({ ok: true, key: KEY });
      const p2 = await loadParameters(t.db);
      expect(p2.number(KEY, "2027-07-01")).toBe(5);
      const rows = await t.db.select().from(ruleParameters).where(eq(ruleParameters.key, KEY)).orderBy(ruleParameters.effectiveFrom);
      expect(rows.map((p) => [p.value, p.effectiveTo])).toEqual([
        [3, "2026-12-31"],
        [5, null],
      ]);
      expect(await lastAudit("admin.parameter.cancel")).toMatchObject({ target: KEY });
    });

    it("lists every key once with the value in force today", async () => {
      const groups = await listParameters(t.db, admin, meta);
      const keys = groups.map((g) => g.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(groups.find((g) => g.key === "tr_registration_deadline_days")?.current?.value).toBe(5);
    });
  });

  describe("visa regimes", () => {
    it("a new regime replaces the open one from its date; the reference data follows at once", async () => {
      invalidateReferenceCache();
      expect((await loadReferenceData(t.db)).visaRegime("TUR", "national", "2027-03-01")).toEqual({ regime: "visa_free_days", days: 30 });

      const r = await addVisaRegime(
        t.db,
        admin,
        { country: "tur", passportType: "national", regime: "visa_free_days", days: 90, effectiveFrom: "2027-03-01", note: "Agreement of 2026" },
        meta,
      );
      if (!r.ok) throw new Error(JSON.stringify(r));

      const ref = await loadReferenceData(t.db);
      expect(ref.visaRegime("TUR", "national", "2027-02-28")).toEqual({ regime: "visa_free_days", days: 30 });
      expect(ref.visaRegime("TUR", "national", "2027-03-01")).toEqual({ regime: "visa_free_days", days: 90 });
      // Other passport types keep their regime.
      expect(ref.visaRegime("TUR", "official", "2027-03-01")).toEqual({ regime: "visa_free_days", days: 30 });

      const rows = await listVisaRegimes(t.db, admin, { country: "TUR" }, meta);
      expect(rows.filter((v) => v.passportType === "national").map((v) => [v.days, v.effectiveFrom, v.effectiveTo, v.inForce])).toEqual([
        [90, "2027-03-01", null, false],
        [30, "2010-04-21", "2027-02-28", true],
      ]);
      expect(await lastAudit("admin.visa_regime.add")).toMatchObject({ target: "TUR/national" });
    });

    it("adds a first regime for a country that had none", async () => {
      const r = await addVisaRegime(t.db, admin, { country: "USA", passportType: "diplomatic", regime: "visa_free_unlimited", days: null, effectiveFrom: "2027-01-10", note: null }, meta);
      expect(r.ok).toBe(true);
      const ref = await loadReferenceData(t.db);
      expect(ref.visaRegime("USA", "diplomatic", "2027-01-09")).toBeNull();
      expect(ref.visaRegime("USA", "diplomatic", "2027-01-10")).toEqual({ regime: "visa_free_unlimited", days: null });
    });

    it("refuses a retroactive or overlapping start, days that do not fit the regime and an unknown country", async () => {
      const base = { country: "GEO", passportType: "national" as const, regime: "visa_required" as const, days: null, note: null };
      expect(await addVisaRegime(t.db, admin, { ...base, effectiveFrom: TODAY }, meta)).toMatchObject({ problems: [{ field: "effectiveFrom", code: "effectiveFromNotFuture" }] });
      expect(await addVisaRegime(t.db, admin, { ...base, regime: "visa_free_days", effectiveFrom: "2027-05-01" }, meta)).toMatchObject({ problems: [{ field: "days", code: "daysRequired" }] });
      expect(await addVisaRegime(t.db, admin, { ...base, days: 30, effectiveFrom: "2027-05-01" }, meta)).toMatchObject({ problems: [{ field: "days", code: "daysNotAllowed" }] });
      expect(await addVisaRegime(t.db, admin, { ...base, country: "ATL", effectiveFrom: "2027-05-01" }, meta)).toMatchObject({ problems: [{ field: "country", code: "unknownCountry" }] });
      expect(await addVisaRegime(t.db, admin, { ...base, country: "TUR", effectiveFrom: "2027-02-01" }, meta)).toMatchObject({ problems: [{ field: "effectiveFrom", code: "overlap" }] });
      expect(await t.db.select().from(visaRegimes).where(eq(visaRegimes.country, "GEO"))).toHaveLength(3);
    });
  });

  describe("calendar", () => {
    it("a government transfer changes the working-day calendar, and an admin-entered one can be deleted", async () => {
      // Saturday 3 July 2027 worked, Monday 5 July 2027 off (the 2021 pattern).
      expect(await addCalendarTransfer(t.db, admin, { day: "2027-07-03", kind: "moved_working_day", name: "Working day moved from 5 July" }, meta)).toEqual({ ok: true });
      expect(await addCalendarTransfer(t.db, admin, { day: "2027-07-05", kind: "moved_day_off", name: "Day off moved from 3 July" }, meta)).toEqual({ ok: true });
      let calendar = (await loadReferenceData(t.db)).calendar;
      expect(calendar.isWorkingDay("2027-07-03")).toBe(true);
      expect(calendar.isWorkingDay("2027-07-05")).toBe(false);
      expect(await lastAudit("admin.calendar.add")).toMatchObject({ target: "2027-07-05" });

      const listed = await listCalendarExceptions(t.db, admin, 2027);
      expect(listed.find((d) => d.day === "2027-07-03")).toMatchObject({ kind: "moved_working_day", protected: false });
      expect(listed.find((d) => d.day === "2027-01-01")).toMatchObject({ kind: "holiday", protected: true });
      expect(listed.every((d) => d.day.startsWith("2027-"))).toBe(true);

      expect(await deleteCalendarException(t.db, admin, "2027-07-05", meta)).toEqual({ ok: true });
      calendar = (await loadReferenceData(t.db)).calendar;
      expect(calendar.isWorkingDay("2027-07-05")).toBe(true);
      expect(await lastAudit("admin.calendar.delete")).toMatchObject({ target: "2027-07-05" });
    });

    it("refuses a working day on a weekday, a day off on a weekend, a taken day, a past day and another year", async () => {
      const add = (day: string, kind: "moved_working_day" | "moved_day_off") => addCalendarTransfer(t.db, admin, { day, kind, name: "Transfer" }, meta);
      expect(await add("2027-07-06", "moved_working_day")).toMatchObject({ problems: [{ field: "day", code: "workingDayMustBeWeekend" }] });
      expect(await add("2027-07-10", "moved_day_off")).toMatchObject({ problems: [{ field: "day", code: "dayOffMustBeWeekday" }] });
      expect(await add("2027-03-08", "moved_day_off")).toMatchObject({ problems: [{ field: "day", code: "dayTaken" }] });
      expect(await add("2026-11-21", "moved_working_day")).toMatchObject({ problems: [{ field: "day", code: "dayNotFuture" }] });
      expect(await add("2028-07-01", "moved_working_day")).toMatchObject({ problems: [{ field: "day", code: "yearOutOfRange" }] });
      const [march8] = await t.db.select().from(calendarDays).where(eq(calendarDays.day, "2027-03-08"));
      expect(march8?.kind).toBe("holiday");
    });

    it("holidays and days set by law cannot be deleted", async () => {
      const rows = await listCalendarExceptions(t.db, admin, 2027);
      // 2027: New Year, Orthodox Christmas (day off), and Nauryz 2027 — 21 March is a Sunday, so 24 March is off by law.
      for (const day of ["2027-01-01", "2027-01-07", "2027-03-24"]) {
        expect(rows.find((r) => r.day === day)?.protected, day).toBe(true);
        expect(await deleteCalendarException(t.db, admin, day, meta)).toMatchObject({ problems: [{ field: "day", code: "protectedDay" }] });
      }
      expect(await deleteCalendarException(t.db, admin, "2027-02-02", meta)).toEqual({ ok: false, error: "not_found" });
      expect((await loadReferenceData(t.db)).calendar.isWorkingDay("2027-03-24")).toBe(false);
    });
  });
});

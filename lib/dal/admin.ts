import "server-only";
import { and, asc, count, desc, eq, gt, gte, ilike, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import {
  authSessions,
  calendarDays,
  countries,
  regions,
  ruleParameters,
  users,
  visaRegimes,
  type Role,
} from "@/db/schema";
import { changePassword, setUserDisabled } from "@/lib/auth/accounts";
import { AuthzError } from "@/lib/auth/errors";
import { isUuid } from "@/lib/auth/ids";
import { hashPassword } from "@/lib/auth/password";
import { normaliseEmail, passwordSchema } from "@/lib/auth/schemas";
import { revokeAllSessionsOfUser } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/dal/audit";
import type { Viewer } from "@/lib/engine/types";
import type { CalendarDay } from "@/lib/rules/calendar";
import { addCalendarDays, isoWeekday, isValidCivilDate, todayInKazakhstan } from "@/lib/rules/dates";
import { GOVERNMENT_TRANSFERS, kazakhstanCalendar } from "@/lib/rules/kz-holidays";
import { invalidateReferenceCache } from "@/lib/rules/load";
import type { PassportType, VisaRegimeRow } from "@/lib/rules/reference";
import "@/lib/services";
import { allServices } from "@/lib/engine/registry";

/**
 * Administration: accounts, rule parameters, visa regimes and the working-day calendar. Every
 * function checks that the viewer is an administrator signed in with a password (never an API
 * token) and writes its change and the audit entry in one transaction.
 */

type AdminViewer = Viewer & { kind: "user"; role: "admin"; userId: string };

function assertAdmin(viewer: Viewer): asserts viewer is AdminViewer {
  if (viewer.kind !== "user" || viewer.role !== "admin" || !viewer.userId) throw new AuthzError("forbidden");
}

/** Why a change was refused, by form field; each code is a message under "admin.errors". */
export type AdminErrorCode =
  | "emailTaken"
  | "unknownRegion"
  | "unknownService"
  | "regionsRequired"
  | "servicesRequired"
  | "regionsNotForRole"
  | "servicesNotForRole"
  | "ownAdminRole"
  | "cannotDisableSelf"
  | "passwordInvalid"
  | "dateInvalid"
  | "effectiveFromNotFuture"
  | "overlap"
  | "valueKindMismatch"
  | "notCancellable"
  | "unknownCountry"
  | "daysRequired"
  | "daysNotAllowed"
  | "dayNotFuture"
  | "yearOutOfRange"
  | "workingDayMustBeWeekend"
  | "dayOffMustBeWeekday"
  | "dayTaken"
  | "protectedDay";

export interface AdminProblem {
  field: string;
  code: AdminErrorCode;
}

export type AdminResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: "not_found" }
  | { ok: false; error: "invalid"; problems: AdminProblem[] };

function invalid(field: string, code: AdminErrorCode): { ok: false; error: "invalid"; problems: AdminProblem[] } {
  return { ok: false, error: "invalid", problems: [{ field, code }] };
}

const NOT_FOUND = { ok: false, error: "not_found" } as const;

export interface AdminMeta {
  /** Civil date in Kazakhstan; defaults to the real one. */
  today?: string;
  ip?: string | null;
}

// ---------------------------------------------------------------- accounts

/** Services a staff account can be given (one per registered service definition). */
/** Every registered service can be given to staff. */
export function assignableServices(): string[] {
  return allServices().map((s) => s.id);
}

/** Roles that work on cases within regions and services; the others have neither. */
const REGIONAL_ROLES: ReadonlySet<Role> = new Set<Role>(["clerk", "officer", "supervisor"]);

export interface UserListItem {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  regions: string[];
  services: string[];
  disabled: boolean;
  createdAt: Date;
}

export interface UserDetail extends UserListItem {
  disabledAt: Date | null;
  passwordChangedAt: Date;
  /** Sessions that are neither revoked nor expired, by the database clock. */
  activeSessions: number;
}

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  regions: users.regions,
  services: users.services,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

export const USER_LIST_LIMIT = 200;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Accounts, newest first, optionally of one role and matching a part of the email or name. */
export async function listUsers(
  db: DbOrTx,
  viewer: Viewer,
  filter: { role?: Role; query?: string; limit?: number } = {},
): Promise<{ users: UserListItem[]; total: number }> {
  assertAdmin(viewer);
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  const query = filter.query?.trim();
  if (query) {
    const pattern = `%${escapeLike(query)}%`;
    conditions.push(or(ilike(users.email, pattern), ilike(users.displayName, pattern))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), asc(users.email))
      .limit(filter.limit ?? USER_LIST_LIMIT),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    users: rows.map(({ disabledAt, ...r }) => ({ ...r, disabled: disabledAt !== null })),
    total: totalRow?.n ?? 0,
  };
}

export async function getUser(db: DbOrTx, viewer: Viewer, userId: string): Promise<UserDetail | null> {
  assertAdmin(viewer);
  if (!isUuid(userId)) return null;
  const [row] = await db
    .select({ ...userColumns, passwordChangedAt: users.passwordChangedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const [sessions] = await db
    .select({ n: count() })
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, sql`now()`)));
  return { ...row, disabled: row.disabledAt !== null, activeSessions: sessions?.n ?? 0 };
}

export interface AccessInput {
  role: Role;
  regions: readonly string[];
  services: readonly string[];
}

/** Regions and services must fit the role and exist; checked here so every caller gets the same answer. */
async function accessProblems(db: DbOrTx, input: AccessInput, today: string): Promise<AdminProblem[]> {
  const problems: AdminProblem[] = [];
  if (REGIONAL_ROLES.has(input.role)) {
    if (input.regions.length === 0) problems.push({ field: "regions", code: "regionsRequired" });
    if (input.services.length === 0) problems.push({ field: "services", code: "servicesRequired" });
  } else if (input.role === "reviewer") {
    // Central reviewers work nationally, for the services whose complaints they decide.
    if (input.regions.length > 0) problems.push({ field: "regions", code: "regionsNotForRole" });
    if (input.services.length === 0) problems.push({ field: "services", code: "servicesRequired" });
  } else {
    if (input.regions.length > 0) problems.push({ field: "regions", code: "regionsNotForRole" });
    if (input.services.length > 0) problems.push({ field: "services", code: "servicesNotForRole" });
  }
  if (input.regions.length > 0 && !problems.some((p) => p.field === "regions")) {
    const existing = await db
      .select({ code: regions.code })
      .from(regions)
      .where(and(lte(regions.validFrom, today), or(isNull(regions.validTo), gte(regions.validTo, today))));
    const known = new Set(existing.map((r) => r.code));
    if (input.regions.some((code) => !known.has(code))) problems.push({ field: "regions", code: "unknownRegion" });
  }
  if (input.services.some((s) => !assignableServices().includes(s)) && !problems.some((p) => p.field === "services")) {
    problems.push({ field: "services", code: "unknownService" });
  }
  return problems;
}

export interface CreateUserInput extends AccessInput {
  email: string;
  displayName: string;
  password: string;
}

export async function createUser(
  db: Db,
  viewer: Viewer,
  input: CreateUserInput,
  meta: AdminMeta = {},
): Promise<AdminResult<{ userId: string }>> {
  assertAdmin(viewer);
  const today = meta.today ?? todayInKazakhstan();
  const problems = await accessProblems(db, input, today);
  if (!passwordSchema.safeParse(input.password).success) problems.push({ field: "password", code: "passwordInvalid" });
  if (problems.length) return { ok: false, error: "invalid", problems };

  const passwordHash = await hashPassword(input.password);
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx) => {
    // The unique constraint decides, so two simultaneous creations of one address cannot both succeed.
    const [row] = await tx
      .insert(users)
      .values({
        email,
        passwordHash,
        displayName: input.displayName.trim(),
        role: input.role,
        regions: [...new Set(input.regions)],
        services: [...new Set(input.services)],
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!row) return invalid("email", "emailTaken");
    await recordAudit(tx, {
      viewer,
      action: "admin.user.create",
      target: row.id,
      channel: "action",
      ip: meta.ip,
      details: { email, role: input.role, regions: input.regions, services: input.services },
    });
    return { ok: true, userId: row.id } as const;
  });
}

export async function updateUserAccess(
  db: Db,
  viewer: Viewer,
  userId: string,
  input: AccessInput,
  meta: AdminMeta = {},
): Promise<AdminResult> {
  assertAdmin(viewer);
  if (!isUuid(userId)) return NOT_FOUND;
  // Otherwise the last administrator could lock everyone out of administration.
  if (userId === viewer.userId && input.role !== "admin") return invalid("role", "ownAdminRole");
  const problems = await accessProblems(db, input, meta.today ?? todayInKazakhstan());
  if (problems.length) return { ok: false, error: "invalid", problems };

  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.role, regions: users.regions, services: users.services })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!before) return NOT_FOUND;
    const after = { role: input.role, regions: [...new Set(input.regions)], services: [...new Set(input.services)] };
    await tx.update(users).set(after).where(eq(users.id, userId));
    await recordAudit(tx, { viewer, action: "admin.user.update_access", target: userId, channel: "action", ip: meta.ip, details: { before, after } });
    return { ok: true } as const;
  });
}

/** Disabling also revokes every session of the account (see setUserDisabled). */
export async function setUserDisabledByAdmin(
  db: Db,
  viewer: Viewer,
  userId: string,
  disabled: boolean,
  meta: AdminMeta = {},
): Promise<AdminResult> {
  assertAdmin(viewer);
  if (!isUuid(userId)) return NOT_FOUND;
  if (disabled && userId === viewer.userId) return invalid("disabled", "cannotDisableSelf");
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!target) return NOT_FOUND;
    await setUserDisabled(tx, userId, disabled);
    await recordAudit(tx, { viewer, action: disabled ? "admin.user.disable" : "admin.user.enable", target: userId, channel: "action", ip: meta.ip });
    return { ok: true } as const;
  });
}

export async function signOutUserEverywhere(
  db: Db,
  viewer: Viewer,
  userId: string,
  meta: AdminMeta = {},
): Promise<AdminResult<{ revoked: number }>> {
  assertAdmin(viewer);
  if (!isUuid(userId)) return NOT_FOUND;
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!target) return NOT_FOUND;
    const revoked = await revokeAllSessionsOfUser(tx, userId);
    await recordAudit(tx, { viewer, action: "admin.user.sign_out_everywhere", target: userId, channel: "action", ip: meta.ip, details: { revoked } });
    return { ok: true, revoked } as const;
  });
}

/** Sets a password chosen by the administrator; every existing session of the account ends. */
export async function setUserPassword(
  db: Db,
  viewer: Viewer,
  userId: string,
  password: string,
  meta: AdminMeta = {},
): Promise<AdminResult> {
  assertAdmin(viewer);
  if (!isUuid(userId)) return NOT_FOUND;
  if (!passwordSchema.safeParse(password).success) return invalid("password", "passwordInvalid");
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!target) return NOT_FOUND;
    await changePassword(tx, userId, password);
    await recordAudit(tx, { viewer, action: "admin.user.set_password", target: userId, channel: "action", ip: meta.ip });
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------- rule parameters

export interface ParameterPeriod {
  id: string;
  value: unknown;
  effectiveFrom: string;
  effectiveTo: string | null;
  description: string;
  source: string;
  /** In force on the given day. */
  inForce: boolean;
  /** Starts after the given day: it can still be withdrawn. */
  scheduled: boolean;
}

export interface ParameterGroup {
  key: string;
  /** The description of the latest period: what the parameter means. */
  description: string;
  /** Latest period first. */
  periods: ParameterPeriod[];
  /** The period in force on the given day, if any. */
  current: ParameterPeriod | null;
}

function groupParameters(rows: (typeof ruleParameters.$inferSelect)[], today: string): ParameterGroup[] {
  const byKey = new Map<string, ParameterPeriod[]>();
  for (const r of rows) {
    const list = byKey.get(r.key) ?? [];
    list.push({
      id: r.id,
      value: r.value,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo,
      description: r.description,
      source: r.source,
      inForce: r.effectiveFrom <= today && (r.effectiveTo === null || today <= r.effectiveTo),
      scheduled: r.effectiveFrom > today,
    });
    byKey.set(r.key, list);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, periods]) => {
      periods.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
      return { key, description: periods[0]!.description, periods, current: periods.find((p) => p.inForce) ?? null };
    });
}

export async function listParameters(db: DbOrTx, viewer: Viewer, meta: Pick<AdminMeta, "today"> = {}): Promise<ParameterGroup[]> {
  assertAdmin(viewer);
  const rows = await db.select().from(ruleParameters);
  return groupParameters(rows, meta.today ?? todayInKazakhstan());
}

export async function getParameter(db: DbOrTx, viewer: Viewer, key: string, meta: Pick<AdminMeta, "today"> = {}): Promise<ParameterGroup | null> {
  assertAdmin(viewer);
  const rows = await db.select().from(ruleParameters).where(eq(ruleParameters.key, key));
  return groupParameters(rows, meta.today ?? todayInKazakhstan())[0] ?? null;
}

type ValueKind = "number" | "string" | "boolean" | "array" | "object" | "null";

function valueKind(v: unknown): ValueKind {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  const t = typeof v;
  return t === "number" || t === "string" || t === "boolean" ? t : "object";
}

export interface ScheduleParameterInput {
  key: string;
  /** Already parsed JSON; must be of the same kind as the current value (a number stays a number). */
  value: unknown;
  effectiveFrom: string;
  /** Why and on what legal basis: stored as the new period's source. */
  reason: string;
}

/**
 * Schedules a new value from a day after today: in one transaction the open period is closed the
 * day before and the new one inserted. Past and current days are never changed, so a rule already
 * applied keeps the value it was applied with; a start that falls inside or before an existing
 * later period is refused.
 */
export async function scheduleParameterValue(
  db: Db,
  viewer: Viewer,
  input: ScheduleParameterInput,
  meta: AdminMeta = {},
): Promise<AdminResult<{ id: string }>> {
  assertAdmin(viewer);
  const today = meta.today ?? todayInKazakhstan();
  if (!isValidCivilDate(input.effectiveFrom)) return invalid("effectiveFrom", "dateInvalid");
  if (input.effectiveFrom <= today) return invalid("effectiveFrom", "effectiveFromNotFuture");
  if (input.value === null || input.value === undefined || (typeof input.value === "number" && !Number.isFinite(input.value))) {
    return invalid("value", "valueKindMismatch");
  }

  const result = await db.transaction(async (tx) => {
    // Lock the key's periods so two schedules of one key run one after the other, then read them
    // again: rows another transaction inserted while this one waited are seen only by a new statement.
    await tx.select({ id: ruleParameters.id }).from(ruleParameters).where(eq(ruleParameters.key, input.key)).for("update");
    const periods = await tx.select().from(ruleParameters).where(eq(ruleParameters.key, input.key)).orderBy(desc(ruleParameters.effectiveFrom));
    const latest = periods[0];
    if (!latest) return NOT_FOUND;
    if (valueKind(input.value) !== valueKind(latest.value)) return invalid("value", "valueKindMismatch");

    const from = input.effectiveFrom;
    const open = periods.find((p) => p.effectiveTo === null);
    const overlaps = periods.some((p) => p.effectiveFrom >= from || (p !== open && p.effectiveTo !== null && p.effectiveTo >= from));
    if (overlaps) return invalid("effectiveFrom", "overlap");

    const closedOn = addCalendarDays(from, -1);
    if (open) await tx.update(ruleParameters).set({ effectiveTo: closedOn }).where(eq(ruleParameters.id, open.id));
    const [row] = await tx
      .insert(ruleParameters)
      .values({ key: input.key, value: input.value, effectiveFrom: from, effectiveTo: null, description: latest.description, source: input.reason.trim() })
      .returning({ id: ruleParameters.id });
    if (!row) throw new Error("rule parameter was not inserted");
    await recordAudit(tx, {
      viewer,
      action: "admin.parameter.schedule",
      target: input.key,
      channel: "action",
      ip: meta.ip,
      details: {
        id: row.id,
        value: input.value,
        effectiveFrom: from,
        reason: input.reason.trim(),
        closed: open ? { id: open.id, value: open.value, effectiveTo: closedOn } : null,
      },
    });
    return { ok: true, id: row.id } as const;
  });
  if (result.ok) invalidateReferenceCache();
  return result;
}

/**
 * Withdraws a value that has not started yet (the latest period of its key) and reopens the period
 * before it, as if it had never been scheduled.
 */
export async function cancelScheduledParameterValue(
  db: Db,
  viewer: Viewer,
  periodId: string,
  meta: AdminMeta = {},
): Promise<AdminResult<{ key: string }>> {
  assertAdmin(viewer);
  if (!isUuid(periodId)) return NOT_FOUND;
  const today = meta.today ?? todayInKazakhstan();
  const result = await db.transaction(async (tx) => {
    const [target] = await tx.select().from(ruleParameters).where(eq(ruleParameters.id, periodId)).limit(1);
    if (!target) return NOT_FOUND;
    await tx.select({ id: ruleParameters.id }).from(ruleParameters).where(eq(ruleParameters.key, target.key)).for("update");
    const periods = await tx.select().from(ruleParameters).where(eq(ruleParameters.key, target.key)).orderBy(desc(ruleParameters.effectiveFrom));
    const [latest, previous] = periods;
    if (!latest || latest.id !== periodId || latest.effectiveFrom <= today || latest.effectiveTo !== null) {
      return invalid("period", "notCancellable");
    }
    await tx.delete(ruleParameters).where(eq(ruleParameters.id, periodId));
    // Reopen the previous period only when it ran up to the withdrawn one.
    if (previous && previous.effectiveTo === addCalendarDays(latest.effectiveFrom, -1)) {
      await tx.update(ruleParameters).set({ effectiveTo: null }).where(eq(ruleParameters.id, previous.id));
    }
    await recordAudit(tx, {
      viewer,
      action: "admin.parameter.cancel",
      target: latest.key,
      channel: "action",
      ip: meta.ip,
      details: { id: latest.id, value: latest.value, effectiveFrom: latest.effectiveFrom, reopened: previous?.id ?? null },
    });
    return { ok: true, key: latest.key } as const;
  });
  if (result.ok) invalidateReferenceCache();
  return result;
}

// ---------------------------------------------------------------- visa regimes

const PASSPORT_TYPE_ORDER: readonly PassportType[] = ["national", "official", "diplomatic"];

export interface VisaRegimeItem extends VisaRegimeRow {
  inForce: boolean;
}

export async function listVisaRegimes(
  db: DbOrTx,
  viewer: Viewer,
  filter: { country?: string } = {},
  meta: Pick<AdminMeta, "today"> = {},
): Promise<VisaRegimeItem[]> {
  assertAdmin(viewer);
  const today = meta.today ?? todayInKazakhstan();
  const rows = await db
    .select()
    .from(visaRegimes)
    .where(filter.country ? eq(visaRegimes.country, filter.country) : undefined)
    .orderBy(asc(visaRegimes.country), desc(visaRegimes.effectiveFrom));
  // Passport types in their usual order (national, official, diplomatic), not alphabetically.
  const order = (t: PassportType) => PASSPORT_TYPE_ORDER.indexOf(t);
  return rows
    .sort((a, b) => a.country.localeCompare(b.country) || order(a.passportType) - order(b.passportType))
    .map((r) => ({ ...r, inForce: r.effectiveFrom <= today && (r.effectiveTo === null || today <= r.effectiveTo) }));
}

export interface AddVisaRegimeInput {
  country: string;
  passportType: PassportType;
  regime: VisaRegimeRow["regime"];
  /** Required for "visa_free_days", otherwise null. */
  days: number | null;
  effectiveFrom: string;
  note: string | null;
}

export const MAX_VISA_FREE_DAYS = 365;

/**
 * A new regime for a citizenship and passport type from a day after today; the open row of that
 * pair is closed the day before, in the same transaction.
 */
export async function addVisaRegime(
  db: Db,
  viewer: Viewer,
  input: AddVisaRegimeInput,
  meta: AdminMeta = {},
): Promise<AdminResult<{ id: string }>> {
  assertAdmin(viewer);
  const today = meta.today ?? todayInKazakhstan();
  const problems: AdminProblem[] = [];
  if (!isValidCivilDate(input.effectiveFrom)) problems.push({ field: "effectiveFrom", code: "dateInvalid" });
  else if (input.effectiveFrom <= today) problems.push({ field: "effectiveFrom", code: "effectiveFromNotFuture" });
  if (input.regime === "visa_free_days") {
    if (input.days === null || !Number.isInteger(input.days) || input.days < 1 || input.days > MAX_VISA_FREE_DAYS) {
      problems.push({ field: "days", code: "daysRequired" });
    }
  } else if (input.days !== null) {
    problems.push({ field: "days", code: "daysNotAllowed" });
  }
  if (problems.length) return { ok: false, error: "invalid", problems };

  const country = input.country.toUpperCase();
  const result = await db.transaction(async (tx) => {
    // The country row is the lock for all of its regimes, including a first one.
    const [known] = await tx.select({ code: countries.code }).from(countries).where(eq(countries.code, country)).for("update");
    if (!known) return invalid("country", "unknownCountry");
    const rows = await tx
      .select()
      .from(visaRegimes)
      .where(and(eq(visaRegimes.country, country), eq(visaRegimes.passportType, input.passportType)));
    const from = input.effectiveFrom;
    const open = rows.find((r) => r.effectiveTo === null);
    if (rows.some((r) => r.effectiveFrom >= from || (r !== open && r.effectiveTo !== null && r.effectiveTo >= from))) {
      return invalid("effectiveFrom", "overlap");
    }
    const closedOn = addCalendarDays(from, -1);
    if (open) await tx.update(visaRegimes).set({ effectiveTo: closedOn }).where(eq(visaRegimes.id, open.id));
    const values = {
      country,
      passportType: input.passportType,
      regime: input.regime,
      days: input.regime === "visa_free_days" ? input.days : null,
      effectiveFrom: from,
      effectiveTo: null,
      note: input.note?.trim() || null,
    };
    const [row] = await tx.insert(visaRegimes).values(values).returning({ id: visaRegimes.id });
    if (!row) throw new Error("visa regime was not inserted");
    await recordAudit(tx, {
      viewer,
      action: "admin.visa_regime.add",
      target: `${country}/${input.passportType}`,
      channel: "action",
      ip: meta.ip,
      details: { id: row.id, ...values, closed: open ? { id: open.id, regime: open.regime, days: open.days, effectiveTo: closedOn } : null },
    });
    return { ok: true, id: row.id } as const;
  });
  if (result.ok) invalidateReferenceCache();
  return result;
}

// ---------------------------------------------------------------- working-day calendar

/** Years the calendar is kept for (the seed writes them; see db/seed/reference.ts). */
export const CALENDAR_ADMIN_YEARS = [2025, 2026, 2027] as const;

export interface CalendarException extends CalendarDay {
  /** Set by law (holidays, Labour Code days off, the day off after a weekend holiday): cannot be deleted. */
  protected: boolean;
}

/** Rows the law generates for a year: everything kazakhstanCalendar yields except government transfers. */
function statutoryDays(year: number): Map<string, CalendarDay["kind"]> {
  let generated: CalendarDay[];
  try {
    generated = kazakhstanCalendar([year]);
  } catch {
    // A year without a known Kurban Ait date: only the kind of a row can protect it.
    return new Map();
  }
  const transfers = new Set(GOVERNMENT_TRANSFERS.map((g) => g.day));
  return new Map(generated.filter((r) => !transfers.has(r.day)).map((r) => [r.day, r.kind]));
}

export function isProtectedCalendarDay(row: CalendarDay, statutory: Map<string, CalendarDay["kind"]> = statutoryDays(Number(row.day.slice(0, 4)))): boolean {
  return row.kind === "holiday" || row.kind === "day_off" || statutory.get(row.day) === row.kind;
}

export async function listCalendarExceptions(db: DbOrTx, viewer: Viewer, year: number): Promise<CalendarException[]> {
  assertAdmin(viewer);
  const rows = await db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
  const statutory = statutoryDays(year);
  return rows.map((r) => ({ ...r, protected: isProtectedCalendarDay(r, statutory) }));
}

export interface AddCalendarTransferInput {
  day: string;
  kind: "moved_working_day" | "moved_day_off";
  name: string;
}

function isKeptYear(day: string): boolean {
  return (CALENDAR_ADMIN_YEARS as readonly number[]).includes(Number(day.slice(0, 4)));
}

/**
 * A government transfer: a Saturday or Sunday that becomes a working day, or a weekday that
 * becomes a day off. Only days after today: deadlines already counted keep their calendar.
 */
export async function addCalendarTransfer(
  db: Db,
  viewer: Viewer,
  input: AddCalendarTransferInput,
  meta: AdminMeta = {},
): Promise<AdminResult> {
  assertAdmin(viewer);
  const today = meta.today ?? todayInKazakhstan();
  if (!isValidCivilDate(input.day)) return invalid("day", "dateInvalid");
  if (!isKeptYear(input.day)) return invalid("day", "yearOutOfRange");
  if (input.day <= today) return invalid("day", "dayNotFuture");
  const weekend = isoWeekday(input.day) >= 6;
  if (input.kind === "moved_working_day" && !weekend) return invalid("day", "workingDayMustBeWeekend");
  if (input.kind === "moved_day_off" && weekend) return invalid("day", "dayOffMustBeWeekday");

  const result = await db.transaction(async (tx) => {
    const values = { day: input.day, kind: input.kind, name: input.name.trim() };
    const rows = await tx.insert(calendarDays).values(values).onConflictDoNothing({ target: calendarDays.day }).returning({ day: calendarDays.day });
    if (rows.length === 0) return invalid("day", "dayTaken");
    await recordAudit(tx, { viewer, action: "admin.calendar.add", target: input.day, channel: "action", ip: meta.ip, details: values });
    return { ok: true } as const;
  });
  if (result.ok) invalidateReferenceCache();
  return result;
}

export async function deleteCalendarException(db: Db, viewer: Viewer, day: string, meta: AdminMeta = {}): Promise<AdminResult> {
  assertAdmin(viewer);
  if (!isValidCivilDate(day)) return NOT_FOUND;
  const today = meta.today ?? todayInKazakhstan();
  const result = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(calendarDays).where(eq(calendarDays.day, day)).for("update");
    if (!row) return NOT_FOUND;
    if (isProtectedCalendarDay(row)) return invalid("day", "protectedDay");
    if (day <= today) return invalid("day", "dayNotFuture");
    await tx.delete(calendarDays).where(eq(calendarDays.day, day));
    await recordAudit(tx, { viewer, action: "admin.calendar.delete", target: day, channel: "action", ip: meta.ip, details: { kind: row.kind, name: row.name } });
    return { ok: true } as const;
  });
  if (result.ok) invalidateReferenceCache();
  return result;
}

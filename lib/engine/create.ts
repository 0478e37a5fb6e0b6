import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { caseEvents, caseParties, cases, idempotencyKeys, identityDocuments, people, referenceCounters } from "@/db/schema";
import { formatCaseReference } from "@/lib/rules/case-reference";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { mayCreate } from "./access";
import { Rollback, loadVisibleCase, performInTx, zodIssues } from "./perform";
import { getService } from "./registry";
import { searchColumns } from "./search-keys";
import { toSnapshot } from "./snapshot";
import type { PartyInput, PerformResult, RuleContext, RuleViolation, Viewer } from "./types";

export interface CreateOptions {
  channel: "online" | "front_office" | "api";
  /** Submit in the same transaction (API and front office); online applicants may keep a draft. */
  submit: boolean;
  idempotencyKey?: string;
  now?: Date;
}

function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e; cur; cur = (cur as { cause?: unknown }).cause) {
    if ((cur as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

function callerId(viewer: Viewer): string {
  return viewer.kind === "token" ? `token:${viewer.tokenId}` : `user:${viewer.userId}`;
}

async function nextReference(tx: Tx, prefix: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(referenceCounters)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({ target: [referenceCounters.prefix, referenceCounters.year], set: { last: sql`${referenceCounters.last} + 1` } })
    .returning({ last: referenceCounters.last });
  return formatCaseReference(prefix, year, row!.last);
}

async function insertParty(tx: Tx, caseId: string, party: PartyInput): Promise<void> {
  let personId: string | null = null;
  if (party.person) {
    const p = party.person;
    const [person] = await tx
      .insert(people)
      .values({
        surname: p.surname,
        givenNames: p.givenNames,
        surnameCyrillic: p.surnameCyrillic ?? null,
        givenNamesCyrillic: p.givenNamesCyrillic ?? null,
        birthDate: p.birthDate,
        sex: p.sex,
        citizenship: p.citizenship,
        iin: p.iin ?? null,
      })
      .returning({ id: people.id });
    personId = person!.id;
    if (p.document) {
      await tx.insert(identityDocuments).values({
        personId,
        type: p.document.type as typeof identityDocuments.$inferInsert.type,
        number: p.document.number,
        issuingCountry: p.document.issuingCountry,
        expiresOn: p.document.expiresOn ?? null,
      });
    }
  }
  await tx.insert(caseParties).values({ caseId, role: party.role, personId, details: party.details ?? null });
}

async function existingForKey(db: Db, viewer: Viewer, key: string): Promise<PerformResult | null> {
  const [row] = await db
    .select({ caseId: idempotencyKeys.caseId })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.callerId, callerId(viewer)), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  const c = await loadVisibleCase(db, viewer, row.caseId);
  return c ? { ok: true, case: c, eventId: 0, replayed: true } : { ok: false, error: "not_found" };
}

/**
 * Opens a case of a service: validates the application with the service's schema, runs its intake
 * rules, hands out a reference, records parties and the first event, and (optionally) submits.
 * A repeated idempotency key from the same caller returns the first case; the unique key is the gate.
 */
export async function createCase(db: Db, viewer: Viewer, serviceId: string, rawData: unknown, options: CreateOptions): Promise<PerformResult> {
  const service = getService(serviceId);
  if (!service) return { ok: false, error: "not_found" };
  const now = options.now ?? new Date();

  const parsed = service.applicationSchema.safeParse(rawData);
  if (!parsed.success) return { ok: false, error: "validation_failed", issues: zodIssues(parsed.error) };
  const data = parsed.data;
  const region = service.regionOf(data);
  if (!mayCreate(viewer, serviceId, region)) return { ok: false, error: "forbidden" };

  if (options.idempotencyKey) {
    const first = await existingForKey(db, viewer, options.idempotencyKey);
    if (first) return first;
  }

  try {
    return await db.transaction(async (tx) => {
      const [params, ref] = await Promise.all([loadParameters(tx), loadReferenceData(tx)]);
      const today = todayInKazakhstan(now);
      if (!ref.region(region)) {
        throw new Rollback({ ok: false, error: "validation_failed", issues: [{ path: ["address", "region"], message: "rules.validation.unknownRegion" }] });
      }
      const draft = {
        id: "",
        service: serviceId,
        reference: "",
        status: service.initialState,
        flags: [],
        region,
        ownerId: null,
        assigneeId: null,
        leaseExpiresAt: null,
        data,
        dueOn: null,
        clockRemainingDays: null,
        version: 0,
        submittedAt: null,
        decidedAt: null,
        createdAt: now,
      };
      const ctx: RuleContext<Record<string, unknown>> = { case: draft, input: data, viewer, today, params, ref };
      const violations = service.intakeGuards.map((g) => g(ctx)).filter((v): v is RuleViolation => v !== null);
      if (violations.length) throw new Rollback({ ok: false, error: "rule_violation", violations });

      const reference = await nextReference(tx, service.referencePrefix, Number(today.slice(0, 4)));
      const [row] = await tx
        .insert(cases)
        .values({
          service: serviceId,
          reference,
          status: service.initialState,
          region,
          ownerId: viewer.role === "applicant" ? viewer.userId : null,
          filedBy: viewer.userId,
          channel: options.channel,
          data,
          ...searchColumns(serviceId, data as Record<string, unknown>),
          version: 1,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const created = toSnapshot(row!);
      await tx.insert(caseEvents).values({
        caseId: created.id,
        version: 1,
        at: now,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "create",
        fromStatus: null,
        toStatus: created.status,
        payload: { channel: options.channel },
      });
      for (const party of service.parties?.(data) ?? []) await insertParty(tx, created.id, party);
      if (options.idempotencyKey) {
        await tx.insert(idempotencyKeys).values({ callerId: callerId(viewer), key: options.idempotencyKey, caseId: created.id });
      }
      if (!options.submit) return { ok: true, case: created, eventId: 0 } as const;

      // Filing includes submitting: a token allowed to create applications may submit the one it just created.
      const filer: Viewer = viewer.kind === "token" ? { ...viewer, scopes: [...(viewer.scopes ?? []), "cases:act"] } : viewer;
      const result = await performInTx(tx, filer, created, "submit", {}, 1, now);
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    if (options.idempotencyKey && isUniqueViolation(e)) {
      const first = await existingForKey(db, viewer, options.idempotencyKey);
      if (first) return first;
    }
    throw e;
  }
}

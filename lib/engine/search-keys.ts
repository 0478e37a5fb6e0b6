import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases } from "@/db/schema";
import { nameKey } from "@/lib/rules/name-key";
import { getService } from "./registry";
import type { PartyInput } from "./types";

/**
 * The denormalised search columns of a case (cases.search_names, cases.search_numbers), derived
 * from its data only, so the engine recomputes them wherever the data is written: createCase and
 * every action whose patch replaces the data. The queue matches names by trigram similarity of
 * name keys and numbers by equality; both sides go through the same normalisation.
 */

export interface SearchColumns {
  searchNames: string;
  searchNumbers: string[];
}

/** Document numbers and IIN/BINs as typed in a search box or stored: no spaces, upper case. */
export function normaliseNumber(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

function partyTerms(party: PartyInput): { names: string[]; numbers: string[] } {
  const names: string[] = [];
  const numbers: string[] = [];
  const p = party.person;
  if (p) {
    names.push(`${p.surname} ${p.givenNames}`, [p.surnameCyrillic, p.givenNamesCyrillic].filter(Boolean).join(" "));
    if (p.iin) numbers.push(p.iin);
    if (p.document?.number) numbers.push(p.document.number);
  }
  const d = party.details;
  if (d) {
    // A host or employer (a person or an organisation): found by its IIN/BIN and its name.
    for (const key of ["iin", "bin", "identifier"]) if (typeof d[key] === "string") numbers.push(d[key]);
    if (typeof d.name === "string") names.push(d.name);
  }
  return { names, numbers };
}

export function searchColumns(serviceId: string, data: Record<string, unknown>): SearchColumns {
  const service = getService(serviceId);
  const terms = [...(service?.parties?.(data) ?? []).map(partyTerms), ...(service?.searchTerms ? [service.searchTerms(data)] : [])];
  // Raw names in, one nameKey() each: a key is not folded twice.
  const names = new Set(terms.flatMap((t) => t.names.map((n) => nameKey(n))).filter(Boolean));
  const numbers = new Set(terms.flatMap((t) => t.numbers.map(normaliseNumber)).filter(Boolean));
  return { searchNames: [...names].join(" "), searchNumbers: [...numbers] };
}

/**
 * Fills the search columns of cases written before they existed (search_names is null), in
 * batches; returns how many it filled. Run by the seed and after migrating (db/migrate-cli.ts).
 */
export async function backfillSearchColumns(db: DbOrTx, batchSize = 500): Promise<number> {
  let filled = 0;
  for (;;) {
    const batch = await db.select({ id: cases.id, service: cases.service, data: cases.data }).from(cases).where(isNull(cases.searchNames)).limit(batchSize);
    if (!batch.length) return filled;
    for (const row of batch) {
      const columns = searchColumns(row.service, row.data as Record<string, unknown>);
      await db
        .update(cases)
        .set(columns)
        .where(and(eq(cases.id, row.id), isNull(cases.searchNames)));
    }
    filled += batch.length;
  }
}

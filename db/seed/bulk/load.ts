import { sql } from "drizzle-orm";
import type { DbHandle, Tx } from "@/db/client";
import { migrateDb } from "@/db/client";
import { seedReference } from "@/db/seed/reference";
import { seedUsers } from "@/db/seed/users";
import { getService } from "@/lib/engine/registry";
import { nameKey } from "@/lib/rules/name-key";
import "@/lib/services";
import { LOCAL_PEOPLE, NAME_POOLS, feminineSurname } from "./names";
import { CULTURE_OF, KAZAKH_NAMED_SERVICES, PASSPORT_SERIES, REGION_CITY, REASONED_ACTIONS, SERVICES, YEAR_WEIGHTS, actorOf, apportion, referenceBaseSum, type ServicePlan } from "./plan";

/**
 * Fills a database with a realistic volume of cases for measuring queries at scale. Everything is
 * generated inside PostgreSQL (INSERT … SELECT over generate_series, in batches), because going
 * through the engine would take hours at a million cases; the plan in ./plan.ts keeps the data
 * shaped like the engine's (statuses reachable by real actions, one event per transition).
 * Deterministic: the same size and seed give the same data.
 */

/** Over this many cases the embedded database is refused: it is single-process and far too slow. */
export const PGLITE_MAX_CASES = 50_000;
const BATCH = 100_000;
const MAX_SEQUENCE = 999_999;
/** MIA staff per region (demo accounts come on top), akimat staff per region for kandas. */
const MIA_OFFICERS = 6;
const AKIMAT_OFFICERS = 2;
const CASES_PER_APPLICANT_ACCOUNT = 25;

export interface BulkOptions {
  cases: number;
  seed?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface BulkResult {
  cases: number;
  people: number;
  events: number;
  parties: number;
  timings: Record<string, number>;
}

export class BulkSeedError extends Error {}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (items: readonly string[]) => `ARRAY[${items.map(q).join(",")}]::text[]`;
const values = (rows: readonly (readonly (string | number | boolean | null)[])[]) =>
  rows.map((r) => `(${r.map((v) => (v === null ? "NULL" : typeof v === "string" ? q(v) : String(v))).join(",")})`).join(",\n");

/** The state an action leads to, from the service definition or, when it depends on input, the plan. */
function resolvePath(plan: ServicePlan, status: string): { action: string; from: string; to: string }[] {
  const service = getService(plan.id);
  if (!service) throw new BulkSeedError(`Unknown service ${plan.id}`);
  let state = "draft";
  return plan.paths[status]!.map((step, i, all) => {
    const [action, named] = step.split(":") as [string, string | undefined];
    const def = service.actions[action];
    if (!def) throw new BulkSeedError(`${plan.id}: no action ${action}`);
    if (!def.from.includes(state)) throw new BulkSeedError(`${plan.id}: ${action} does not start from ${state}`);
    const to = typeof def.to === "string" ? def.to : named;
    if (!to) throw new BulkSeedError(`${plan.id}: ${action} needs the state it leads to in the plan`);
    if (i === all.length - 1 && to !== status) throw new BulkSeedError(`${plan.id}: the path to ${status} ends in ${to}`);
    const row = { action, from: state, to };
    state = to;
    return row;
  });
}

/** Every transition of the plan, checked against the service definitions. */
export function planTransitions(): { service: string; status: string; step: number; action: string; from: string; to: string }[] {
  return SERVICES.flatMap((plan) =>
    Object.keys(plan.paths).flatMap((status) => resolvePath(plan, status).map((t, i) => ({ service: plan.id, status, step: i + 2, ...t }))),
  );
}

function cumulative<T>(weighted: readonly (readonly [T, number])[]): { item: T; lo: number; hi: number }[] {
  const total = weighted.reduce((a, [, w]) => a + w, 0);
  let acc = 0;
  return weighted.map(([item, w]) => {
    const lo = acc / total;
    acc += w;
    return { item, lo, hi: acc / total };
  });
}

/** Runs statements separated by ";" at a line end, one by one (the embedded database takes one per call). */
async function run(tx: Tx, text: string): Promise<void> {
  for (const statement of text.split(/;\s*\n/)) if (statement.trim()) await tx.execute(sql.raw(statement));
}

/** Rows of a raw query: postgres.js returns an array, PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

async function count(handle: DbHandle, table: string): Promise<number> {
  const rows = rowsOf<{ n: number }>(await handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`)));
  return Number(rows[0]?.n ?? 0);
}

/** Accounts the generated cases are filed by, assigned to and owned by. */
async function seedStaffAndApplicants(tx: Tx, applicants: number): Promise<void> {
  const mia = textArray(["temporary_registration", "household_permit", "refugee_renewal", "kandas_citizenship"]);
  const male = NAME_POOLS.kazakh!.male.map(([l]) => l[0] + l.slice(1).toLowerCase());
  const sur = NAME_POOLS.kazakh!.surnames.map(([l]) => l[0] + l.slice(1).toLowerCase());
  await run(
    tx,
    `insert into users (email, password_hash, display_name, role, regions, services, locale)
     select format('%s.%s.%s@bulk.demo.kz', t.role, t.team, lower(r.code)) || case when t.n > 1 then '.' || i else '' end,
            (select password_hash from users where email = 'officer.almaty@demo.kz'),
            (${textArray(male)})[1 + (abs(hashtext(r.code || t.team || t.role || i)) % ${male.length})] || ' ' ||
            (${textArray(sur)})[1 + (abs(hashtext(i || t.role || r.code || t.team)) % ${sur.length})],
            t.role, array[r.code],
            case t.team when 'akimat' then array['kandas_status']::text[] else ${mia} end,
            case when i % 2 = 0 then 'kk' else 'ru' end
     from regions r
     cross join (values ('officer', 'mia', ${MIA_OFFICERS}), ('supervisor', 'mia', 1), ('clerk', 'mia', 1), ('officer', 'akimat', ${AKIMAT_OFFICERS}), ('supervisor', 'akimat', 1)) t(role, team, n)
     cross join lateral generate_series(1, t.n) i
     where r.valid_to is null
     on conflict (email) do nothing`,
  );
  await run(
    tx,
    `insert into users (id, email, password_hash, display_name, role, locale)
     select ${applicantId("i")}, format('applicant.%s@bulk.demo.kz', i), (select password_hash from users where email = 'applicant@demo.kz'),
            'Applicant ' || i, 'applicant', (array['kk','ru','en'])[1 + i % 3]
     from generate_series(1, ${applicants}) i
     on conflict (email) do nothing`,
  );
}

/** The id of the n-th generated applicant account (1-based), the same in SQL wherever it is needed. */
const applicantId = (n: string) => `md5('bulk-applicant-' || (${n}))::uuid`;

type StaffPools = Map<string, string[]>;
const poolKey = (region: string, team: string, role: string) => `${region}/${team}/${role}`;

/** The transitions and flags as tables to join; staff of every region and team, to draw from. */
async function createLookups(tx: Tx): Promise<StaffPools> {
  const pathRows = planTransitions().map((t) => [t.service, t.status, t.step, t.action, t.from, t.to, actorOf(t.action), REASONED_ACTIONS.has(t.action)] as const);
  const flagRows = SERVICES.flatMap((p) => p.flags.map(([flags, prob], i) => [p.id, 10 + i, prob, `{${flags.join(",")}}`] as const));
  await run(
    tx,
    `create temp table bulk_path (service text, status text, step int, action text, from_status text, to_status text, actor text, reasoned boolean) on commit drop;
     insert into bulk_path values ${values(pathRows)};
     create temp table bulk_flag (service text, salt int, p float8, flags text[]) on commit drop;
     insert into bulk_flag values ${values(flagRows)};
     analyze bulk_path;
     analyze bulk_flag;`,
  );
  // A uniform number in [0, 1) from a row number and a salt: deterministic, independent per salt.
  await run(tx, `create function pg_temp.u(k bigint, salt int) returns float8 language sql immutable as $$ select (hashint8(k * 64 + salt)::float8 + 2147483648) / 4294967296 $$`);
  const rows = rowsOf<{ region: string; team: string; role: string; ids: string[] }>(
    await tx.execute(
      sql.raw(`select region, case when 'kandas_status' = any(services) then 'akimat' else 'mia' end as team, role, array_agg(id::text order by email) as ids
             from users, unnest(regions) region where role in ('officer', 'supervisor', 'clerk') and disabled_at is null group by 1, 2, 3`),
    ),
  );
  return new Map(rows.map((r) => [poolKey(r.region, r.team, r.role), r.ids]));
}

/** A weighted draw as SQL: the item whose cumulative range holds the uniform number `u`. */
function choice(u: string, weighted: readonly (readonly [string, number])[]): string {
  const ranges = cumulative(weighted);
  return `case ${ranges.slice(0, -1).map((r) => `when ${u} < ${r.hi} then ${q(r.item)}`).join(" ")} else ${q(ranges[ranges.length - 1]!.item)} end`;
}

/** An element of a short list, drawn by `u`. */
function pick(u: string, items: readonly (string | null)[], cast = "text"): string {
  return `(array[${items.map((i) => (i === null ? "null" : q(i))).join(",")}]::${cast}[])[1 + floor(${u} * ${items.length})::int]`;
}

/** A name part drawn from the pool of the row's culture and sex. */
function nameDraw(u: string, kind: "s" | "g", part: "lat" | "cyr" | "key" | "cyrkey"): string {
  const branches = Object.entries(NAME_POOLS).flatMap(([culture, pool]) =>
    (["M", "F"] as const).map((sex) => {
      const list = kind === "s" ? pool.surnames.map(([l, c]) => (sex === "F" ? feminineSurname(l, c) : [l, c] as const)) : sex === "M" ? pool.male : pool.female;
      const items = list.map(([l, c]) => (part === "lat" ? l : part === "cyr" ? c : part === "key" ? nameKey(l) : c && nameKey(c)));
      return `when '${culture}${sex}' then ${pick(u, items)}`;
    }),
  );
  return `case r.culture || r.sex ${branches.join(" ")} end`;
}

function staffDraw(u: string, pools: StaffPools, team: string, role: string): string {
  const branches = Object.keys(REGION_CITY).flatMap((region) => {
    const ids = pools.get(poolKey(region, team, role));
    return ids?.length ? [`when '${region}' then ${pick(u, ids, "uuid")}`] : [];
  });
  return branches.length ? `case n.region ${branches.join(" ")} end` : "null::uuid";
}

interface Chunk {
  plan: ServicePlan;
  year: number;
  first: number;
  last: number;
  /** Cases of this service and year. */
  total: number;
  /** Global number of the chunk's first case, for unique ids. */
  offset: number;
}

function chunksFor(cases: number, now: Date): Chunk[] {
  const thisYear = now.getUTCFullYear();
  const perService = apportion(cases, SERVICES.map((s) => s.share));
  const chunks: Chunk[] = [];
  let offset = 0;
  SERVICES.forEach((plan, i) => {
    const perYear = apportion(perService[i]!, YEAR_WEIGHTS.map(([, w]) => w));
    YEAR_WEIGHTS.forEach(([delta], j) => {
      const total = perYear[j]!;
      if (total > MAX_SEQUENCE) throw new BulkSeedError(`${total} ${plan.id} cases in one year exceed the reference sequence (${MAX_SEQUENCE}); use fewer cases`);
      for (let first = 1; first <= total; first += BATCH) {
        const last = Math.min(total, first + BATCH - 1);
        chunks.push({ plan, year: thisYear + delta, first, last, total, offset });
      }
      offset += total;
    });
  });
  return chunks;
}

/**
 * The queue's denormalised search columns (lib/engine/search-keys.ts: name keys and document numbers
 * of the parties the service derives from the data), computed here in SQL from the keys of the drawn
 * names; a test holds them against the engine's own function.
 */
function searchExpressions(serviceId: string): { names: string; numbers: string } {
  const lists: Record<string, [string[], string[]]> = {
    temporary_registration: [["x.name_key", "x.cyr_key", "x.host_key"], ["x.passport_no", "x.host->>'identifier'"]],
    household_permit: [["x.name_key", "x.cyr_key", "x.host_key"], ["x.passport_no", "x.host->>'identifier'"]],
    refugee_renewal: [["x.name_key"], ["'RFC-' || (extract(year from x.created_at)::int - 1) || '-' || lpad((x.g % 1000000)::text, 6, '0')"]],
    kandas_status: [["x.name_key", "x.cyr_key"], ["x.passport_no"]],
    kandas_citizenship: [[], []],
  };
  const [names, numbers] = lists[serviceId] ?? [[], []];
  const ordered = (items: string[]) =>
    items.length ? `(select array_agg(k order by i) from (select k, min(i) as i from unnest(array[${items.join(", ")}]) with ordinality u(k, i) where k <> '' group by k) d)` : "null::text[]";
  return { names: `coalesce(array_to_string(${ordered(names)}, ' '), '')`, numbers: `coalesce(${ordered(numbers)}, '{}'::text[])` };
}

async function insertChunk(tx: Tx, c: Chunk, seed: number, now: Date, applicants: number, pools: StaffPools, withSearch: boolean): Promise<void> {
  const { plan } = c;
  const nowIso = now.toISOString();
  const yearStart = `${c.year}-01-01T00:00:00+05:00`;
  const spanEnd = c.year === now.getUTCFullYear() ? `'${nowIso}'::timestamptz` : `'${c.year + 1}-01-01T00:00:00+05:00'::timestamptz`;
  const base = referenceBaseSum(plan.prefix, c.year);
  const w0 = plan.prefix.length + 4 + 1;
  const digitSum = [0, 1, 2, 3, 4, 5].map((k) => `${w0 + k} * ((b.seq / ${10 ** (5 - k)}) % 10)`).join(" + ");
  const team = plan.id === "kandas_status" ? "akimat" : "mia";
  const ownerFiled = plan.id === "kandas_citizenship" || plan.id === "refugee_renewal";
  const local = textArray(LOCAL_PEOPLE);
  const streets = textArray(["Abai avenue", "Dostyk avenue", "Tole bi street", "Satpayev street", "Baitursynov street", "Zhibek Zholy avenue", "Kabanbay batyr avenue", "Respublika avenue", "Tauelsizdik street", "Al-Farabi avenue"]);

  const data: Record<string, string> = {
    temporary_registration: `jsonb_build_object(
        'person', x.person,
        'passport', x.passport,
        'stay', jsonb_build_object('purpose', (array['work','business','private_visit','tourism','study','family','medical','transit','other'])[1 + floor(pg_temp.u(x.g, 40) * 9)::int],
                                   'entryDate', (x.created_at::date - (1 + floor(pg_temp.u(x.g, 41) * 5))::int)::text,
                                   'eaeuWorker', 'eaeu_worker' = any(x.flags),
                                   'requestedEndDate', (x.created_at::date + 30 + floor(pg_temp.u(x.g, 42) * 60)::int)::text),
        'address', x.address,
        'host', x.host)`,
    household_permit: `jsonb_build_object(
        'person', x.person,
        'passport', x.passport,
        'stay', jsonb_build_object('entryDate', (x.created_at::date - (5 + floor(pg_temp.u(x.g, 41) * 40))::int)::text),
        'work', jsonb_build_object('region', x.region,
                                   'category', case when pg_temp.u(x.g, 43) < 0.814 then 'construction_repair' when pg_temp.u(x.g, 43) < 0.885 then 'gardener'
                                                    when pg_temp.u(x.g, 43) < 0.933 then 'nurse_nanny' when pg_temp.u(x.g, 43) < 0.953 then 'cook' else 'other' end,
                                   'termMonths', (array[3,6,6,12,12,12])[1 + floor(pg_temp.u(x.g, 44) * 6)::int]),
        'insurance', jsonb_build_object('insurer', (array['Freedom Insurance','Nomad Insurance','Kommesk-Omir','Eurasia'])[1 + floor(pg_temp.u(x.g, 45) * 4)::int],
                                        'validFrom', x.created_at::date::text, 'validUntil', (x.created_at::date + 364)::text, 'policyNumber', 'MED-' || (100000 + x.g % 900000)),
        'employer', jsonb_build_object('iin', x.host->>'identifier', 'name', x.host->>'name', 'phone', x.host->>'phone', 'region', x.region,
                                       'address', x.city || ', ' || (x.address->>'street') || ' ' || (x.address->>'building')),
        'certificates', jsonb_build_object('medicalNumber', 'MC-' || (10000 + x.g % 90000), 'medicalIssuedOn', (x.created_at::date - 10)::text,
                                           'criminalRecordNumber', 'CR-' || x.citizenship || '-' || (10000 + x.g % 90000),
                                           'criminalRecordIssuedOn', (x.created_at::date - 30)::text,
                                           'criminalRecordHasEntries', 'criminal_record_entries' = any(x.flags)))`,
    refugee_renewal: `jsonb_build_object(
        'status', jsonb_build_object('endsOn', (x.created_at::date + 20 + floor(pg_temp.u(x.g, 41) * 40)::int)::text, 'holderName', x.surname || ' ' || x.given,
                                     'countryOfOrigin', x.citizenship, 'certificateNumber', 'RFC-' || (extract(year from x.created_at)::int - 1) || '-' || lpad((x.g % 1000000)::text, 6, '0')),
        'address', x.address,
        'identity', jsonb_build_object('type', 'refugee_certificate', 'number', 'RFC-' || (extract(year from x.created_at)::int - 1) || '-' || lpad((x.g % 1000000)::text, 6, '0')),
        'statement', 'The refugee asks to extend the status; circumstances unchanged according to the refugee.',
        'familyChanges', '[]'::jsonb)`,
    kandas_status: `jsonb_build_object(
        'origin', jsonb_build_object('basis', 'resident_abroad_at_cutoff', 'familyHistory', 'abroad_for_generations', 'currentCountry', x.citizenship,
                                     'residenceOnCutoff', x.citizenship, 'parentEthnicKazakh', pg_temp.u(x.g, 46) < 0.3),
        'members', '[]'::jsonb,
        'documents', '["identity_document","ethnicity_proof","residence_abroad_proof","family_documents"]'::jsonb,
        'principal', x.person || jsonb_build_object('birthCountry', x.citizenship, 'documentType', 'passport_national', 'ethnicKazakh', true, 'documentNumber', x.passport_no),
        'resettlement', jsonb_build_object('phone', x.phone, 'region', x.region, 'needsCentrePlace', 'in_centre' = any(x.flags)),
        'priorityScore', floor(pg_temp.u(x.g, 47) * 30)::int,
        'qualifications', jsonb_build_object('sector', (array['engineering','agriculture','education','medicine','construction','trade'])[1 + floor(pg_temp.u(x.g, 48) * 6)::int],
                                             'education', (array['none','secondary','vocational','higher'])[1 + floor(pg_temp.u(x.g, 49) * 4)::int],
                                             'yearsOfExperience', floor(pg_temp.u(x.g, 50) * 30)::int))`,
    kandas_citizenship: `jsonb_build_object(
        'kandasCaseId', md5('${seed}k' || x.g)::uuid, 'kandasReference', 'KD-' || (extract(year from x.created_at)::int - 1) || '-' || lpad((1 + x.g % 99999)::text, 6, '0'),
        'region', x.region, 'address', x.city || ', ' || (x.address->>'street') || ' ' || (x.address->>'building'),
        'permanentResidence', true, 'renouncesOtherCitizenship', true)`,
  };

  // Random draws first, into a small analysed table, so that every join below is a hash join on plain columns.
  await run(
    tx,
    `truncate bulk_seq;
     insert into bulk_seq
     select s.seq, g, created_at,
            pg_temp.u(g, 2), pg_temp.u(g, 3), pg_temp.u(g, 5),
            created_at > '${nowIso}'::timestamptz - interval '${plan.recentDays} days',
            pg_temp.u(g, 4), pg_temp.u(g, 6), pg_temp.u(g, 7), pg_temp.u(g, 8), pg_temp.u(g, 9), pg_temp.u(g, 11), pg_temp.u(g, 12), pg_temp.u(g, 13),
            pg_temp.u(g, 14), pg_temp.u(g, 15), pg_temp.u(g, 16), pg_temp.u(g, 17), pg_temp.u(g, 18), pg_temp.u(g, 19)
     from generate_series(${c.first}, ${c.last}) s(seq)
     cross join lateral (select ${c.offset}::bigint + s.seq as g) gg
     cross join lateral (select '${yearStart}'::timestamptz + (${spanEnd} - '${yearStart}'::timestamptz) * ((s.seq - 1 + pg_temp.u(g, 1)) / ${c.total}) as created_at) cc;
     analyze bulk_seq;`,
  );
  await run(tx, "truncate bulk_case");
  await run(
    tx,
    `insert into bulk_case
     with r0 as (
       select b.*, ${choice("b.u2", plan.regions)} as region, ${choice("b.u3", plan.citizenship)} as citizenship,
              case when b.recent then ${choice("b.u5", plan.recent)} else ${choice("b.u5", plan.old)} end as status,
              case when b.u4 < ${plan.female} then 'F' else 'M' end as sex
       from bulk_seq b
     ), r as (
       select r0.*,
              case r0.citizenship ${plan.citizenship.map(([c]) => `when '${c}' then '${KAZAKH_NAMED_SERVICES.includes(plan.id) ? "kazakh" : CULTURE_OF[c]}'`).join(" ")} end as culture,
              case r0.citizenship ${plan.citizenship.map(([c]) => `when '${c}' then '${PASSPORT_SERIES[c] ?? "N"}'`).join(" ")} end as series,
              case r0.status ${Object.entries(plan.paths).map(([st, path]) => `when '${st}' then ${path.length + 1}`).join(" ")} end as nsteps,
              r0.status in (${plan.decided.map(q).join(",")}) as decided,
              r0.status in (${plan.running.map(q).join(",") || "null"}) as running,
              r0.status in (${plan.stopped.map(q).join(",") || "null"}) as stopped
       from r0
     ), n as (
       select r.*, ${nameDraw("r.u6", "s", "lat")} as surname0, ${nameDraw("r.u6", "s", "cyr")} as surname_cyr0,
              ${nameDraw("r.u7", "g", "lat")} as given, ${nameDraw("r.u7", "g", "cyr")} as given_cyr0,
              ${nameDraw("r.u6", "s", "key")} || ' ' || ${nameDraw("r.u7", "g", "key")} as name_key,
              ${nameDraw("r.u6", "s", "cyrkey")} as surname_cyr_key0, ${nameDraw("r.u7", "g", "cyrkey")} as given_cyr_key0,
              r.u8 < case r.culture ${Object.entries(NAME_POOLS).map(([c, pool]) => `when '${c}' then ${pool.cyrillic}`).join(" ")} end as has_cyrillic
       from r
     ), t as (
       select n.*,
              -- Passports spell the same name differently (ZH/J, KH/H): the name search must find both.
              case when n.u9 < 0.12 then replace(replace(n.surname0, 'ZH', 'J'), 'KH', 'H') else n.surname0 end as surname,
              least('${nowIso}'::timestamptz,
                    n.created_at + case when n.decided then interval '1 day' * (1 + n.u11 * ${Math.max(plan.termDays, 3)} * n.nsteps)
                                        else interval '1 hour' * (n.u11 * 24 * ${plan.termDays}) end) as updated_at,
              ${staffDraw("n.u12", pools, team, "officer")} as officer,
              ${staffDraw("n.u13", pools, team, "supervisor")} as supervisor,
              ${staffDraw("n.u14", pools, team, "clerk")} as clerk,
              ${applicantId(`1 + floor(n.u15 * ${applicants})::int`)} as applicant_account
       from n
     )
     select t.g, md5('${seed}c' || t.g)::uuid as id, md5('${seed}p' || t.g)::uuid as person_id,
            '${plan.prefix}-${c.year}-' || lpad(t.seq::text, 6, '0') || '-' || substr('ABCDEFGHJKLMNPRSTUVWXYZ', ((${base} + ${digitSum.replaceAll("b.seq", "t.seq")}) % 23)::int + 1, 1) as reference,
            t.region, t.status, t.nsteps, t.decided, t.running, t.stopped, t.created_at, t.updated_at,
            t.citizenship, t.sex, t.surname, t.given,
            case when t.has_cyrillic then t.surname_cyr0 end as surname_cyr, case when t.has_cyrillic then t.given_cyr0 end as given_cyr, t.name_key,
            case when t.has_cyrillic then nullif(concat_ws(' ', t.surname_cyr_key0, t.given_cyr_key0), '') end as cyr_key,
            (t.created_at::date - interval '1 year' * (18 + t.u16 * 42))::date as birth_date,
            t.series || lpad(((t.g * 7919) % 9999991)::text, 7, '0') as passport_no,
            coalesce((select array_agg(distinct f.flag order by f.flag) from bulk_flag bf, unnest(bf.flags) f(flag)
                      where bf.service = '${plan.id}' and pg_temp.u(t.g, bf.salt) < bf.p), '{}'::text[]) as flags,
            t.officer, t.supervisor, t.clerk, t.applicant_account,
            ${ownerFiled ? "true" : "t.u17 < 0.25"} as online,
            t.u18 as u_assign, t.u19 as u_lease,
            case t.region ${Object.entries(REGION_CITY).map(([r, c]) => `when '${r}' then '${c}'`).join(" ")} end as city
     from t`,
  );

  // Columns computed from the row above, then the inserts into the real tables.
  await run(
    tx,
    `create temp view bulk_x as
     select c.*,
            case when c.online then 'online' when pg_temp.u(c.g, 21) < 0.04 then 'api' else 'front_office' end as channel,
            jsonb_strip_nulls(jsonb_build_object('sex', c.sex, 'surname', c.surname, 'givenNames', c.given, 'surnameCyrillic', c.surname_cyr, 'givenNamesCyrillic', c.given_cyr,
                                                 'birthDate', c.birth_date::text, 'citizenship', c.citizenship)) as person,
            (${textArray(LOCAL_PEOPLE.map((n) => nameKey(n)))})[1 + (c.g % ${LOCAL_PEOPLE.length})::int] as host_key,
            jsonb_build_object('passportType', 'national', 'passportNumber', c.passport_no, 'passportExpiresOn', (c.created_at::date + 365 * 5)::text) as passport,
            jsonb_build_object('city', c.city, 'region', c.region, 'street', (${streets})[1 + (c.g % 10)::int], 'building', (1 + c.g % 180)::text, 'flat', (1 + c.g % 240)::text) as address,
            jsonb_build_object('kind', 'individual', 'name', (${local})[1 + (c.g % ${LOCAL_PEOPLE.length})::int], 'phone', '+7 70' || (c.g % 8) || ' ' || lpad((c.g % 1000)::text, 3, '0') || ' ' || lpad((c.g % 97)::text, 2, '0') || ' ' || lpad((c.g % 89)::text, 2, '0'),
                               'identifier', lpad(((c.g * 104729) % 999999999999)::text, 12, '0')) as host,
            '+7 70' || (c.g % 8) || ' ' || lpad((c.g % 1000)::text, 3, '0') || ' ' || lpad((c.g % 83)::text, 2, '0') || ' ' || lpad((c.g % 79)::text, 2, '0') as phone,
            case when c.decided then c.u_assign < 0.7 when c.status = 'submitted' then c.u_assign < 0.15 else c.u_assign < 0.85 end as assigned
     from bulk_case c`,
  );
  await run(
    tx,
    `insert into cases (id, service, reference, status, flags, region, owner_id, filed_by, channel, assignee_id, lease_expires_at, data, due_on, clock_remaining_days,
                        submitted_at, decided_at, version, created_at, updated_at${withSearch ? ", search_names, search_numbers" : ""})
     select x.id, '${plan.id}', x.reference, x.status, x.flags, x.region,
            case when x.channel = 'online' then x.applicant_account end,
            case when x.channel = 'online' then x.applicant_account when x.channel = 'api' then null else coalesce(x.clerk, x.officer) end,
            x.channel,
            case when x.assigned then x.officer end,
            case when not x.assigned then null
                 when x.decided then x.updated_at + interval '4 hours'
                 else '${nowIso}'::timestamptz + interval '1 hour' * (x.u_lease * 16 - 4) end,
            ${data[plan.id]},
            case when x.running and '${plan.id}' = 'refugee_renewal' then (x.updated_at::date + ${plan.termDays})
                 when x.running then (x.created_at::date + ${plan.termDays}) end,
            case when x.stopped then 1 + floor(x.u_lease * ${Math.max(1, Math.round(plan.termDays * 0.7))})::int end,
            x.created_at, case when x.decided then x.updated_at end, x.nsteps, x.created_at, x.updated_at
            ${withSearch ? `, ${searchExpressions(plan.id).names}, ${searchExpressions(plan.id).numbers}` : ""}
     from bulk_x x;

     insert into people (id, surname, given_names, surname_cyrillic, given_names_cyrillic, birth_date, sex, citizenship, protected_person, created_at, name_key)
     select x.person_id, x.surname, x.given, x.surname_cyr, x.given_cyr, x.birth_date, x.sex, x.citizenship, 'protected_person' = any(x.flags), x.created_at, x.name_key
     from bulk_x x;

     insert into identity_documents (id, person_id, type, number, issuing_country, expires_on)
     select md5('${seed}d' || x.g)::uuid, x.person_id, 'passport_national', x.passport_no, x.citizenship, x.created_at::date + 365 * 5 from bulk_x x;

     insert into case_parties (id, case_id, role, person_id, details)
     select md5('${seed}a' || x.g)::uuid, x.id, 'applicant', x.person_id, null from bulk_x x
     ${
       plan.id === "temporary_registration"
         ? `union all select md5('${seed}h' || x.g)::uuid, x.id, 'host', null, x.host from bulk_x x`
         : plan.id === "household_permit"
           ? `union all select md5('${seed}h' || x.g)::uuid, x.id, 'employer', null,
                jsonb_build_object('iin', x.host->>'identifier', 'name', x.host->>'name', 'phone', x.host->>'phone', 'region', x.region,
                                   'address', x.city || ', ' || (x.address->>'street') || ' ' || (x.address->>'building')) from bulk_x x`
           : ""
     };

     insert into case_events (case_id, version, created_at, actor_id, actor_role, action, from_status, to_status, payload, reason, visible_to_applicant)
     select x.id, 1, x.created_at,
            case when x.channel = 'online' then x.applicant_account when x.channel = 'api' then x.officer else coalesce(x.clerk, x.officer) end,
            case when x.channel = 'online' then 'applicant' when x.channel = 'api' then 'officer' when x.clerk is null then 'officer' else 'clerk' end,
            'create', null, 'draft', jsonb_build_object('channel', x.channel), null, true
     from bulk_x x
     union all
     select x.id, p.step,
            x.created_at + (x.updated_at - x.created_at) * ((p.step - 2)::float8 / greatest(x.nsteps - 2, 1)),
            case p.actor when 'filer' then case when x.channel = 'online' then x.applicant_account else coalesce(x.clerk, x.officer) end
                         when 'owner' then x.applicant_account when 'officer' then x.officer when 'supervisor' then x.supervisor end,
            case p.actor when 'filer' then case when x.channel = 'online' then 'applicant' when x.clerk is null then 'officer' else 'clerk' end
                         when 'owner' then 'applicant' else p.actor end,
            p.action, p.from_status, p.to_status, '{}'::jsonb,
            case when p.reasoned then 'The documents do not meet the requirements; see the notice sent to the applicant.' end, true
     from bulk_x x join bulk_path p on p.service = '${plan.id}' and p.status = x.status;

     drop view bulk_x;`,
  );
}

/** npm run seed:bulk: migrate, reference data and demo accounts, then the generated cases. */
export async function seedBulk(handle: DbHandle, options: BulkOptions): Promise<BulkResult> {
  const { cases } = options;
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  if (!Number.isInteger(cases) || cases < 1) throw new BulkSeedError("--cases must be a positive whole number");
  if (handle.kind === "pglite" && cases > PGLITE_MAX_CASES) {
    throw new BulkSeedError(
      `${cases} cases is too many for the embedded database (at most ${PGLITE_MAX_CASES}); set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/bulk`,
    );
  }
  const timings: Record<string, number> = {};
  const time = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await f();
    timings[label] = Math.round(performance.now() - started);
    log(`${label}: ${(timings[label]! / 1000).toFixed(1)} s`);
    return result;
  };

  await time("migrate and reference data", async () => {
    await migrateDb(handle);
    await seedReference(handle.db);
    await seedUsers(handle.db);
  });
  const existing = await count(handle, "cases");
  if (existing > 0) throw new BulkSeedError(`The database already holds ${existing} cases; the bulk seed fills an empty database only (create a new one).`);

  // The queue's search columns, where the schema has them.
  const searchCols = rowsOf<{ column_name: string }>(
    await handle.db.execute(sql.raw("select column_name from information_schema.columns where table_name = 'cases' and column_name in ('search_names', 'search_numbers')")),
  );
  const withSearch = searchCols.length === 2;
  const applicants = Math.max(50, Math.ceil(cases / CASES_PER_APPLICANT_ACCOUNT));
  const chunks = chunksFor(cases, now);
  await time("generate cases", () =>
    handle.db.transaction(async (tx) => {
      // Compiling the generator's large expressions costs seconds per batch and gains nothing.
      await run(tx, "set local jit = off");
      await seedStaffAndApplicants(tx, applicants);
      const pools = await createLookups(tx);
      await run(
        tx,
        `create temp table bulk_seq (seq int, g bigint, created_at timestamptz, u2 float8, u3 float8, u5 float8, recent boolean,
           u4 float8, u6 float8, u7 float8, u8 float8, u9 float8, u11 float8, u12 float8, u13 float8, u14 float8, u15 float8, u16 float8, u17 float8, u18 float8, u19 float8) on commit drop`,
      );
      await run(
        tx,
        `create temp table bulk_case (g bigint, id uuid, person_id uuid, reference text, region text, status text, nsteps int, decided boolean, running boolean, stopped boolean,
           created_at timestamptz, updated_at timestamptz, citizenship text, sex text, surname text, given text, surname_cyr text, given_cyr text, name_key text, cyr_key text,
           birth_date date, passport_no text, flags text[], officer uuid, supervisor uuid, clerk uuid, applicant_account uuid, online boolean,
           u_assign float8, u_lease float8, city text) on commit drop`,
      );
      let done = 0;
      for (const chunk of chunks) {
        const started = performance.now();
        await insertChunk(tx, chunk, seed, now, applicants, pools, withSearch);
        done += chunk.last - chunk.first + 1;
        log(`  ${chunk.plan.prefix}-${chunk.year} ${chunk.first}–${chunk.last}: ${((performance.now() - started) / 1000).toFixed(1)} s (${done}/${cases})`);
      }
      // The engine numbers new cases after the generated ones.
      await run(
        tx,
        `insert into reference_counters (prefix, year, last)
         select split_part(reference, '-', 1), split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int) from cases group by 1, 2
         on conflict (prefix, year) do update set last = greatest(reference_counters.last, excluded.last)`,
      );
    }),
  );
  // VACUUM sets the visibility map (index-only scans, as on a database that has been running a while); ANALYZE the statistics.
  await time("vacuum analyze", async () => {
    for (const table of ["cases", "people", "identity_documents", "case_parties", "case_events", "users"]) await handle.db.execute(sql.raw(`vacuum analyze ${table}`));
  });
  const result: BulkResult = {
    cases: await count(handle, "cases"),
    people: await count(handle, "people"),
    events: await count(handle, "case_events"),
    parties: await count(handle, "case_parties"),
    timings,
  };
  return result;
}

/**
 * npm run bench: the staff queue at 10 000 and 1 000 000 cases on PostgreSQL, against a baseline
 * that runs the same queue query with nothing around it. Writes bench/RESULTS.md (queue section).
 *
 * For each size and target: saturation throughput (closed loop, BENCH_CONNECTIONS connections), then
 * latency at one third of it (open loop at a fixed rate). Needs DATABASE_URL (the server; the
 * benchmark keeps its own databases bench_queue_<size>, seeded once and reused). Heavy: run it as
 * `flock /tmp/heavy.lock npm run bench` on a shared machine.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDb } from "@/db/client";
import { seedBulk } from "@/db/seed/bulk/load";
import { hashApiToken } from "@/lib/auth/api-tokens";
import { signIn, waitForServer, writeSection } from "./support";

const SIZES = (process.env.BENCH_SIZES ?? "10000,1000000").split(",").map(Number);
const PORT = Number(process.env.BENCH_PORT ?? 3120);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 10);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 15);
const OFFICER = "officer.almaty@demo.kz";

interface Target {
  name: string;
  path: string;
  auth: "cookie" | "bearer" | "none";
}

const TARGETS: Target[] = [
  { name: "queue page /ru/staff/queue", path: "/ru/staff/queue", auth: "cookie" },
  { name: "baseline page (same query, bare)", path: "/api/bench/queue-page", auth: "none" },
  { name: "queue API /api/v1/cases", path: "/api/v1/cases", auth: "bearer" },
  { name: "baseline route (same query, bare)", path: "/api/bench/queue", auth: "none" },
];

interface Measure {
  saturation: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function migrationCount(): number {
  return (JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] }).entries.length;
}

async function ensureDatabase(base: string, size: number): Promise<string> {
  const name = `bench_queue_${size}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) {
      const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const [row] = await db`select count(*)::int as n from cases`.catch(() => [{ n: -1 }]);
      const [applied] = await db`select count(*)::int as n from drizzle.__drizzle_migrations`.catch(() => [{ n: -1 }]);
      await db.end();
      // Reused only when it has the size and every migration: a newer schema needs newly generated data.
      if (row!.n === size && applied!.n === migrationCount()) return url.toString();
      await admin.unsafe(`drop database ${name} with (force)`);
    }
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const handle = await openDb({ url: url.toString() });
  try {
    const started = performance.now();
    await seedBulk(handle, { cases: size });
    console.log(`seeded ${size} cases in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await handle.close();
  }
  return url.toString();
}

async function issueToken(url: string): Promise<string> {
  const token = `kzm_bench_${randomBytes(16).toString("hex")}`;
  const db = postgres(url, { max: 1, onnotice: () => {} });
  await db`insert into api_tokens (name, token_hash, user_id, scopes, created_by)
           select 'benchmark', ${hashApiToken(token)}, id, array['cases:read'], id from users where email = ${OFFICER}`;
  await db.end();
  return token;
}

function headersFor(t: Target, cookie: string, token: string): Record<string, string> {
  if (t.auth === "cookie") return { cookie };
  if (t.auth === "bearer") return { authorization: `Bearer ${token}` };
  return {};
}

/**
 * Open-loop load: request i starts at i / rate seconds whatever the earlier ones are doing, so a slow
 * response shows as latency instead of lowering the rate (autocannon's rate limit sends each second's
 * requests in a burst, which measures its own queueing).
 */
async function openLoop(url: string, headers: Record<string, string>, rate: number, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      fetch(url, { headers, redirect: "manual" }).then(
        async (r) => {
          await r.arrayBuffer();
          if (r.status === 200) latencies.push(performance.now() - due);
          else errors += 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

async function measure(base: string, t: Target, headers: Record<string, string>): Promise<Measure> {
  const url = base + t.path;
  const check = await fetch(url, { headers, redirect: "manual" });
  if (check.status !== 200) throw new Error(`${t.path} answered ${check.status}`);
  await autocannon({ url, headers, connections: 2, duration: 3 }); // warm-up
  const sat = await autocannon({ url, headers, connections: CONNECTIONS, duration: SATURATION_SECONDS });
  const saturation = sat.requests.average;
  const rate = Math.max(1, Math.floor(saturation / 3));
  const { latencies, errors } = await openLoop(url, headers, rate, RATE_SECONDS);
  return {
    saturation,
    rate,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: sat.non2xx + sat.errors + errors,
  };
}

function startServer(url: string): ChildProcess {
  const child = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: { ...process.env, BENCH_BUILD: "1", DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("hex"), AUTH_TRUST_HOST: "true", NODE_ENV: "production", BENCH_VIEWER_EMAIL: OFFICER },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  return child;
}

function stopServer(child: ChildProcess): void {
  if (child.pid) process.kill(-child.pid, "SIGTERM");
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "—");

function verdict(ok: boolean): string {
  return ok ? "met" : "missed";
}

function report(results: Map<number, Map<string, Measure>>, meta: string): string {
  const lines: string[] = [];
  lines.push("## Staff queue (issue 6, item 9)", "", meta, "");
  lines.push("| cases | target | saturation (req/s) | rate for latency (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | errors |", "|---|---|---|---|---|---|---|---|");
  for (const [size, byTarget] of results) {
    for (const [name, m] of byTarget) lines.push(`| ${size.toLocaleString("en")} | ${name} | ${fmt(m.saturation)} | ${m.rate} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${m.errors} |`);
  }
  lines.push("", "### Targets", "", "| target | figure | verdict |", "|---|---|---|");
  const sizes = [...results.keys()];
  for (const size of sizes) {
    const r = results.get(size)!;
    const page = r.get(TARGETS[0]!.name)!;
    const basePage = r.get(TARGETS[1]!.name)!;
    const api = r.get(TARGETS[2]!.name)!;
    const baseRoute = r.get(TARGETS[3]!.name)!;
    const pageRatio = page.saturation / basePage.saturation;
    const apiRatio = api.saturation / baseRoute.saturation;
    lines.push(`| queue page throughput ≥ 0.75 × baseline page (${size.toLocaleString("en")}) | ${fmt(pageRatio, 2)} × | ${verdict(pageRatio >= 0.75)} |`);
    lines.push(`| queue API throughput ≥ 0.75 × baseline route (${size.toLocaleString("en")}) | ${fmt(apiRatio, 2)} × | ${verdict(apiRatio >= 0.75)} |`);
    lines.push(`| p95 of queue reads ≤ 50 ms at ⅓ saturation (${size.toLocaleString("en")}) | page ${fmt(page.p95)} ms, API ${fmt(api.p95)} ms | ${verdict(page.p95 <= 50 && api.p95 <= 50)} |`);
  }
  if (sizes.length >= 2) {
    const small = results.get(Math.min(...sizes))!;
    const large = results.get(Math.max(...sizes))!;
    for (const t of [TARGETS[0]!, TARGETS[2]!]) {
      const ratio = large.get(t.name)!.p95 / small.get(t.name)!.p95;
      lines.push(`| p95(1M) / p95(10k) ≤ 1.2, ${t.name} | ${fmt(ratio, 2)} | ${verdict(ratio <= 1.2)} |`);
    }
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("npm run bench needs DATABASE_URL (a PostgreSQL server), e.g. postgres://postgres@127.0.0.1:5432/postgres");
  const urls = new Map<number, string>();
  for (const size of SIZES) urls.set(size, await ensureDatabase(base, size));

  if (process.env.BENCH_SKIP_BUILD !== "1") {
    const build = spawnSync("npx", ["next", "build"], { env: { ...process.env, BENCH_BUILD: "1" }, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const results = new Map<number, Map<string, Measure>>();
  const origin = `http://127.0.0.1:${PORT}`;
  for (const size of SIZES) {
    const url = urls.get(size)!;
    const server = startServer(url);
    try {
      await waitForServer(origin);
      const cookie = await signIn(origin, OFFICER);
      const token = await issueToken(url);
      const byTarget = new Map<string, Measure>();
      for (const t of TARGETS) {
        const m = await measure(origin, t, headersFor(t, cookie, token));
        console.log(`${size} ${t.name}: ${fmt(m.saturation)} req/s; at ${m.rate} req/s p95 ${fmt(m.p95)} ms`);
        byTarget.set(t.name, m);
      }
      results.set(size, byTarget);
    } finally {
      stopServer(server);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  const meta = `Measured ${new Date().toISOString()} on ${process.env.BENCH_MACHINE ?? "the shared 2-core build machine"} (load average at the end: ${load}), server and load generator on the same machine (saturation: autocannon, ${CONNECTIONS} connections, ${SATURATION_SECONDS} s; latency: ${RATE_SECONDS} s of evenly spaced requests at one third of saturation), signed in as ${OFFICER} (Almaty city, four services). Latency is measured by the client on localhost, so it is the server's response time plus a fraction of a millisecond.`;
  writeSection("## Staff queue", report(results, meta));
  console.log("written to bench/RESULTS.md");
}

await main();

/**
 * npm run bench:applicant (issue 7, item 9): First Load JS of applicant routes against an empty Next
 * app of the same version (bench/empty-app), and the status page's largest contentful paint with the
 * CPU slowed down four times. Writes the "Applicant pages" section of bench/RESULTS.md.
 *
 * First Load JS is measured in the browser: the compressed bytes of every script a fresh page loads,
 * which is what the build output's "First Load JS" column estimates. Needs DATABASE_URL (a PostgreSQL
 * server; the demo data goes into its own database bench_applicant) and Chromium.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../scripts/chromium.mjs";
import { signIn, waitForServer, writeSection } from "./support";

const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3121);
const EMPTY_PORT = Number(process.env.BENCH_EMPTY_PORT ?? 3122);
const LCP_RUNS = Number(process.env.BENCH_LCP_RUNS ?? 5);
const APPLICANT = "applicant@demo.kz";
const JS_TARGET = 1.3;
const LCP_TARGET_MS = 2500;

function run(cmd: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): void {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: options.cwd, env: { ...process.env, ...options.env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

function start(args: string[], cwd: string, env: Record<string, string>): ChildProcess {
  return spawn("npx", ["next", "start", ...args], { cwd, env: { ...process.env, ...env, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"], detached: true });
}

function stop(child: ChildProcess | undefined): void {
  if (child?.pid) process.kill(-child.pid, "SIGTERM");
}

async function demoDatabase(base: string): Promise<string> {
  const url = new URL(base);
  url.pathname = "/bench_applicant";
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = 'bench_applicant'`;
  if (!exists) await admin.unsafe("create database bench_applicant");
  await admin.end();
  if (!exists) run("npm", ["run", "-s", "db:seed", "--", "--demo"], { env: { DATABASE_URL: url.toString() } });
  return url.toString();
}

/** Compressed bytes of the scripts a fresh page loads (no cache), after the network is idle. */
async function firstLoadJs(browser: Browser, url: string, cookie?: string): Promise<number> {
  const context = await browser.newContext();
  if (cookie) {
    const { host } = new URL(url);
    await context.addCookies(cookie.split("; ").map((c) => {
      const [name, ...v] = c.split("=");
      return { name: name!, value: v.join("="), domain: host.split(":")[0]!, path: "/" };
    }));
  }
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script") sizes.push(request.sizes().then((s) => s.responseBodySize));
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return total;
}

/** Largest contentful paint of a page with the CPU slowed down four times (median of several loads). */
async function lcp(browser: Browser, url: string, cookie: string): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < LCP_RUNS; i++) {
    const context = await browser.newContext();
    const { host } = new URL(url);
    await context.addCookies(cookie.split("; ").map((c) => {
      const [name, ...v] = c.split("=");
      return { name: name!, value: v.join("="), domain: host.split(":")[0]!, path: "/" };
    }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(url, { waitUntil: "load" });
    const value = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1]!.startTime);
          }).observe({ type: "largest-contentful-paint", buffered: true });
        }),
    );
    runs.push(value);
    await context.close();
  }
  return runs.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("npm run bench:applicant needs DATABASE_URL (a PostgreSQL server)");
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)");
  const url = await demoDatabase(base);

  if (process.env.BENCH_SKIP_BUILD !== "1" || !existsSync(".next-bench/BUILD_ID")) run("npx", ["next", "build"], { env: { BENCH_BUILD: "1" } });
  if (!existsSync("bench/empty-app/node_modules/next")) run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: "bench/empty-app" });
  if (process.env.BENCH_SKIP_BUILD !== "1" || !existsSync("bench/empty-app/.next/BUILD_ID")) run("npx", ["next", "build"], { cwd: "bench/empty-app" });

  let app: ChildProcess | undefined;
  let empty: ChildProcess | undefined;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    app = start(["-p", String(APP_PORT)], ".", { BENCH_BUILD: "1", DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("hex"), AUTH_TRUST_HOST: "true" });
    empty = start(["-p", String(EMPTY_PORT)], "bench/empty-app", {});
    const appOrigin = `http://127.0.0.1:${APP_PORT}`;
    const emptyOrigin = `http://127.0.0.1:${EMPTY_PORT}`;
    await waitForServer(appOrigin);
    for (let i = 0; i < 60 && !(await fetch(emptyOrigin).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 500));

    const cookie = await signIn(appOrigin, APPLICANT, "/kk/applications");
    const db = postgres(url, { max: 1, onnotice: () => {} });
    const [own] = await db`select c.reference from cases c join users u on u.id = c.owner_id where u.email = ${APPLICANT} and c.status <> 'draft' order by c.updated_at desc limit 1`;
    await db.end();
    if (!own) throw new Error(`${APPLICANT} has no case in the demo data`);

    const emptyJs = await firstLoadJs(browser, `${emptyOrigin}/`);
    const routes: [string, string, boolean][] = [
      ["/kk/applications (my applications)", "/kk/applications", true],
      [`/kk/applications/[reference] (status page)`, `/kk/applications/${own.reference}`, true],
      ["/kk/notifications", "/kk/notifications", true],
      ["/kk/apply/temporary-registration (form)", "/kk/apply/temporary-registration", true],
      ["/kk/apply/household-permit (form)", "/kk/apply/household-permit", true],
      ["/kk/apply/kandas (form)", "/kk/apply/kandas", true],
      ["/kk/apply/refugee-renewal (form)", "/kk/apply/refugee-renewal", true],
      ["/kk/status (public status check)", "/kk/status", false],
      ["/kk/services/temporary-registration (public service page)", "/kk/services/temporary-registration", false],
    ];
    const rows: string[] = [];
    for (const [name, path, signedIn] of routes) {
      try {
        const bytes = await firstLoadJs(browser, appOrigin + path, signedIn ? cookie : undefined);
        const ratio = bytes / emptyJs;
        rows.push(`| ${name} | ${(bytes / 1024).toFixed(1)} | ${ratio.toFixed(2)} × | ${ratio <= JS_TARGET ? "met" : "missed"} |`);
        console.log(`${name}: ${(bytes / 1024).toFixed(1)} kB (${ratio.toFixed(2)} ×)`);
      } catch (error) {
        rows.push(`| ${name} | — | — | not measured: ${(error as Error).message} |`);
      }
    }
    const statusLcp = await lcp(browser, `${appOrigin}/kk/applications/${own.reference}`, cookie);
    const median = statusLcp[Math.floor(statusLcp.length / 2)]!;
    console.log(`status page LCP (4× CPU): ${statusLcp.map((v) => v.toFixed(0)).join(", ")} ms`);

    writeSection(
      "## Applicant pages",
      [
        "## Applicant pages (issue 7, item 9)",
        "",
        `Measured ${new Date().toISOString()} with Chromium on the shared 2-core build machine, production builds served by \`next start\` on localhost (no network throttling). First Load JS = compressed bytes of all scripts a fresh page loads (no cache), compared with an empty Next 16.4.5 app (bench/empty-app: one page, one layout): **${(emptyJs / 1024).toFixed(1)} kB**. Target ≤ ${JS_TARGET} ×.`,
        "",
        "| route | First Load JS (kB) | vs empty app | verdict |",
        "|---|---|---|---|",
        ...rows,
        "",
        `Status page (/kk/applications/[reference], signed in as ${APPLICANT}), largest contentful paint with 4× CPU throttling (CDP Emulation.setCPUThrottlingRate), ${LCP_RUNS} loads: ${statusLcp.map((v) => v.toFixed(0)).join(", ")} ms; median **${median.toFixed(0)} ms**, target < ${LCP_TARGET_MS} ms: **${median < LCP_TARGET_MS ? "met" : "missed"}**.`,
      ].join("\n"),
    );
    console.log("written to bench/RESULTS.md");
  } finally {
    await browser.close();
    stop(app);
    stop(empty);
  }
}

await main();

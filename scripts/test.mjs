// `npm test`: lint, typecheck, unit and integration tests, production build, end-to-end tests.
// Output of every step is streamed as it comes; the last line is a plain summary
//   tests: N passed, N failed[, N skipped]
// Lint, typecheck and build count as one check each; Vitest and Playwright tests count one by one.
//
//   node scripts/test.mjs [--only=lint,typecheck,unit,build,e2e] [--skip=...] [--no-e2e] [--no-build]
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CHROMIUM_INSTALL_HINT, findChromium } from "./chromium.mjs";

const STEP_IDS = ["lint", "typecheck", "unit", "build", "e2e"];

function usage(message) {
  if (message) console.error(message);
  console.error(`Usage: node scripts/test.mjs [--only=${STEP_IDS.join(",")}] [--skip=...] [--no-e2e] [--no-build]`);
  process.exit(2);
}

function parseList(value, flag) {
  const ids = value.split(",").map((s) => s.trim()).filter(Boolean);
  for (const id of ids) if (!STEP_IDS.includes(id)) usage(`Unknown step "${id}" in ${flag}`);
  return ids;
}

function parseArgs(argv) {
  let selected = [...STEP_IDS];
  for (const arg of argv) {
    if (arg.startsWith("--only=")) selected = parseList(arg.slice(7), "--only");
    else if (arg.startsWith("--skip=")) {
      const skip = parseList(arg.slice(7), "--skip");
      selected = selected.filter((id) => !skip.includes(id));
    } else if (arg === "--no-e2e") selected = selected.filter((id) => id !== "e2e");
    else if (arg === "--no-build") selected = selected.filter((id) => id !== "build");
    else if (arg === "--help" || arg === "-h") usage();
    else usage(`Unknown argument "${arg}"`);
  }
  if (selected.length === 0) usage("No steps selected");
  return new Set(selected);
}

function describeDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) return "PGlite (embedded; integration tests in memory, e2e in .data/e2e-pglite)";
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.host}${u.pathname} (integration tests run against it, in a fresh database each; e2e in a fresh e2e_<timestamp> database)`;
  } catch {
    return "PostgreSQL (DATABASE_URL is set but is not a valid URL)";
  }
}

function run(command, args, extraEnv = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv } });
    child.on("error", (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolvePromise(127);
    });
    child.on("exit", (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function vitestCounts(report) {
  if (!report) return null;
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function playwrightCounts(report) {
  if (!report?.stats) return null;
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  if (flaky > 0) console.log(`Playwright: ${flaky} test(s) passed only on retry (flaky).`);
  return { passed: expected + flaky, failed: unexpected, skipped };
}

const bin = (name) => resolve("node_modules/.bin", name);

async function main() {
  const selected = parseArgs(process.argv.slice(2));
  if (!existsSync(bin("next"))) {
    console.error("node_modules is missing: run `npm ci` first.");
    console.log("tests: 0 passed, 1 failed");
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), "kz-tests-"));
  const vitestReport = join(work, "vitest.json");
  const playwrightReport = join(work, "playwright.json");

  const steps = [
    { id: "lint", title: "eslint .", command: bin("eslint"), args: ["."] },
    { id: "typecheck", title: "tsc --noEmit", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
    {
      id: "unit",
      title: "vitest run",
      command: bin("vitest"),
      args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
      report: vitestReport,
      counts: vitestCounts,
    },
    { id: "build", title: "next build", command: bin("next"), args: ["build"] },
    {
      id: "e2e",
      title: "playwright test",
      command: bin("playwright"),
      args: ["test"],
      env: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
      report: playwrightReport,
      counts: playwrightCounts,
    },
  ].filter((s) => selected.has(s.id));

  console.log(`Database: ${describeDatabase()}`);
  console.log(`Steps: ${steps.map((s) => s.id).join(", ") || "(none)"}`);

  const results = [];
  for (const step of steps) {
    const result = { step, passed: 0, failed: 0, skipped: 0, seconds: 0, note: "" };
    results.push(result);
    if (step.id === "e2e") {
      const buildResult = results.find((r) => r.step.id === "build");
      if (buildResult && buildResult.failed > 0) {
        result.note = "not run: the build failed";
        continue;
      }
      if (!findChromium()) {
        console.error(CHROMIUM_INSTALL_HINT);
        result.failed = 1;
        result.note = "Chromium not found";
        continue;
      }
    }
    console.log(`\n━━ ${step.title} ━━`);
    if (step.report) rmSync(step.report, { force: true });
    const started = Date.now();
    const code = await run(step.command, step.args, step.env);
    result.seconds = (Date.now() - started) / 1000;
    if (step.counts) {
      const counts = step.counts(readJson(step.report));
      if (counts) Object.assign(result, counts);
      if (code !== 0 && result.failed === 0) {
        // A crash, a file that failed to load, or a server that never came up: no test counted it.
        result.failed = 1;
        result.note = `exited with ${code}`;
      } else if (result.passed + result.failed === 0) {
        result.failed = 1;
        result.note = "no tests ran";
      }
    } else if (code === 0) result.passed = 1;
    else {
      result.failed = 1;
      result.note = `exited with ${code}`;
    }
  }
  rmSync(work, { recursive: true, force: true });

  console.log("\n━━ summary ━━");
  for (const r of results) {
    const status = r.failed > 0 ? "FAIL" : r.note ? "SKIP" : "ok  ";
    const counts = r.step.counts ? ` ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped` : "";
    const time = r.seconds ? ` (${r.seconds.toFixed(1)} s)` : "";
    console.log(`${status} ${r.step.id.padEnd(10)}${counts}${time}${r.note ? ` — ${r.note}` : ""}`);
  }
  const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
  console.log(`tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  // Nothing run is a failure, never a pass.
  process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
}

await main();

// `npm run demo`: a working installation from a fresh checkout after `npm ci`.
//
//   1. AUTH_SECRET: from the environment, else .data/auth-secret (generated once, then reused).
//   2. Database: DATABASE_URL when set, else the embedded PGlite database in PGLITE_DIR (.data/pglite).
//   3. Migrations, then the demo seed. The seed keeps existing data (it adds missing accounts and
//      adds cases only to a database without any) and prints the demo accounts every time.
//   4. `next build` (skip with --no-build), then `next start`.
//
//   npm run demo -- [--reset] [--no-build] [--port=3000]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const DATA_DIR = ".data";
const SECRET_FILE = `${DATA_DIR}/auth-secret`;
const PID_FILE = `${DATA_DIR}/demo.pid`;

const bin = (name) => resolve("node_modules/.bin", name);

function fail(message) {
  console.error(`\n${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { reset: false, build: true, port: process.env.PORT ?? "3000" };
  for (const arg of argv) {
    if (arg === "--reset") options.reset = true;
    else if (arg === "--no-build") options.build = false;
    else if (arg.startsWith("--port=")) options.port = arg.slice(7);
    else fail(`Unknown argument "${arg}". Usage: npm run demo -- [--reset] [--no-build] [--port=3000]`);
  }
  if (!/^\d+$/.test(options.port)) fail(`Invalid port "${options.port}"`);
  return options;
}

// `--conditions=react-server` as in the npm scripts: it turns the "server-only" guard into a no-op.
const tsx = (script, ...args) => [bin("tsx"), ["--conditions=react-server", script, ...args]];

/** Runs a command with its output shown; resolves with what it printed on stdout. */
function run([command, args], env) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${[command, ...args].join(" ")} exited with ${signal ?? code}`));
    });
  });
}

function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  console.log(`Generated a session secret in ${SECRET_FILE}`);
  return secret;
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// PGlite has no cross-process lock: a second server (or a migration) on the same directory
// while the demo runs would corrupt it.
function claimPgliteDir(dir) {
  if (existsSync(PID_FILE)) {
    const [pid, lockedDir] = readFileSync(PID_FILE, "utf8").trim().split(" ");
    if (Number(pid) !== process.pid && isRunning(Number(pid))) {
      fail(`The demo is already running (process ${pid}, database ${lockedDir}). Stop it first.`);
    }
  }
  writeFileSync(PID_FILE, `${process.pid} ${dir}\n`);
  process.on("exit", () => rmSync(PID_FILE, { force: true }));
}

async function waitForServer(port, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return false;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(bin("next"))) fail("Dependencies are missing: run `npm ci` first.");
  if (!existsSync("db/seed/cli.ts")) fail("db/seed/cli.ts is missing: this checkout cannot seed a demo database.");
  mkdirSync(DATA_DIR, { recursive: true });

  const env = {
    ...process.env,
    AUTH_SECRET: authSecret(),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (env.DATABASE_URL) {
    if (options.reset) fail("--reset only applies to the embedded database. With DATABASE_URL set, drop and recreate that database yourself.");
    const u = new URL(env.DATABASE_URL);
    console.log(`Database: PostgreSQL at ${u.host}${u.pathname}`);
  } else {
    env.PGLITE_DIR = process.env.PGLITE_DIR ?? `${DATA_DIR}/pglite`;
    claimPgliteDir(env.PGLITE_DIR);
    if (options.reset) {
      rmSync(env.PGLITE_DIR, { recursive: true, force: true });
      console.log(`Removed ${env.PGLITE_DIR}: starting over.`);
    }
    console.log(`Database: embedded PGlite in ${env.PGLITE_DIR}`);
  }

  await run(tsx("db/migrate-cli.ts"), env);
  const seedOutput = await run(tsx("db/seed/cli.ts", "--demo"), env);
  // The seed ends with the list of demo accounts; it is shown again once the server is up.
  const accountsAt = seedOutput.indexOf("Demo accounts");
  const accounts = accountsAt >= 0 ? seedOutput.slice(accountsAt).trim() : "";

  if (options.build) await run([bin("next"), ["build"]], env);
  else if (!existsSync(".next/BUILD_ID")) fail("There is no production build yet: run without --no-build.");

  const server = spawn(bin("next"), ["start", "-p", options.port], { env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (server.exitCode === null) server.kill(signal);
    });
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

  if (await waitForServer(options.port, server)) {
    console.log(`\nOpen http://localhost:${options.port}`);
    console.log(accounts ? `\n${accounts}\n` : "Demo accounts: see the seed output above and README.md.");
    console.log("Stop with Ctrl+C.\n");
  }
}

main().catch((error) => fail(error.message));

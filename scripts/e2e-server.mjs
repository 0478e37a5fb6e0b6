// The Playwright webServer command: prepares a database of its own for the end-to-end run, then
// serves the production build on 127.0.0.1:3100.
//
//   PGlite (DATABASE_URL unset): wipes .data/e2e-pglite, migrates, seeds --e2e, starts next.
//   PostgreSQL (DATABASE_URL set): creates e2e_<timestamp> on the same local server, migrates,
//   seeds, starts next against it and drops it on exit.
//
// Migration and seeding finish before the server opens the database: PGlite has no cross-process lock.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";

const PORT = process.env.E2E_PORT ?? "3100";
const E2E_PGLITE_DIR = ".data/e2e-pglite";
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
// Databases left behind by a run that was killed outright are dropped once they are this old.
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

const bin = (name) => resolve("node_modules/.bin", name);

function log(message) {
  console.log(`[e2e-server] ${message}`);
}

function run(command, args, env) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${[command, ...args].join(" ")} exited with ${signal ?? code}`));
    });
  });
}

/** Refuses anything but a server on this machine: e2e creates and drops databases. */
function assertLocalDatabaseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL");
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error(`DATABASE_URL must be a postgres:// URL, got ${parsed.protocol}`);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Refusing to run end-to-end tests against a non-local database (host "${parsed.hostname}"). Use 127.0.0.1 or localhost.`);
  }
  if (parsed.searchParams.has("host")) throw new Error("Refusing a DATABASE_URL with a host= parameter: the target server must be 127.0.0.1 or localhost");
  return parsed;
}

async function withAdmin(url, fn) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function createDatabase(baseUrl) {
  const name = `e2e_${Date.now()}`;
  await withAdmin(baseUrl.href, async (sql) => {
    const rows = await sql`select datname from pg_database where datname ~ '^e2e_[0-9]+$'`;
    for (const { datname } of rows) {
      if (Date.now() - Number(datname.slice(4)) > STALE_AFTER_MS) {
        log(`dropping stale database ${datname}`);
        await sql.unsafe(`drop database if exists "${datname}" with (force)`);
      }
    }
    await sql.unsafe(`create database "${name}"`);
  });
  const url = new URL(baseUrl.href);
  url.pathname = `/${name}`;
  return { name, url: url.href };
}

async function dropDatabase(baseUrl, name) {
  await withAdmin(baseUrl.href, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
  log(`dropped database ${name}`);
}

let server;
let stopping = false;
// Registered before any child starts so that a stop during setup still reaches the cleanup below
// (Playwright signals the whole process group; the child exits, its promise rejects).
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    stopping = true;
    if (server && server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build in .next: run `npx next build` first (npm test does).");
  if (!existsSync("db/seed/cli.ts")) throw new Error("db/seed/cli.ts is missing: the e2e database cannot be seeded.");

  const env = {
    ...process.env,
    // A fresh secret per run: sessions from any other run are worthless here.
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    NODE_ENV: "production",
    // Every journey signs its new applicants up from this one address.
    SIGN_UP_LIMIT_PER_HOUR: "100",
  };

  let cleanup = async () => {};
  if (process.env.DATABASE_URL) {
    const baseUrl = assertLocalDatabaseUrl(process.env.DATABASE_URL);
    const db = await createDatabase(baseUrl);
    log(`PostgreSQL: created database ${db.name} on ${baseUrl.host}`);
    env.DATABASE_URL = db.url;
    delete env.PGLITE_DIR;
    cleanup = () => dropDatabase(baseUrl, db.name);
  } else {
    rmSync(E2E_PGLITE_DIR, { recursive: true, force: true });
    mkdirSync(E2E_PGLITE_DIR, { recursive: true });
    env.PGLITE_DIR = E2E_PGLITE_DIR;
    log(`PGlite: fresh data directory ${E2E_PGLITE_DIR}`);
  }

  const cleanupOnce = (() => {
    let done;
    return () => (done ??= cleanup().catch((error) => console.error(`[e2e-server] cleanup failed: ${error.message}`)));
  })();

  try {
    // --conditions=react-server as in the npm scripts: it turns the "server-only" guard into a no-op.
    await run(bin("tsx"), ["--conditions=react-server", "db/migrate-cli.ts"], env);
    await run(bin("tsx"), ["--conditions=react-server", "db/seed/cli.ts", "--e2e"], env);
  } catch (error) {
    await cleanupOnce();
    throw error;
  }

  if (stopping) {
    await cleanupOnce();
    process.exit(1);
  }
  log(`starting next on http://127.0.0.1:${PORT}`);
  server = spawn(bin("next"), ["start", "-p", PORT, "-H", "127.0.0.1"], { env, stdio: "inherit" });
  server.on("exit", async (code, signal) => {
    await cleanupOnce();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch((error) => {
  console.error(`[e2e-server] ${error.message}`);
  process.exit(1);
});

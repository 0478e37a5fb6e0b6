import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { DEMO_PASSWORD } from "@/db/seed/users";

const RESULTS = "bench/RESULTS.md";

export async function waitForServer(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

/** Signs in through Auth.js's credentials endpoint and returns the Cookie header. */
export async function signIn(base: string, email: string, callbackPath = "/ru/staff/queue"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      jar.set(k!, v.join("="));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: `${base}${callbackPath}` }),
  });
  keep(r);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${r.status})`);
  return cookie();
}

/** Replaces one "## " section of RESULTS.md (or appends it), leaving the others. */
export function writeSection(heading: string, body: string): void {
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "# Benchmark results\n\nWritten by `npm run bench` and `npm run bench:applicant`; see bench/README.md.\n";
  const parts = current.split(/(?=^## )/m).map((p) => `${p.trimEnd()}\n\n`);
  const i = parts.findIndex((p) => p.startsWith(heading));
  const section = `${body.trim()}\n\n`;
  if (i >= 0) parts[i] = section;
  else parts.push(section);
  writeFileSync(RESULTS, parts.join("").trimEnd() + "\n");
}


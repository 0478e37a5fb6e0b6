// Locates the system Chromium used by Playwright. Browsers are never downloaded by Playwright on
// these machines: Debian's package is used instead.
import { accessSync, constants } from "node:fs";

export const CHROMIUM_INSTALL_HINT = "Install Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)";

const DEFAULT_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium executable, or null. CHROMIUM_PATH wins and is not silently replaced by a default. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return DEFAULT_PATHS.find(isExecutable) ?? null;
}

export function requireChromium(env = process.env) {
  const path = findChromium(env);
  if (!path) {
    const tried = env.CHROMIUM_PATH ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable` : `not found at ${DEFAULT_PATHS.join(", ")}`;
    throw new Error(`Chromium ${tried}. ${CHROMIUM_INSTALL_HINT}`);
  }
  return path;
}

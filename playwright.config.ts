import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, requireChromium } from "./scripts/chromium.mjs";

// E2E_PORT lets a second checkout run its own suite beside this one; scripts/e2e-server.mjs reads it too.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const CI = process.env.CI === "true" || process.env.CI === "1";

// Fails at load time, before the web server is prepared, when no browser is available.
const executablePath = requireChromium();

export default defineConfig({
  testDir: "e2e",
  // One worker: on PGlite the server holds the only connection to an embedded database, and the
  // journeys share its seeded data.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? "test-results/e2e-report.json" }]],
  use: {
    baseURL: BASE_URL,
    video: "off",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "kk-KZ",
    timezoneId: "Asia/Almaty",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the script stop next and drop the PostgreSQL database it created.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});

import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // The "server-only" guard throws outside a React Server Components bundle; tests are server code.
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    // Query plans at a million cases run on their own: npm run test:plans (vitest.plans.config.ts).
    exclude: ["**/node_modules/**", "e2e/**", ".next/**", ".next-bench/**", "bench/empty-app/**", "test/plans/**"],
    environment: "node",
    // These import "next/server" without an extension, which Node's ESM loader refuses unbundled.
    server: { deps: { inline: ["next-intl", "next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});

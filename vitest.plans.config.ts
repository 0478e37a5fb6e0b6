import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/** npm run test:plans: query plans at a million cases, on PostgreSQL only; not part of `npm test` (it seeds for minutes). */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/plans/**/*.plans.test.ts"],
    exclude: ["node_modules/**"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});

import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// A benchmark build (npm run bench) adds the *.bench.ts(x) baseline routes and builds into its own
// directory; every other build leaves them out, so they never ship.
const benchBuild = process.env.BENCH_BUILD === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  ...(benchBuild ? { pageExtensions: ["bench.tsx", "bench.ts", "tsx", "ts", "jsx", "js"], distDir: ".next-bench" } : {}),
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "@node-rs/argon2", "pdf-lib", "@pdf-lib/fontkit"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default withNextIntl(nextConfig);

import { fileURLToPath } from "node:url";

// This folder is its own project: without an explicit root, Next picks the repository's lockfile and
// compiles the application's instrumentation and proxy into the empty app.
const root = fileURLToPath(new URL(".", import.meta.url));

/** @type {import('next').NextConfig} */
export default { poweredByHeader: false, turbopack: { root }, outputFileTracingRoot: root };

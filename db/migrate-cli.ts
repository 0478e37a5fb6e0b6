import "@/lib/services";
import { backfillSearchColumns } from "@/lib/engine/search-keys";
import { migrateDb, openDb } from "./client";

const handle = await openDb();
await migrateDb(handle);
// The name keys of the queue search are computed in TypeScript (nameKey), so SQL cannot fill them.
const backfilled = await backfillSearchColumns(handle.db);
await handle.close();
console.log(`Migrations applied (${handle.kind})${backfilled ? `; search columns filled for ${backfilled} cases` : ""}.`);

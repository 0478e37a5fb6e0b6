import { migrateDb, openDb } from "./client";

const handle = await openDb();
await migrateDb(handle);
await handle.close();
console.log(`Migrations applied (${handle.kind}).`);

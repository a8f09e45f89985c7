// bun run db:migrate — applies drizzle/ to the configured database (run on deploy, before the new code serves).
import { openConfiguredDatabase } from "@orylo/core";
import { loadConfig } from "@orylo/platform";

const database = await openConfiguredDatabase(loadConfig());
await database.close();
console.log("database is at the latest migration");

import { defineConfig } from "drizzle-kit";

// drizzle-kit is the only author of migrations: `bun run db:generate` after a schema change.
export default defineConfig({
  dialect: "postgresql",
  schema: "./packages/db/src/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});

// bun run db:check — fails when the Drizzle schema and the committed migrations in drizzle/ disagree.
import { $ } from "bun";

await $`bunx drizzle-kit generate --config drizzle.config.ts`.quiet();
const drift = (await $`git status --porcelain --untracked-files=all -- drizzle`.text()).trim();
if (drift) {
  console.error(
    `The schema changed without a migration. Run \`bun run db:generate\` and commit drizzle/:\n${drift}`,
  );
  process.exit(1);
}
console.log("drizzle/ matches the schema");

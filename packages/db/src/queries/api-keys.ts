import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { apiKeys } from "../schema";

export async function findActiveApiKeyByHash(db: Executor, keyHash: string) {
  const [row] = await db
    .select({ id: apiKeys.id, organizationId: apiKeys.organizationId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row;
}

export async function insertApiKey(db: Executor, row: typeof apiKeys.$inferInsert): Promise<void> {
  await db.insert(apiKeys).values(row).onConflictDoNothing({ target: apiKeys.keyHash });
}

export async function touchApiKey(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
}

import { desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { auditLog } from "../schema";

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, "createdAt">;

export async function insertAuditEntry(db: Executor, entry: NewAuditEntry, createdAt: Date): Promise<void> {
  await db.insert(auditLog).values({ ...entry, createdAt });
}

/** An organization's audit log, newest first. */
export async function selectAuditLog(
  db: Executor,
  organizationId: string,
  limit: number,
): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.organizationId, organizationId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}

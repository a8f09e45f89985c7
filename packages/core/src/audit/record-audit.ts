import { type Executor, insertAuditEntry } from "@orylo/db";
import { generateId } from "@orylo/platform";
import type { Actor, OrgCtx } from "../context";

/** `rule.created`, `list.item_added`, `api_key.revoked`…: `<target type>.<past participle>`. */
export type AuditAction = `${string}.${string}`;

export interface AuditRecord {
  action: AuditAction;
  target: { type: string; id: string };
  /** What changed, in a few safe fields (names, kinds, counts): never secrets or raw personal data. */
  data?: Record<string, unknown>;
}

function actorId(actor: Actor): string {
  switch (actor.type) {
    case "user":
      return actor.userId;
    case "api_key":
      return actor.apiKeyId;
    case "webhook":
      return actor.source;
    case "system":
      return actor.task;
  }
}

/**
 * Records a state change in the audit log: who (the context's actor), in which organization, what, on which
 * object, from which request. Pass the change's own transaction as `db`, so the entry commits with it.
 */
export async function recordAudit(ctx: OrgCtx, record: AuditRecord, db: Executor = ctx.db): Promise<void> {
  await insertAuditEntry(
    db,
    {
      id: generateId("audit"),
      organizationId: ctx.organizationId,
      actorType: ctx.actor.type,
      actorId: actorId(ctx.actor),
      action: record.action,
      targetType: record.target.type,
      targetId: record.target.id,
      requestId: ctx.requestId,
      data: record.data ?? {},
    },
    ctx.now(),
  );
}

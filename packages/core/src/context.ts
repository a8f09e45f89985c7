import type { Executor } from "@orylo/db";
import type { Analytics, Logger } from "@orylo/platform";

/** Who is acting: every use case records it (audit log, logs) and tasks act as `system`. */
export type Actor =
  | { type: "user"; userId: string }
  | { type: "api_key"; apiKeyId: string }
  | { type: "webhook"; source: "stripe" }
  | { type: "system"; task: string };

/**
 * What every use case receives: the database executor, the actor, the request id, a logger bound to both,
 * and the product analytics (PostHog, or off) that `track(ctx, …)` records to.
 */
export interface Ctx {
  db: Executor;
  actor: Actor;
  requestId: string;
  logger: Logger;
  now: () => Date;
  analytics: Analytics;
}

/** A context whose organization is known: every query it makes is scoped by `organizationId`. */
export interface OrgCtx extends Ctx {
  organizationId: string;
}

export function withOrganization(ctx: Ctx, organizationId: string): OrgCtx {
  return { ...ctx, organizationId, logger: ctx.logger.child({ organizationId }) };
}

/** How an actor is written where a row records who did something (`author`, `created_by`). */
export function describeActor(actor: Actor): string {
  switch (actor.type) {
    case "user":
      return `user:${actor.userId}`;
    case "api_key":
      return `api_key:${actor.apiKeyId}`;
    case "webhook":
      return `webhook:${actor.source}`;
    case "system":
      return `system:${actor.task}`;
  }
}

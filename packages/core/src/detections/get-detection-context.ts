import {
  findDetectionSummary,
  findLabelTarget,
  findTransactionCustomer,
  selectChargeEvents,
  selectTransactionLabelHistory,
} from "@orylo/db";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";

export type TimelineEntry =
  | { kind: "stripe_event"; at: string; id: string; type: string; status: string }
  | {
      kind: "label";
      at: string;
      label: "fraud" | "legitimate";
      source: string;
      reason: string | null;
      cleared: boolean;
    };

export interface DetectionContext {
  transactionId: string | null;
  customer: { id: string; stripeCustomerId: string | null; trustScore: number } | null;
  /** Stripe's events about the payment and the labels put on it, oldest first. */
  timeline: TimelineEntry[];
}

/** What the detail page shows around a detection: who paid (and their trust), and what happened since. */
export async function getDetectionContext(
  ctx: OrgCtx,
  detectionId: string,
  chargeId: string | null,
): Promise<DetectionContext> {
  if (!(await findDetectionSummary(ctx.db, ctx.organizationId, detectionId))) {
    throw new NotFoundError("detection", detectionId);
  }
  const events = await selectChargeEvents(ctx.db, ctx.organizationId, { chargeId, detectionId });
  const target = chargeId ? await findLabelTarget(ctx.db, ctx.organizationId, { chargeId }) : undefined;
  const [customer, labels] = target
    ? await Promise.all([
        findTransactionCustomer(ctx.db, ctx.organizationId, target.id),
        selectTransactionLabelHistory(ctx.db, ctx.organizationId, target.id),
      ])
    : [undefined, []];
  const timeline: TimelineEntry[] = [
    ...events.map((event) => ({
      kind: "stripe_event" as const,
      at: event.at.toISOString(),
      id: event.id,
      type: event.type,
      status: event.status,
    })),
    ...labels.map((label) => ({
      kind: "label" as const,
      at: label.createdAt.toISOString(),
      label: label.kind,
      source: label.source,
      reason: label.reason,
      cleared: label.clearedAt !== null,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return { transactionId: target?.id ?? null, customer: customer ?? null, timeline };
}

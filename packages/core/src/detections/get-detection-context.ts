import { findLabelTarget, findTransactionCustomer, selectTransactionLabelHistory } from "@orylo/db";
import type { OrgCtx } from "../context";
import type { DetectionDetail } from "./get-detection";

export type TimelineEntry =
  | { kind: "stripe_event"; at: string; id: string; type: string; status: string }
  | { kind: "action"; at: string; id: string; action: string; status: string; outcome: string | null }
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
  /** Stripe's events about the payment, Orylo's actions on it and the labels put on it, oldest first. */
  timeline: TimelineEntry[];
}

/** What the detail page shows around a detection (read with `getDetection`): who paid, their trust, what happened. */
export async function getDetectionContext(
  ctx: OrgCtx,
  detection: DetectionDetail,
): Promise<DetectionContext> {
  const chargeId = detection.payment?.chargeId;
  const target = chargeId ? await findLabelTarget(ctx.db, ctx.organizationId, { chargeId }) : undefined;
  const [customer, labels] = target
    ? await Promise.all([
        findTransactionCustomer(ctx.db, ctx.organizationId, target.id),
        selectTransactionLabelHistory(ctx.db, ctx.organizationId, target.id),
      ])
    : [undefined, []];
  const timeline: TimelineEntry[] = [
    ...detection.stripeEvents.map((event) => ({
      kind: "stripe_event" as const,
      at: event.createdAt,
      id: event.id,
      type: event.type,
      status: event.status,
    })),
    ...detection.actions.map((action) => ({
      kind: "action" as const,
      at: action.createdAt,
      id: action.id,
      action: action.kind,
      status: action.status,
      outcome: action.outcome,
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

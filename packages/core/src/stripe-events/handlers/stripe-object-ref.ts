import { z } from "zod";
import type { OrgCtx } from "../../context";

/** A reference to another Stripe object: its id, or the object itself when the event expanded it. */
export const StripeObjectRef = z
  .union([z.string().min(1), z.looseObject({ id: z.string().min(1) })])
  .transform((ref) => (typeof ref === "string" ? ref : ref.id));

/** Orylo's own refunds and review closes carry `metadata.orylo_action`: never a fraud label (SPEC §C). */
export function issuedByOrylo(metadata: Record<string, unknown> | null | undefined): boolean {
  const action = metadata?.orylo_action;
  return typeof action === "string" && action.length > 0;
}

/**
 * A label event without what a label needs (an old fixture's dispute without an id, a warning without its
 * charge) is acknowledged and logged, not dead-lettered: it carries nothing to act on, and replaying it
 * would not change that.
 */
export function unlabelled(ctx: OrgCtx, what: string, error: z.ZodError): null {
  ctx.logger.warn({ issues: z.prettifyError(error) }, `${what} without what a label needs; ignored`);
  return null;
}

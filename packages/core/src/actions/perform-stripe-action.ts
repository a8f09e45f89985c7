import {
  claimStripeAction,
  finishStripeAction,
  releaseStripeAction,
  type StripeActionResult,
  type StripeActionRow,
} from "@orylo/db";
import { generateId } from "@orylo/platform";
import type { OrgCtx } from "../context";
import { UnavailableError } from "../errors";
import { type StripeAccess, stripeForOrganization } from "../stripe/stripe-access";
import { ACTION_VERBS, actionRequest, callStripe, type StripeActionSpec } from "./stripe-action-spec";
import { stripeErrorOutcome } from "./stripe-error-outcome";

/** Attempts before a transient failure is recorded as final (the `detection.act` task retries as often). */
export const MAX_ACTION_ATTEMPTS = 5;
/** Longer than any Stripe call with its timeout: a lease that runs out means the holder died. */
const LEASE_MS = 60_000;

/**
 * Takes one action on Stripe exactly once. The database key (organization, object, kind) is taken before
 * Stripe is called, so concurrent runs and task retries call Stripe at most once for a finished action; a
 * retry after a transient failure reuses the same Stripe idempotency key. Without credentials it records a
 * dry run; with ORYLO_ACTIONS_ENABLED=false it records that it did not act.
 */
export async function performStripeAction(
  ctx: OrgCtx,
  access: StripeAccess,
  spec: StripeActionSpec,
): Promise<StripeActionRow> {
  const now = ctx.now();
  const { claimed, row } = await claimStripeAction(
    ctx.db,
    {
      id: generateId("act"),
      organizationId: ctx.organizationId,
      detectionId: spec.detectionId,
      kind: spec.kind,
      stripeObjectId: spec.stripeObjectId,
      trigger: spec.trigger,
      request: actionRequest(spec),
      idempotencyKey: `orylo-${spec.kind}-${ctx.organizationId}-${spec.stripeObjectId}`,
    },
    { now, leaseMs: LEASE_MS },
  );
  const logger = ctx.logger.child({ actionId: row.id, kind: spec.kind, stripeObjectId: spec.stripeObjectId });
  if (!claimed) {
    logger.info({ status: row.status }, "stripe action already taken or in progress");
    return row;
  }
  const finish = (result: Omit<StripeActionResult, "dryRun"> & { dryRun?: boolean }) =>
    finishStripeAction(ctx.db, row.id, { dryRun: false, ...result }, ctx.now());

  if (!access.actionsEnabled) {
    return finish({
      status: "skipped",
      outcome: "actions_disabled",
      message: "Automatic actions are switched off for this installation (ORYLO_ACTIONS_ENABLED=false).",
      stripeIds: {},
    });
  }
  const client = await stripeForOrganization(ctx, access);
  if (!client) {
    logger.info("dry run: no Stripe credentials");
    return finish({
      status: "dry_run",
      outcome: ACTION_VERBS[spec.kind].wouldDo,
      message: "Dry run: this organization has no Stripe credentials, so nothing was sent to Stripe.",
      stripeIds: {},
      dryRun: true,
    });
  }
  try {
    const stripeIds = await callStripe(client.stripe, spec, {
      ...client.options,
      idempotencyKey: row.idempotencyKey,
    });
    logger.info({ stripeIds }, "stripe action done");
    return finish({ status: "succeeded", outcome: ACTION_VERBS[spec.kind].done, message: null, stripeIds });
  } catch (error) {
    const outcome = stripeErrorOutcome(error, spec.kind);
    if (outcome.retry && row.attempts < MAX_ACTION_ATTEMPTS) {
      logger.warn({ err: error, attempts: row.attempts }, "stripe action failed; will retry");
      await releaseStripeAction(ctx.db, row.id, outcome.message);
      throw new UnavailableError(outcome.message, error);
    }
    logger.warn(
      { err: error, outcome: outcome.retry ? "gave_up" : outcome.outcome },
      "stripe action not done",
    );
    return outcome.retry
      ? finish({ status: "failed", outcome: "stripe_unavailable", message: outcome.message, stripeIds: {} })
      : finish({
          status: outcome.status,
          outcome: outcome.outcome,
          message: outcome.message,
          stripeIds: outcome.requestId ? { requestId: outcome.requestId } : {},
        });
  }
}

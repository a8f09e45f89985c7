/**
 * A payload that can never be processed (it fails validation, or its shape is one we cannot read): the event
 * is dead-lettered at once and answered 200 `dead`, so one bad payload cannot make Stripe disable the endpoint.
 */
export class PoisonEventError extends Error {
  override readonly name = "PoisonEventError";
}

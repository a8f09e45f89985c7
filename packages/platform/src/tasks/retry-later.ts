/**
 * Thrown by a task that cannot proceed yet through no fault of its own (a rate limit): the run is put back
 * in line for `at` without spending one of its attempts. Work is delayed, never dropped.
 */
export class RetryLaterError extends Error {
  override name = "RetryLaterError";
  constructor(
    readonly at: Date,
    message: string,
  ) {
    super(message);
  }
}

/** A task row the relay has claimed (leased) from the outbox. */
export interface ClaimedTask {
  id: string;
  taskId: string;
  payload: unknown;
  attempts: number;
  organizationId: string | null;
  /** Passed on to Trigger.dev (`priority`, in seconds) so a BLOCK's task starts ahead of older ones there too. */
  priority: number;
}

/**
 * The outbox as the relay sees it (packages/db implements it over `task_outbox` with FOR UPDATE SKIP LOCKED):
 * claimed rows are leased, so a relay that dies mid-run leaves them to be claimed again when the lease ends.
 */
export interface OutboxStore {
  enqueue(task: { taskId: string; payload: unknown; dedupeKey: string | null }): Promise<void>;
  claim(limit: number, leaseMs: number): Promise<ClaimedTask[]>;
  /** Marks finished tasks done (a batch at once: one statement). */
  complete(ids: string[]): Promise<void>;
  /** Back in line at `at`, giving back the attempt its claim counted. */
  postpone(id: string, at: Date): Promise<void>;
  /** `retryAt` null = give up (dead). */
  fail(id: string, error: string, retryAt: Date | null): Promise<void>;
}

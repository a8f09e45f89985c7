import { createTestOrganization, getTestDatabase, rollbackAfter } from "@orylo/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Executor } from "../client";
import { taskOutbox } from "../schema";
import {
  claimDueTasks,
  completeTasks,
  createOutboxStore,
  enqueueTasks,
  failTask,
  postponeTask,
} from "./outbox";

const t0 = new Date("2026-03-01T10:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

/**
 * The relay claims across organizations, so each test empties the outbox inside a transaction that is
 * rolled back: it sees only its own rows and leaves the shared database as it found it.
 */
function withEmptyOutbox(fn: (tx: Executor, organizationId: string) => Promise<void>) {
  return async () => {
    const { db } = await getTestDatabase();
    await rollbackAfter(db, async (tx) => {
      await tx.delete(taskOutbox);
      const org = await createTestOrganization(tx);
      await fn(tx, org.id);
    });
  };
}

const task = (
  organizationId: string,
  overrides: Partial<Parameters<typeof enqueueTasks>[1][number]> = {},
) => ({
  organizationId,
  taskId: "detection.explain",
  payload: { detectionId: "det_1" },
  runAfter: t0,
  ...overrides,
});

async function rowOf(db: Executor, id: string) {
  const [row] = await db.select().from(taskOutbox).where(eq(taskOutbox.id, id));
  return row!;
}

describe("outbox", () => {
  it(
    "enqueues once per dedupe key; rows without a key are never deduplicated",
    withEmptyOutbox(async (db, org) => {
      const first = await enqueueTasks(db, [task(org, { dedupeKey: "detection.explain:det_1" })]);
      const again = await enqueueTasks(db, [
        task(org, { dedupeKey: "detection.explain:det_1" }),
        task(org, { dedupeKey: "detection.explain:det_2" }),
      ]);
      await enqueueTasks(db, [task(org), task(org)]);
      expect(first).toHaveLength(1);
      expect(again.map((row) => row.dedupeKey)).toEqual(["detection.explain:det_2"]);
      expect(await db.select().from(taskOutbox)).toHaveLength(4);
      expect(await enqueueTasks(db, [])).toEqual([]);
    }),
  );

  it(
    "claims due pending tasks, oldest first, up to the limit, with a lease and an attempt",
    withEmptyOutbox(async (db, org) => {
      await enqueueTasks(db, [
        task(org, { runAfter: at(-1000), payload: { n: 2 } }),
        task(org, { runAfter: at(-2000), payload: { n: 1 } }),
        task(org, { runAfter: at(-500), payload: { n: 3 } }),
        task(org, { runAfter: at(60_000), payload: { n: 4 } }),
      ]);
      const claimed = await claimDueTasks(db, { limit: 2, leaseMs: 30_000, now: t0 });
      expect(claimed.map((row) => row.payload)).toEqual([{ n: 1 }, { n: 2 }]);
      for (const row of claimed) {
        expect(row).toMatchObject({ status: "running", attempts: 1, leaseUntil: at(30_000) });
      }
      const rest = await claimDueTasks(db, { limit: 10, leaseMs: 30_000, now: t0 });
      expect(rest.map((row) => row.payload)).toEqual([{ n: 3 }]);
      expect(await claimDueTasks(db, { limit: 10, leaseMs: 30_000, now: t0 })).toEqual([]);
    }),
  );

  it(
    "reclaims a running task only once its lease has expired",
    withEmptyOutbox(async (db, org) => {
      const [row] = await enqueueTasks(db, [task(org)]);
      await claimDueTasks(db, { limit: 1, leaseMs: 10_000, now: t0 });
      expect(await claimDueTasks(db, { limit: 1, leaseMs: 10_000, now: at(9_999) })).toEqual([]);
      const [reclaimed] = await claimDueTasks(db, { limit: 1, leaseMs: 10_000, now: at(10_001) });
      expect(reclaimed).toMatchObject({ id: row!.id, attempts: 2, leaseUntil: at(20_001) });
    }),
  );

  it(
    "completes a task: it is done and never claimed again",
    withEmptyOutbox(async (db, org) => {
      const [row] = await enqueueTasks(db, [task(org)]);
      await claimDueTasks(db, { limit: 1, leaseMs: 1000, now: t0 });
      expect(await completeTasks(db, [row!.id], at(100))).toBe(1);
      expect(await rowOf(db, row!.id)).toMatchObject({
        status: "done",
        completedAt: at(100),
        leaseUntil: null,
      });
      expect(await claimDueTasks(db, { limit: 1, leaseMs: 1000, now: at(1_000_000) })).toEqual([]);
      // A late relay cannot complete or fail it again.
      expect(await completeTasks(db, [row!.id])).toBe(0);
      expect(await failTask(db, row!.id, { error: "late", retryAt: null })).toBe(false);
    }),
  );

  it(
    "fails a task for a retry at a given time, or dead-letters it",
    withEmptyOutbox(async (db, org) => {
      const [retried, dead] = await enqueueTasks(db, [
        task(org, { payload: { n: 1 } }),
        task(org, { payload: { n: 2 } }),
      ]);
      await claimDueTasks(db, { limit: 2, leaseMs: 1000, now: t0 });
      expect(await failTask(db, retried!.id, { error: "timeout", retryAt: at(5000) })).toBe(true);
      expect(await failTask(db, dead!.id, { error: "x".repeat(10_000), retryAt: null })).toBe(true);

      expect(await rowOf(db, retried!.id)).toMatchObject({
        status: "pending",
        runAfter: at(5000),
        lastError: "timeout",
      });
      const deadRow = await rowOf(db, dead!.id);
      expect(deadRow.status).toBe("dead");
      expect(deadRow.lastError!.length).toBeLessThan(4100);
      expect(deadRow.runAfter).toEqual(t0);

      expect(await claimDueTasks(db, { limit: 10, leaseMs: 1000, now: at(4999) })).toEqual([]);
      const [again] = await claimDueTasks(db, { limit: 10, leaseMs: 1000, now: at(5000) });
      expect(again).toMatchObject({ id: retried!.id, attempts: 2 });
      await completeTasks(db, [retried!.id]);
      // The dead task stays dead however late it gets.
      expect(await claimDueTasks(db, { limit: 10, leaseMs: 1000, now: at(10_000_000) })).toEqual([]);
    }),
  );

  it(
    "completes a claimed batch in one statement, and postpones a running task with its attempt given back",
    withEmptyOutbox(async (db, org) => {
      const [a, b, c, waiting] = await enqueueTasks(
        db,
        [1, 2, 3, 4].map((n) => task(org, { payload: { n }, runAfter: n === 4 ? at(60_000) : t0 })),
      );
      await claimDueTasks(db, { limit: 10, leaseMs: 1000, now: t0 });
      expect(await completeTasks(db, [a!.id, b!.id, waiting!.id], at(10))).toBe(2);
      expect(await rowOf(db, a!.id)).toMatchObject({ status: "done", completedAt: at(10), leaseUntil: null });
      expect((await rowOf(db, waiting!.id)).status).toBe("pending");

      expect(await postponeTask(db, c!.id, at(30_000))).toBe(true);
      expect(await rowOf(db, c!.id)).toMatchObject({
        status: "pending",
        runAfter: at(30_000),
        leaseUntil: null,
        attempts: 0,
      });
      // Only a running task is postponed: a finished one stays finished.
      expect(await postponeTask(db, a!.id, at(30_000))).toBe(false);
      expect((await rowOf(db, a!.id)).status).toBe("done");
    }),
  );

  it(
    "exposes the store the relay is given: claim, complete, fail",
    withEmptyOutbox(async (db, org) => {
      let now = t0;
      const store = createOutboxStore(db, { now: () => now });
      const [a, b] = await enqueueTasks(db, [
        task(org, { payload: { n: 1 } }),
        task(org, { payload: { n: 2 } }),
      ]);
      expect((await store.claim(10, 1000)).map((row) => row.id).sort()).toEqual([a!.id, b!.id].sort());
      await store.complete([a!.id]);
      await store.fail(b!.id, "boom", null);
      now = at(1_000_000);
      expect(await store.claim(10, 1000)).toEqual([]);
      expect((await rowOf(db, a!.id)).status).toBe("done");
      expect((await rowOf(db, b!.id)).status).toBe("dead");
    }),
  );
});

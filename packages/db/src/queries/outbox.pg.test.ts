import { createTestOrganization } from "@orylo/db/testing";
import { beforeAll, expect, it } from "vitest";
import { taskOutbox } from "../schema";
import { usePostgresDatabase } from "../testing/postgres-database";
import { claimDueTasks, completeTasks, enqueueTasks, failTask } from "./outbox";

const database = usePostgresDatabase();
let organizationId: string;

beforeAll(async () => {
  organizationId = (await createTestOrganization(database().db)).id;
});

const tasks = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, n) => ({
    organizationId,
    taskId: "detection.explain",
    payload: { n },
    dedupeKey: `${prefix}:${n}`,
    runAfter: new Date(Date.now() - 1000),
  }));

it("never hands the same row to two concurrent claimers", async () => {
  const { db } = database();
  await db.delete(taskOutbox);
  await enqueueTasks(db, tasks(300, "concurrent"));

  // Four relays on four connections claim small batches as fast as they can until nothing is left.
  const relay = async () => {
    const seen: string[] = [];
    for (;;) {
      const batch = await claimDueTasks(db, { limit: 7, leaseMs: 60_000 });
      if (batch.length === 0) return seen;
      seen.push(...batch.map((row) => row.id));
    }
  };
  const claimed = (await Promise.all([relay(), relay(), relay(), relay()])).flat();
  expect(claimed).toHaveLength(300);
  expect(new Set(claimed).size).toBe(300);
});

it("skips rows another relay has locked instead of waiting for it", async () => {
  const { db } = database();
  await db.delete(taskOutbox);
  await enqueueTasks(db, tasks(10, "locked"));

  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let firstIds: string[] = [];
  let firstClaimed!: () => void;
  const claimedInTransaction = new Promise<void>((resolve) => {
    firstClaimed = resolve;
  });
  // Relay A claims inside a transaction it keeps open, so its rows stay locked.
  const relayA = db.transaction(async (tx) => {
    firstIds = (await claimDueTasks(tx, { limit: 4, leaseMs: 60_000 })).map((row) => row.id);
    firstClaimed();
    await held;
  });
  await claimedInTransaction;
  const second = await claimDueTasks(db, { limit: 100, leaseMs: 60_000 });
  release();
  await relayA;

  expect(firstIds).toHaveLength(4);
  expect(second).toHaveLength(6);
  expect(second.map((row) => row.id).filter((id) => firstIds.includes(id))).toEqual([]);
});

it("reclaims a task whose lease expired, and completes or dead-letters it", async () => {
  const { db } = database();
  await db.delete(taskOutbox);
  const [row] = await enqueueTasks(db, tasks(1, "lease"));
  const now = new Date();
  await claimDueTasks(db, { limit: 1, leaseMs: 1000, now });
  expect(await claimDueTasks(db, { limit: 1, leaseMs: 1000, now: new Date(now.getTime() + 500) })).toEqual(
    [],
  );
  const [reclaimed] = await claimDueTasks(db, {
    limit: 1,
    leaseMs: 1000,
    now: new Date(now.getTime() + 1500),
  });
  expect(reclaimed).toMatchObject({ id: row!.id, attempts: 2 });
  expect(await failTask(db, row!.id, { error: "poison", retryAt: null })).toBe(true);
  expect(await completeTasks(db, [row!.id])).toBe(0);
});

it("deduplicates concurrent enqueues of the same key", async () => {
  const { db } = database();
  await db.delete(taskOutbox);
  const inserted = await Promise.all(Array.from({ length: 8 }, () => enqueueTasks(db, tasks(1, "dedupe"))));
  expect(inserted.flat()).toHaveLength(1);
  expect(await db.select().from(taskOutbox)).toHaveLength(1);
});

import { createOutboxStore, enqueueTasks, taskOutbox } from "@orylo/db";
import { getTestDatabase } from "@orylo/db/testing";
import {
  type AnyTaskDescriptor,
  defineTask,
  forwardToTrigger,
  RetryLaterError,
  relayOutbox,
  runTaskInline,
  startInlineTaskHost,
} from "@orylo/platform";
import { startFakeTriggerDev } from "@orylo/testkit";
import { configure, tasks } from "@trigger.dev/sdk";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { testCtx } from "./helpers";

type Deps = { seen: string[]; failuresLeft: Map<string, number> };

const echo = defineTask<Deps, { note: string }>({
  id: "test.echo",
  payload: z.object({ note: z.string() }),
  retry: { maxAttempts: 3, minDelayMs: 1_000, maxDelayMs: 10_000 },
  run: async (deps, { note }) => {
    const left = deps.failuresLeft.get(note) ?? 0;
    if (left > 0) {
      deps.failuresLeft.set(note, left - 1);
      throw new Error(`${note} failed on purpose`);
    }
    deps.seen.push(note);
  },
});
const registry = new Map<string, AnyTaskDescriptor<Deps>>([[echo.id, echo]]);
const logger = testCtx(null as never).logger;

async function enqueue(note: string, taskId = echo.id) {
  const { db } = await getTestDatabase();
  const id = `${note}-${crypto.randomUUID()}`;
  await createOutboxStore(db).enqueue({ taskId, payload: { note: id }, dedupeKey: id });
  return id;
}

async function rowsFor(notes: string[]) {
  const { db } = await getTestDatabase();
  return db.select().from(taskOutbox).where(inArray(taskOutbox.dedupeKey, notes));
}

describe("the inline task runner", () => {
  it("runs a due task once and marks it done", async () => {
    const { db } = await getTestDatabase();
    const note = await enqueue("once");
    const deps: Deps = { seen: [], failuresLeft: new Map() };
    await relayOutbox(createOutboxStore(db), runTaskInline(registry, deps, logger));
    await relayOutbox(createOutboxStore(db), runTaskInline(registry, deps, logger));
    expect(deps.seen.filter((n) => n === note)).toHaveLength(1);
    const [row] = await rowsFor([note]);
    expect(row).toMatchObject({ status: "done", attempts: 1 });
  });

  it("retries a failing task after its backoff, then gives up when its attempts are spent", async () => {
    const { db } = await getTestDatabase();
    const flaky = await enqueue("flaky");
    const doomed = await enqueue("doomed");
    const deps: Deps = {
      seen: [],
      failuresLeft: new Map([
        [flaky, 1],
        [doomed, 99],
      ]),
    };
    let now = new Date();
    const relay = () =>
      relayOutbox(
        createOutboxStore(db, { now: () => now }),
        runTaskInline(registry, deps, logger, () => now),
      );

    await relay();
    expect((await rowsFor([flaky]))[0]).toMatchObject({ status: "pending", attempts: 1 });
    await relay();
    expect(deps.seen).not.toContain(flaky);

    for (let attempt = 0; attempt < 3; attempt++) {
      now = new Date(now.getTime() + 60_000);
      await relay();
    }
    expect(deps.seen).toContain(flaky);
    const [doomedRow] = await rowsFor([doomed]);
    expect(doomedRow).toMatchObject({ status: "dead", attempts: 3 });
    expect(doomedRow?.lastError).toMatch(/failed on purpose/);
  });

  it("succeeds on the third attempt after failing twice, waiting the declared backoff (1 s, then 2 s)", async () => {
    const { db } = await getTestDatabase();
    const twice = await enqueue("twice");
    const deps: Deps = { seen: [], failuresLeft: new Map([[twice, 2]]) };
    const start = new Date();
    let now = start;
    const relay = () =>
      relayOutbox(
        createOutboxStore(db, { now: () => now }),
        runTaskInline(registry, deps, logger, () => now),
      );
    const runAfter = async () => ((await rowsFor([twice]))[0]?.runAfter.getTime() ?? 0) - now.getTime();

    await relay();
    expect(await runAfter()).toBe(1_000);
    now = new Date(now.getTime() + 999);
    await relay();
    expect((await rowsFor([twice]))[0]).toMatchObject({ status: "pending", attempts: 1 });
    now = new Date(start.getTime() + 1_000);
    await relay();
    expect(await runAfter()).toBe(2_000);
    now = new Date(now.getTime() + 2_000);
    await relay();
    expect(deps.seen).toEqual([twice]);
    expect((await rowsFor([twice]))[0]).toMatchObject({ status: "done", attempts: 3 });
  });

  it("claims a higher-priority task ahead of older ones", async () => {
    const { db } = await getTestDatabase();
    const now = new Date(Date.now() + 3_600_000);
    const [older, urgent] = [`older-${crypto.randomUUID()}`, `urgent-${crypto.randomUUID()}`];
    const row = (note: string, secondsAgo: number, priority: number) => ({
      taskId: echo.id,
      payload: { note },
      dedupeKey: note,
      priority,
      runAfter: new Date(now.getTime() - secondsAgo * 1_000),
    });
    // Queued 30 s earlier, but 60 s of priority puts the BLOCK's explanation first.
    await enqueueTasks(db, [row(older, 30, 0), row(urgent, 1, 60)]);
    const claimed = await createOutboxStore(db, { now: () => now }).claim(1_000, 30_000);
    const order = claimed
      .map((task) => (task.payload as { note: string }).note)
      .filter((n) => n === older || n === urgent);
    expect(order).toEqual([urgent, older]);
    expect(claimed.find((task) => task.dedupeKey === urgent)?.priority).toBe(60);
  });

  it("runs at most `concurrency.total` runs of a task at once", async () => {
    let running = 0;
    let peak = 0;
    const slow = defineTask<Deps, { note: string }>({
      id: "test.slow",
      payload: z.object({ note: z.string() }),
      retry: { maxAttempts: 1, minDelayMs: 0, maxDelayMs: 0 },
      concurrency: { total: 2 },
      run: async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running -= 1;
      },
    });
    const run = runTaskInline(new Map([[slow.id, slow]]), { seen: [], failuresLeft: new Map() }, logger);
    const claimed = (n: number) => ({
      id: `t${n}`,
      taskId: slow.id,
      payload: { note: "x" },
      attempts: 1,
      organizationId: null,
      priority: 0,
    });
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((n) => run(claimed(n))));
    expect(outcomes.every((o) => o.kind === "done")).toBe(true);
    expect(peak).toBe(2);
  });

  it("puts a task told to retry later back in line without spending an attempt", async () => {
    const { db } = await getTestDatabase();
    const id = `later-${crypto.randomUUID()}`;
    await createOutboxStore(db).enqueue({ taskId: "test.later", payload: { note: id }, dedupeKey: id });
    const at = new Date(Date.now() + 60_000);
    let told = false;
    const later = defineTask<Deps, { note: string }>({
      id: "test.later",
      payload: z.object({ note: z.string() }),
      retry: { maxAttempts: 1, minDelayMs: 0, maxDelayMs: 0 },
      run: async () => {
        if (told) return;
        told = true;
        throw new RetryLaterError(at, "rate limited");
      },
    });
    const run = runTaskInline(new Map([[later.id, later]]), { seen: [], failuresLeft: new Map() }, logger);
    await relayOutbox(createOutboxStore(db), run);
    expect((await rowsFor([id]))[0]).toMatchObject({ status: "pending", attempts: 0, runAfter: at });
    await relayOutbox(createOutboxStore(db, { now: () => at }), run);
    expect((await rowsFor([id]))[0]).toMatchObject({ status: "done", attempts: 1 });
  });

  it("dead-letters a payload its schema rejects, without running it", async () => {
    const { db } = await getTestDatabase();
    const id = crypto.randomUUID();
    await createOutboxStore(db).enqueue({ taskId: echo.id, payload: { note: 42 }, dedupeKey: id });
    const deps: Deps = { seen: [], failuresLeft: new Map() };
    await relayOutbox(createOutboxStore(db), runTaskInline(registry, deps, logger));
    const [row] = await rowsFor([id]);
    expect(row).toMatchObject({ status: "dead" });
    expect(row?.lastError).toMatch(/invalid payload/);
  });

  it("resumes a task whose runner died mid-run once its lease expires", async () => {
    const { db } = await getTestDatabase();
    const note = await enqueue("orphan");
    let now = new Date();
    const store = createOutboxStore(db, { now: () => now });
    const claimed = await store.claim(100, 30_000);
    expect(claimed.map((task) => (task.payload as { note: string }).note)).toContain(note);

    const deps: Deps = { seen: [], failuresLeft: new Map() };
    await relayOutbox(
      store,
      runTaskInline(registry, deps, logger, () => now),
    );
    expect(deps.seen).not.toContain(note);
    now = new Date(now.getTime() + 31_000);
    await relayOutbox(
      store,
      runTaskInline(registry, deps, logger, () => now),
    );
    expect(deps.seen).toContain(note);
  });

  it("drains through the long-running host", async () => {
    const { db } = await getTestDatabase();
    const note = await enqueue("hosted");
    const deps: Deps = { seen: [], failuresLeft: new Map() };
    const host = startInlineTaskHost({
      store: createOutboxStore(db),
      descriptors: [echo],
      deps,
      logger,
      pollIntervalMs: 60_000,
    });
    await host.drain();
    await host.stop();
    expect(deps.seen).toContain(note);
  });
});

describe("forwarding to Trigger.dev", () => {
  let trigger: Awaited<ReturnType<typeof startFakeTriggerDev>>;
  beforeAll(async () => {
    trigger = await startFakeTriggerDev();
  });
  afterAll(() => trigger.close());

  const triggerVia = (baseURL: string) => {
    configure({ baseURL, accessToken: "tr_dev_test" });
    return forwardToTrigger((id, payload, options) =>
      tasks.trigger(id, payload, options, { retry: { maxAttempts: 1 } }),
    );
  };

  it("forwards each row with its id as idempotency key, so a row forwarded twice starts one run", async () => {
    const { db } = await getTestDatabase();
    const note = await enqueue("forwarded");
    let now = new Date();
    const store = createOutboxStore(db, { now: () => now });
    const [claimed] = (await store.claim(100, 1_000)).filter(
      (t) => (t.payload as { note: string }).note === note,
    );
    expect(claimed).toBeDefined();
    // The first forwarder's lease runs out before it records success: a second relay forwards the row again.
    await triggerVia(trigger.url)(claimed!);
    now = new Date(now.getTime() + 5_000);
    await relayOutbox(store, triggerVia(trigger.url));

    const calls = trigger.calls.filter((call) => (call.payload as { note?: string })?.note === note);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.idempotencyKey).toBeTruthy();
    expect(calls[1]?.idempotencyKey).toBe(calls[0]?.idempotencyKey);
    expect(trigger.runs.get(calls[0]!.idempotencyKey!)).toBeDefined();
    expect(new Set(calls.map((c) => trigger.runs.get(c.idempotencyKey!))).size).toBe(1);
    const [row] = await rowsFor([note]);
    expect(row?.status).toBe("done");
  });

  it("keeps the row for a later retry when Trigger.dev is unreachable", async () => {
    const { db } = await getTestDatabase();
    const note = await enqueue("unreachable");
    await relayOutbox(createOutboxStore(db), triggerVia("http://127.0.0.1:9"));
    const [row] = await rowsFor([note]);
    expect(row).toMatchObject({ status: "pending" });
    expect(row?.lastError).toBeTruthy();
    expect(row!.runAfter.getTime()).toBeGreaterThan(Date.now());
    await db.delete(taskOutbox).where(eq(taskOutbox.id, row!.id));
  });
});

import { type FakeOtlpReceiver, startFakeOtlpReceiver } from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLogger } from "../logger";
import { runTaskInline } from "../tasks/run-task-inline";
import { defineTask } from "../tasks/task-descriptor";
import { startTracing, type Tracing, traced } from "./tracing";

const logger = createLogger({ logLevel: "silent", prettyLogs: false });

const echo = defineTask<{ seen: string[] }, { word: string }>({
  id: "demo.echo",
  payload: z.object({ word: z.string() }),
  retry: { maxAttempts: 2, minDelayMs: 0, maxDelayMs: 0 },
  run: async (deps, { word }) => {
    if (word === "boom") throw new Error("the task crashed");
    await traced("demo.inner", { word }, async () => deps.seen.push(word));
  },
});

const claimed = (word: string) => ({
  id: crypto.randomUUID(),
  taskId: "demo.echo",
  payload: { word },
  attempts: 1,
  priority: 0,
  organizationId: "org_trace",
});

describe("tracing off", () => {
  it("loads nothing and runs the work directly, with no span", async () => {
    expect(await startTracing({ tracing: null }, logger)).toBeNull();
    expect(await traced("off", {}, async (span) => span)).toBeNull();
  });
});

describe("tracing on (OTLP/HTTP to a local receiver)", () => {
  let receiver: FakeOtlpReceiver;
  let tracing: Tracing | null;
  beforeAll(async () => {
    receiver = await startFakeOtlpReceiver();
    tracing = await startTracing({ tracing: { endpoint: receiver.url, serviceName: "orylo-test" } }, logger, {
      exportDelayMs: 50,
    });
  });
  afterAll(async () => {
    await tracing?.shutdown();
    await receiver.close();
  });

  it("exports a span per task run, parent of the spans started inside it", async () => {
    const run = runTaskInline(new Map([[echo.id, echo]]), { seen: [] }, logger);
    expect(await run(claimed("hello"))).toEqual({ kind: "done" });
    await tracing?.flush();
    const task = await receiver.waitForSpan((span) => span.name === "task demo.echo" && !span.statusCode);
    expect(task).toMatchObject({
      service: "orylo-test",
      attributes: { "orylo.task_id": "demo.echo", "orylo.attempt": 1, "orylo.organization_id": "org_trace" },
    });
    const inner = await receiver.waitForSpan((span) => span.name === "demo.inner");
    expect(inner).toMatchObject({
      traceId: task.traceId,
      parentSpanId: task.spanId,
      attributes: { word: "hello" },
    });
  });

  it("marks the span of a failed run as an error", async () => {
    const run = runTaskInline(new Map([[echo.id, echo]]), { seen: [] }, logger);
    expect((await run(claimed("boom"))).kind).toBe("retry");
    await tracing?.flush();
    const failed = await receiver.waitForSpan(
      (span) => span.name === "task demo.echo" && span.statusCode === 2,
    );
    expect(failed.attributes["orylo.task_id"]).toBe("demo.echo");
  });
});

// Full suite: `bun run worker` as a process of its own on a real PostgreSQL, beside this test's web runtime,
// both with ORYLO_TASK_HOST=worker.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { detectionExplanations, taskOutbox } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { usePostgresDatabase } from "@orylo/db/testing/postgres";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootRuntime, type Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { PLATFORM_SECRET } from "./web-test-runtime";

const WEB_ROOT = join(import.meta.dirname, "..");

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture named like a hook, not a React hook
const database = usePostgresDatabase();
let runtime: Runtime;
let env: NodeJS.ProcessEnv;
let organizationId: string;

beforeAll(async () => {
  organizationId = (await createTestOrganization(database().db)).id;
  env = {
    NODE_ENV: "test",
    CI: "true",
    LOG_LEVEL: "info",
    DATABASE_URL: database.url(),
    STRIPE_WEBHOOK_SECRET: PLATFORM_SECRET,
    BETTER_AUTH_SECRET: "worker-auth-secret-worker-auth-secret-00",
    ORYLO_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"),
    ORYLO_DEFAULT_ORGANIZATION: organizationId,
    ORYLO_TASK_HOST: "worker",
  };
  runtime = await bootRuntime({ env: { ...env, LOG_LEVEL: "silent" }, startTasks: true, printBanner: false });
});

// Registered after the database's own hooks, so it runs before they close the database.
afterAll(async () => {
  await runtime?.close();
});

type Worker = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

function startWorker(workerEnv: NodeJS.ProcessEnv): Worker {
  const child = spawn("bun", ["src/worker.ts"], {
    cwd: WEB_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...workerEnv },
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, output: () => output, exit };
}

async function waitFor<T>(what: string, read: () => Promise<T | undefined>, worker: Worker): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`${what} did not happen in 60 s; worker said:\n${worker.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("bun run worker", () => {
  it("runs the tasks the web app leaves in the outbox, and stops cleanly on SIGTERM", async () => {
    expect(runtime.tasks).toBeNull();
    const answer = await sendWebhook(asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json")), {
      secret: PLATFORM_SECRET,
    });
    expect(answer.status).toBe(200);
    await runtime.relayTasksNow();
    const explainTask = and(
      eq(taskOutbox.organizationId, organizationId),
      eq(taskOutbox.taskId, "detection.explain"),
    );
    expect(
      (await database().db.select().from(taskOutbox).where(explainTask)).map((row) => row.status),
    ).toEqual(["pending"]);

    const worker = startWorker(env);
    try {
      const [explanation] = await waitFor(
        "the explanation",
        async () => {
          const rows = await database()
            .db.select()
            .from(detectionExplanations)
            .where(eq(detectionExplanations.organizationId, organizationId));
          return rows.some((row) => row.status === "pending") ? undefined : rows;
        },
        worker,
      );
      expect(explanation).toMatchObject({ status: "ready" });
      expect(
        (await database().db.select().from(taskOutbox).where(explainTask)).map((row) => row.status),
      ).toEqual(["done"]);
      expect(worker.output()).toContain("worker running the task outbox");
    } finally {
      worker.child.kill("SIGTERM");
    }
    expect(await worker.exit).toBe(0);
    expect(worker.output()).toContain("worker stopping after its running tasks");
  });

  it("refuses to start while the web app would run the tasks too", async () => {
    const { ORYLO_TASK_HOST: _workerMode, ...appMode } = env;
    const worker = startWorker(appMode);
    expect(await worker.exit).toBe(1);
    expect(worker.output()).toMatch(/ORYLO_TASK_HOST: must be worker for `bun run worker`/);
  });
});

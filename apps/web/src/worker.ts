// bun run worker — the background task host in a process of its own, for a server deployment on PostgreSQL
// without Trigger.dev (ORYLO_TASK_HOST=worker, in the web app's environment too). It polls the task outbox the
// web app writes, runs the tasks and fires the schedules; the web app only answers requests. Several workers
// may run: claims are SKIP LOCKED and scheduled runs have dedupe keys.
import { existsSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { bootRuntime } from "./server/runtime";

// A worker on the web app's machine runs below its priority, so the kernel gives a webhook delivery the core
// before a backtest or an explanation: the task waits, the payment does not.
const WORKER_NICENESS = 10;

/** Best effort: a container may forbid it, and the worker is still correct at normal priority. */
function lowerPriority(): string | null {
  try {
    setPriority(WORKER_NICENESS);
    // Linux shares the CPU between sessions (autogroups) before niceness applies within one: a worker started
    // in a session of its own must lower its session's weight too.
    if (existsSync("/proc/self/autogroup")) writeFileSync("/proc/self/autogroup", String(WORKER_NICENESS));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const refused = lowerPriority();
const booting = bootRuntime({ startTasks: true, worker: true });
// Registered before the boot ends: the task host starts polling during it, so a signal may come meanwhile.
const stop = (signal: NodeJS.Signals) => {
  booting
    .then((runtime) => {
      runtime.logger.info({ signal }, "worker stopping after its running tasks");
      return runtime.close();
    })
    .finally(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
try {
  const runtime = await booting;
  if (refused) runtime.logger.warn({ reason: refused }, "worker runs at normal CPU priority");
  runtime.logger.info({ niceness: refused ? 0 : WORKER_NICENESS }, "worker running the task outbox");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

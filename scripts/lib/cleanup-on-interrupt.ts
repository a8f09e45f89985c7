const tasks = new Set<() => Promise<void>>();
let installed = false;
let interrupted = false;

/** True once the script was interrupted: its figures are incomplete and must not be reported. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/**
 * Runs `task` if the script is interrupted (Ctrl-C, SIGTERM) before it removes it: the PostgreSQL server
 * and the app run detached (their own process groups), so they would outlive the script otherwise.
 * Returns the function that removes it (call it once the normal path has cleaned up).
 */
export function cleanupOnInterrupt(task: () => Promise<void>): () => void {
  if (!installed) {
    installed = true;
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, async () => {
        interrupted = true;
        console.error(`\n${signal}: stopping what this script started…`);
        for (const pending of tasks) await pending().catch(() => {});
        process.exit(130);
      });
    }
  }
  tasks.add(task);
  return () => {
    tasks.delete(task);
  };
}

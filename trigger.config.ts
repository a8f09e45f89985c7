import { defineConfig } from "@trigger.dev/sdk";

// Trigger.dev v4 project: tasks live in trigger/ and are thin wrappers over packages/core descriptors.
export default defineConfig({
  project: process.env.TRIGGER_PROJECT_REF ?? "proj_orylo",
  dirs: ["./trigger/src"],
  maxDuration: 300,
  retries: {
    enabledInDev: false,
    default: { maxAttempts: 3, minTimeoutInMs: 1_000, maxTimeoutInMs: 30_000, factor: 2, randomize: true },
  },
});

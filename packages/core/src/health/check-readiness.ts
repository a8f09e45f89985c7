import { pingDatabase } from "@orylo/db";
import { z } from "zod";
import type { Ctx } from "../context";

export const Readiness = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.object({
    status: z.enum(["ok", "unavailable"]),
    latencyMs: z.number(),
    error: z.string().optional(),
  }),
  backends: z.record(z.string(), z.string()).meta({
    description: "Which backend serves each concern (cache, tasks, LLM...): reported, never failing.",
  }),
});
export type Readiness = z.infer<typeof Readiness>;

/** Ready means the database answers; everything else degrades gracefully and is only reported. */
export async function checkReadiness(ctx: Ctx, backends: Record<string, string>): Promise<Readiness> {
  const startedAt = performance.now();
  try {
    await pingDatabase(ctx.db);
    return { status: "ok", database: { status: "ok", latencyMs: performance.now() - startedAt }, backends };
  } catch (error) {
    ctx.logger.error({ err: error }, "readiness: database unavailable");
    return {
      status: "unavailable",
      database: {
        status: "unavailable",
        latencyMs: performance.now() - startedAt,
        error: "database did not answer",
      },
      backends,
    };
  }
}

import { z } from "zod";

/**
 * Per-organization engine settings. Every field here changes a decision (a test proves it):
 * a setting stored but never read is a bug we have shipped before elsewhere.
 * A score at or above a threshold takes that decision (defaults: BLOCK >= 80, REVIEW >= 20).
 */
export const EngineSettings = z
  .object({
    blockThreshold: z.number().int().min(1).max(100).default(80),
    reviewThreshold: z.number().int().min(1).max(100).default(20),
  })
  .refine((settings) => settings.reviewThreshold <= settings.blockThreshold, {
    message: "reviewThreshold must not exceed blockThreshold",
    path: ["reviewThreshold"],
  });
export type EngineSettings = z.infer<typeof EngineSettings>;

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = EngineSettings.parse({});

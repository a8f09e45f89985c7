import { Explanation } from "@orylo/ai";
import type { findExplanation } from "@orylo/db";
import { z } from "zod";

/**
 * A detection's explanation in API v1: written (`ready`, or `fallback` when templates stood in for the
 * LLM), still `pending`, `failed`, or null for a detection made before explanations existed.
 */
export const DetectionExplanation = z
  .discriminatedUnion("status", [
    Explanation.extend({ status: z.enum(["ready", "fallback"]) }),
    z.object({ status: z.enum(["pending", "failed"]) }),
  ])
  .nullable()
  .meta({
    description:
      "Plain-language explanation, written shortly after the decision in the organization's language: poll until `status` is no longer `pending`.",
  });
export type DetectionExplanation = z.infer<typeof DetectionExplanation>;

type ExplanationRow = Awaited<ReturnType<typeof findExplanation>>;

export function toDetectionExplanation(row: ExplanationRow): DetectionExplanation {
  if (!row) return null;
  if (row.status === "pending" || row.status === "failed") return { status: row.status };
  const written = Explanation.safeParse(row.explanation);
  // A stored explanation that no longer parses (an older shape) reads as failed rather than breaking the API.
  return written.success ? { status: row.status, ...written.data } : { status: "failed" };
}

import { z } from "zod";
import { LlmOutputError } from "./llm-provider";

/** Validates a model's raw output (a JSON string or an already decoded tool input) against the schema. */
export function parseOutput<T>(schema: z.ZodType<T>, raw: unknown): T {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new LlmOutputError(`the model did not answer JSON (${raw.length} characters)`);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new LlmOutputError(
      `the model's answer does not match the schema: ${z.prettifyError(parsed.error)}`,
    );
  return parsed.data;
}

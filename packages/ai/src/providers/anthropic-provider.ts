import Anthropic from "@anthropic-ai/sdk";
import { z } from "zod";
import { LlmOutputError, type LlmProvider, type LlmRequest } from "./llm-provider";
import { parseOutput } from "./parse-output";
import { modelPicker, type ProviderSettings, sdkOptions } from "./provider-settings";

/**
 * Anthropic's messages API (`ANTHROPIC_BASE_URL` for a compatible server): structured output through a single
 * forced tool whose input schema is the output schema, validated again with zod.
 */
export function createAnthropicProvider(settings: ProviderSettings): LlmProvider {
  const client = new Anthropic(sdkOptions(settings));
  const modelFor = modelPicker(settings);
  return {
    name: "anthropic",
    modelFor,
    async complete<T>(request: LlmRequest<T>) {
      const model = modelFor(request.feature);
      const startedAt = performance.now();
      const message = await client.messages.create({
        model,
        max_tokens: 2_000,
        system: request.system,
        messages: [{ role: "user", content: request.user }],
        tools: [
          {
            name: request.schemaName,
            description: "Record the answer.",
            input_schema: z.toJSONSchema(request.schema, { io: "input" }) as Anthropic.Tool.InputSchema,
          },
        ],
        tool_choice: { type: "tool", name: request.schemaName },
      });
      const latencyMs = Math.round(performance.now() - startedAt);
      const call = message.content.find((block) => block.type === "tool_use");
      if (!call) throw new LlmOutputError("the model did not call the answer tool");
      return {
        data: parseOutput(request.schema, call.input),
        provider: "anthropic",
        model: message.model || model,
        usage: { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens },
        latencyMs,
      };
    },
  };
}

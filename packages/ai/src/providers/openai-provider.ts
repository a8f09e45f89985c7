import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { LlmOutputError, type LlmProvider, type LlmRequest } from "./llm-provider";
import { parseOutput } from "./parse-output";
import { modelPicker, type ProviderSettings, sdkOptions } from "./provider-settings";

/**
 * OpenAI, or any server speaking its chat-completions API (`OPENAI_BASE_URL`): structured output through
 * `response_format: json_schema`, validated again with zod on our side (a compatible server may ignore it).
 */
export function createOpenAiProvider(settings: ProviderSettings): LlmProvider {
  const client = new OpenAI(sdkOptions(settings));
  const modelFor = modelPicker(settings);
  return {
    name: "openai",
    modelFor,
    async complete<T>(request: LlmRequest<T>) {
      const model = modelFor(request.feature);
      const startedAt = performance.now();
      const completion = await client.chat.completions.create({
        model,
        temperature: 0.2,
        messages: [
          { role: "system", content: request.system },
          { role: "user", content: request.user },
        ],
        response_format: zodResponseFormat(request.schema, request.schemaName),
      });
      const latencyMs = Math.round(performance.now() - startedAt);
      const message = completion.choices[0]?.message;
      if (!message?.content)
        throw new LlmOutputError(message?.refusal ? "the model refused" : "empty answer");
      return {
        data: parseOutput(request.schema, message.content),
        provider: "openai",
        model: completion.model || model,
        usage: {
          inputTokens: completion.usage?.prompt_tokens ?? 0,
          outputTokens: completion.usage?.completion_tokens ?? 0,
        },
        latencyMs,
      };
    },
  };
}

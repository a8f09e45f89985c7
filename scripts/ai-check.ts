// bun run ai:check — calls each configured LLM provider once per model tier with a tiny structured request
// and prints model, latency and tokens, or the error. Exits 1 when a configured provider fails.
import { chainOf, createProviderChain, LlmOutputError } from "@orylo/ai";
import { loadConfig } from "@orylo/platform";
import { z } from "zod";

const config = loadConfig();
const { providers } = createProviderChain({ ...config.llm, maxRetries: 0 });
if (!config.llm.enabled)
  console.log("AI_ENABLED=false: explanations use the templates, no provider is called.");
else if (providers.length === 0) console.log("No LLM configured (OPENAI_* / ANTHROPIC_*): templates only.");

const Pong = z.object({ pong: z.boolean() });
let failed = false;
for (const provider of providers) {
  for (const feature of ["explanation", "recommendation"] as const) {
    const outcome = await chainOf([provider]).complete(
      {
        feature,
        system: "You are a health check.",
        user: 'Answer {"pong": true}.',
        schemaName: "pong",
        schema: Pong,
      },
      (data) => {
        if (!data.pong) throw new LlmOutputError("answered pong: false");
        return data;
      },
    );
    const label = `${provider.name.padEnd(10)} ${provider.modelFor(feature).padEnd(22)}`;
    if (outcome.ok) {
      const { latencyMs, usage } = outcome.result;
      console.log(`ok    ${label} ${latencyMs} ms, ${usage.inputTokens} + ${usage.outputTokens} tokens`);
    } else {
      failed = true;
      console.log(`FAIL  ${label} ${outcome.failures.map((f) => f.error).join("; ")}`);
    }
  }
}
process.exitCode = failed ? 1 : 0;

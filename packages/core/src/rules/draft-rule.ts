import {
  pseudonymizeSentence,
  RULE_DRAFT_PROMPT_VERSION,
  type RuleDraftRetry,
  ruleDraftRequest,
} from "@orylo/ai";
import { recordAiUsage } from "@orylo/db";
import { generateId } from "@orylo/platform";
import { readAiBudget } from "../ai/ai-budget";
import type { AiServices } from "../ai/ai-services";
import { ledgerRows } from "../ai/ledger-rows";
import { backtestRuleSet } from "../backtest/backtest-rule-set";
import type { OrgCtx } from "../context";
import { AiUnavailableError, InvalidRuleError } from "../errors";
import { compileRuleText } from "./compile-rule-text";
import { DraftRuleInput, type RuleDraft } from "./draft-schemas";

/** The first answer, then one more with the parser's errors (line, column, nearest attribute) fed back. */
const MAX_ATTEMPTS = 2;

/**
 * `POST /api/v1/rules/draft`: a merchant's sentence → a rule the parser accepts, its plain-language reading
 * and its 90-day backtest. Emails, IPs and card numbers in the sentence are replaced by tokens before the
 * model sees it and put back in its rule. Saves nothing: the merchant accepts through `POST /api/v1/rules`.
 */
export async function draftRule(ctx: OrgCtx, ai: AiServices, input: DraftRuleInput): Promise<RuleDraft> {
  const { text, locale } = DraftRuleInput.parse(input);
  if (ai.chain.providers.length === 0)
    throw new AiUnavailableError(
      "Drafting a rule from a sentence needs an LLM, and none is configured (AI_ENABLED, OPENAI_API_KEY or ANTHROPIC_API_KEY). Write the rule in the editor instead.",
    );
  if ((await readAiBudget(ctx)).state === "exhausted")
    throw new AiUnavailableError(
      "This month's AI budget is spent (settings.ai.monthlyBudgetUsd): drafting is off until the month ends.",
    );
  const sentence = pseudonymizeSentence(text);
  let retry: RuleDraftRetry | undefined;
  for (let attempt = 1; ; attempt++) {
    const outcome = await ai.chain.complete(
      ruleDraftRequest({ sentence: sentence.text, language: locale, retry }),
    );
    await recordAiUsage(
      ctx.db,
      ledgerRows(ctx.organizationId, "rule_draft", RULE_DRAFT_PROMPT_VERSION, outcome),
    );
    if (!outcome.ok)
      throw new AiUnavailableError(
        "No AI provider answered with a usable draft: try again, or write the rule.",
        {
          failures: outcome.failures.map(({ provider, reason }) => ({ provider, reason })),
        },
      );
    const written = outcome.result.data.rule;
    // Compiled as the model wrote it, so the positions fed back are the model's own.
    const compiled = compileRuleText(written);
    const restored = compiled.ok ? compileRuleText(sentence.restore(written)) : compiled;
    if (restored.ok) {
      const backtest = await backtestRuleSet(ctx, { rules: [restored.text] });
      ctx.logger.info({ attempt, action: restored.ast.action, model: outcome.result.model }, "rule drafted");
      return {
        id: generateId("draft"),
        text: restored.text,
        action: restored.ast.action,
        reading: sentence.restore(outcome.result.data.reading),
        locale,
        attempts: attempt,
        model: outcome.result.model,
        backtest,
      };
    }
    ctx.logger.warn({ attempt, errors: restored.errors.length }, "drafted rule does not compile");
    if (attempt === MAX_ATTEMPTS)
      throw new InvalidRuleError(
        restored.errors.map((error) => ({ ...error, text: sentence.restore(written) })),
      );
    retry = { rule: written, errors: restored.errors };
  }
}

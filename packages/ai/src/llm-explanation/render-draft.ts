import type { Contribution, Decision, EvidenceValue } from "@orylo/engine";
import { keepCitedFactors } from "../cited-factors";
import { Explanation, type ExplanationLanguage } from "../explanation";
import { formatAmount, formatDecimal, formatNumber } from "../format";
import { LlmOutputError } from "../providers";
import { codeAt } from "../signals/evidence";
import { recommendedActionFor } from "../summary";
import type { ExplanationDraft } from "./explanation-prompt";

export interface RenderInput {
  decision: Decision;
  riskScore: number;
  contributions: readonly Contribution[];
  language: ExplanationLanguage;
  confidence: number;
  payment: { amount: number; currency: string } | null;
}

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;
const MAX_TEXT = 600;

function renderValue(
  key: string,
  value: EvidenceValue,
  evidence: Contribution["evidence"],
  language: ExplanationLanguage,
) {
  if (typeof value === "boolean") return language === "fr" ? (value ? "oui" : "non") : value ? "yes" : "no";
  if (typeof value === "number") {
    const currency = codeAt(evidence, "currency");
    return currency && /amount/.test(key)
      ? formatAmount(value, currency, language)
      : formatDecimal(value, language);
  }
  return typeof value === "string" && codeAt({ [key]: value }, key) ? value : null;
}

/**
 * Fills a text's placeholders from this detection's trace. A placeholder the trace cannot fill, a literal
 * digit (a number the model made up or copied from a bucket) or an over-long text makes it ungrounded: null.
 */
export function renderText(text: string, values: (name: string) => string | null): string | null {
  if (text.length === 0 || text.length > MAX_TEXT) return null;
  if (/\d/.test(text.replace(PLACEHOLDER, ""))) return null;
  let grounded = true;
  const rendered = text.replace(PLACEHOLDER, (_, name: string) => {
    const value = values(name);
    if (value === null) grounded = false;
    return value ?? "";
  });
  return grounded ? rendered : null;
}

/**
 * Turns the model's draft into this detection's explanation: numbers from its own trace, factors citing a
 * signal absent from the trace dropped, weights re-read from it. A summary that cannot be grounded, or a
 * draft left with no factor while the trace has hits, is rejected (`LlmOutputError`): the chain moves on.
 */
export function renderDraft(draft: ExplanationDraft, input: RenderInput): Explanation {
  const { language } = input;
  const globals = (name: string) => {
    if (name === "risk_score") return formatNumber(input.riskScore, language);
    if (name === "amount" && input.payment)
      return formatAmount(input.payment.amount, input.payment.currency, language);
    return null;
  };
  const summary = renderText(draft.summary, globals);
  if (summary === null) throw new LlmOutputError("the summary is not grounded in the trace");
  const hits = new Map(input.contributions.filter((c) => c.status === "hit").map((c) => [c.reasonCode, c]));
  const factors = draft.factors.flatMap((factor) => {
    const hit = hits.get(factor.signal);
    if (!hit) return [];
    const evidence = renderText(factor.evidence, (name) => {
      const value = hit.evidence[name];
      return value === undefined ? globals(name) : renderValue(name, value, hit.evidence, language);
    });
    return evidence === null ? [] : [{ signal: factor.signal, evidence, weight: 0 }];
  });
  if (hits.size > 0 && factors.length === 0)
    throw new LlmOutputError("no factor of the answer is grounded in the trace");
  const explanation = Explanation.parse({
    summary,
    factors,
    recommendedAction: recommendedActionFor(input.decision, hits.size),
    confidence: input.confidence,
    language,
    source: "llm",
  });
  return keepCitedFactors(explanation, input.contributions);
}

import type { Contribution } from "@orylo/engine";
import type { ExplanationLanguage } from "../explanation";
import { formatDecimal } from "../format";
import { isCode, type SignalTemplate } from "./evidence";
import { joinClauses } from "./phrases";

/**
 * Numeric evidence a person can read without it identifying anyone: counts, ratios, rates, scores, limits.
 * Anything else (a card's last digits, an amount keyed oddly) is left out rather than guessed at.
 */
const READABLE_KEY = /(^|_)(count|ratio|rate|score|declines|attempts|charges|limit|exceeded)(_|$)/;
const MAX_FACTS = 4;

function readableFacts(hit: Contribution, language: ExplanationLanguage): string[] {
  return Object.entries(hit.evidence)
    .filter(
      (entry): entry is [string, number] =>
        isCode(entry[0]) &&
        READABLE_KEY.test(entry[0]) &&
        typeof entry[1] === "number" &&
        Number.isFinite(entry[1]),
    )
    .slice(0, MAX_FACTS)
    .map(([key, value]) => `${key}${language === "fr" ? "\u00a0: " : ": "}${formatDecimal(value, language)}`);
}

/** A detector the templates do not know yet: its codes and readable counts, in the organization's language. */
export const genericTemplate: SignalTemplate = {
  label: ({ reasonCode }) => {
    const text = isCode(reasonCode) ? reasonCode.replaceAll("_", " ") : "signal";
    return { en: text, fr: text };
  },
  evidence(hit, language) {
    const code = isCode(hit.reasonCode) ? hit.reasonCode : "signal";
    const detector = isCode(hit.detector) ? hit.detector : "?";
    const head =
      language === "fr"
        ? `Signal ${code} relevé par le contrôle ${detector}`
        : `Signal ${code} raised by the ${detector} check`;
    return joinClauses([head, ...readableFacts(hit, language)], language);
  },
};

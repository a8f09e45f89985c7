import type { Contribution } from "@orylo/engine";
import type { ExplanationLanguage } from "../explanation";

export type Evidence = Contribution["evidence"];
export type Localized = Record<ExplanationLanguage, string>;

/**
 * How one detector's hit reads: a short label for the summary and a sentence rendered from that hit's own
 * evidence. Templates read the evidence keys they know, as numbers, flags or codes, never as free text,
 * so an email, an IP or a card number that found its way into evidence cannot reach an explanation.
 */
export interface SignalTemplate {
  label: (hit: Contribution) => Localized;
  /** null when the evidence lacks what the sentence needs: the generic template takes over. */
  evidence: (hit: Contribution, language: ExplanationLanguage) => string | null;
}

export function numberAt(evidence: Evidence, key: string): number | null {
  const value = evidence[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * Codes (Stripe decline codes, entity, window and feature names) are lowercase snake_case with at least one
 * letter: an email, an IP, a card number or free text is never one.
 */
const CODE = /^(?=.{1,64}$)[a-z0-9_]*[a-z][a-z0-9_]*$/;
export function codeAt(evidence: Evidence, key: string): string | null {
  const value = evidence[key];
  return typeof value === "string" && CODE.test(value) ? value : null;
}

export function isCode(value: string): boolean {
  return CODE.test(value);
}

/** The first evidence key matching `pattern`, with its capture groups (e.g. `card_count_for_(entity)_(window)`). */
export function matchKey(evidence: Evidence, pattern: RegExp): { key: string; groups: string[] } | null {
  for (const key of Object.keys(evidence)) {
    const match = pattern.exec(key);
    if (match) return { key, groups: match.slice(1) };
  }
  return null;
}

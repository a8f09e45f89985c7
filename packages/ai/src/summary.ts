import type { Decision } from "@orylo/engine";
import type { ExplanationLanguage, RecommendedAction } from "./explanation";
import { formatList, formatNumber, plural } from "./format";

/** Labels named in the summary; the rest are counted ("and 2 more"). */
const NAMED_SIGNALS = 3;

const VERDICTS: Record<Decision, Record<ExplanationLanguage, string>> = {
  BLOCK: { en: "Payment blocked", fr: "Paiement bloqué" },
  REVIEW: { en: "Payment held for review", fr: "Paiement à examiner" },
  ALLOW: { en: "Payment allowed", fr: "Paiement accepté" },
};

export interface SummaryInput {
  decision: Decision;
  riskScore: number;
  /** Labels of the detectors that hit, strongest first. */
  labels: readonly string[];
  ranChecks: number;
  failedChecks: number;
  language: ExplanationLanguage;
}

/** ALLOW with hits is "allowed, but watch this": the hits stayed below the review threshold. */
export function recommendedActionFor(decision: Decision, hits: number): RecommendedAction {
  if (decision === "BLOCK") return "block";
  if (decision === "REVIEW") return "review";
  return hits > 0 ? "monitor" : "allow";
}

function signalsSentence({ decision, labels, language }: SummaryInput): string {
  const named = labels.slice(0, NAMED_SIGNALS);
  const more = labels.length - named.length;
  const list =
    more > 0
      ? `${named.join(", ")} ${language === "fr" ? `et ${more} ${plural(more, language, "autre", "autres")}` : `and ${more} more`}`
      : formatList(named, language);
  const many = labels.length > 1;
  if (decision === "ALLOW")
    return language === "fr"
      ? `${many ? "Signaux faibles à surveiller" : "Signal faible à surveiller"}\u00a0: ${list}.`
      : `${many ? "Weak signals to watch" : "Weak signal to watch"}: ${list}.`;
  return language === "fr"
    ? `${many ? "Signaux principaux" : "Signal principal"}\u00a0: ${list}.`
    : `${many ? "Main signals" : "Main signal"}: ${list}.`;
}

function noSignalSentence({ decision, ranChecks, language }: SummaryInput): string {
  const n = formatNumber(ranChecks, language);
  if (decision === "ALLOW")
    return language === "fr"
      ? `Aucun signal de fraude relevé (${n} ${plural(ranChecks, language, "contrôle exécuté", "contrôles exécutés")}).`
      : `No fraud signal found (${n} ${plural(ranChecks, language, "check", "checks")} run).`;
  // Only a rule or a list can decide against a clean trace.
  return language === "fr"
    ? "Aucun contrôle n'a relevé de signal : la décision vient des règles ou des listes de l'organisation."
    : "No check found a fraud signal: the decision comes from the organization's rules or lists.";
}

export function summarize(input: SummaryInput): string {
  const { decision, riskScore, failedChecks, language } = input;
  const score = formatNumber(riskScore, language);
  const head =
    language === "fr"
      ? `${VERDICTS[decision].fr} (score de risque ${score}/100).`
      : `${VERDICTS[decision].en} (risk score ${score}/100).`;
  const body = input.labels.length > 0 ? signalsSentence(input) : noSignalSentence(input);
  const failed =
    failedChecks === 0
      ? null
      : language === "fr"
        ? `${formatNumber(failedChecks, language)} ${plural(failedChecks, language, "contrôle n'a pas pu s'exécuter", "contrôles n'ont pas pu s'exécuter")}.`
        : `${formatNumber(failedChecks, language)} ${plural(failedChecks, language, "check", "checks")} could not run.`;
  return [head, body, failed].filter(Boolean).join(" ");
}

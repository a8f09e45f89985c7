import type { Contribution } from "@orylo/engine";
import type { ExplanationLanguage } from "../explanation";
import { capitalize } from "../format";
import { amountAnomalyTemplate } from "./amount-anomaly";
import { cardProfileTemplate } from "./card-profile";
import { cardTestingTemplate } from "./card-testing";
import type { SignalTemplate } from "./evidence";
import { genericTemplate } from "./generic";
import { merchantCardTestingTemplate } from "./merchant-card-testing";
import { priorFraudTemplate } from "./prior-fraud";
import { radarPassthroughTemplate } from "./radar-passthrough";
import { velocityTemplate } from "./velocity";

/** One template per engine detector, by the detector's stable name (stored traces refer to it). */
const TEMPLATES: Record<string, SignalTemplate> = {
  velocity: velocityTemplate,
  card_testing: cardTestingTemplate,
  merchant_card_testing: merchantCardTestingTemplate,
  amount_anomaly: amountAnomalyTemplate,
  card_profile: cardProfileTemplate,
  radar_passthrough: radarPassthroughTemplate,
  prior_fraud: priorFraudTemplate,
};

function templateFor(hit: Contribution): SignalTemplate {
  return TEMPLATES[hit.detector] ?? genericTemplate;
}

export function signalLabel(hit: Contribution, language: ExplanationLanguage): string {
  return templateFor(hit).label(hit)[language];
}

/** The hit's evidence as a sentence; the generic rendering when its template cannot read the evidence. */
export function signalEvidence(hit: Contribution, language: ExplanationLanguage): string {
  return capitalize(
    templateFor(hit).evidence(hit, language) ?? (genericTemplate.evidence(hit, language) as string),
  );
}

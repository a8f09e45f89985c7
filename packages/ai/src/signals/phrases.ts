import type { ExplanationLanguage } from "../explanation";
import type { Localized } from "./evidence";

/** The source a count is about, as it reads after "… payments" / "… paiements". */
const ENTITIES: Record<string, Localized> = {
  card_number: { en: "with this card", fr: "avec cette carte" },
  customer: { en: "from this customer", fr: "par ce client" },
  email: { en: "from this email address", fr: "avec cette adresse e-mail" },
  ip_address: { en: "from this IP address", fr: "depuis cette adresse IP" },
  device: { en: "from this device", fr: "depuis cet appareil" },
};

const WINDOWS: Record<string, Localized> = {
  "10m": { en: "in the last 10 minutes", fr: "sur les 10 dernières minutes" },
  hourly: { en: "in the last hour", fr: "sur la dernière heure" },
  daily: { en: "in the last 24 hours", fr: "sur les dernières 24 heures" },
  weekly: { en: "in the last 7 days", fr: "sur les 7 derniers jours" },
  all_time: { en: "overall", fr: "depuis le début" },
};

export const ENTITY_PATTERN = "(card_number|customer|email|ip_address|device)";
export const WINDOW_PATTERN = "(10m|hourly|daily|weekly|all_time)";

export function entityPhrase(
  entity: string | null | undefined,
  language: ExplanationLanguage,
): string | null {
  return (entity && ENTITIES[entity]?.[language]) ?? null;
}

export function windowPhrase(
  window: string | null | undefined,
  language: ExplanationLanguage,
): string | null {
  return (window && WINDOWS[window]?.[language]) ?? null;
}

/** Clauses of one factor's evidence: "a; b" in English, "a ; b" in French typography. */
export function joinClauses(
  clauses: readonly (string | null | false)[],
  language: ExplanationLanguage,
): string {
  const kept = clauses.filter((clause): clause is string => typeof clause === "string" && clause.length > 0);
  return kept.join(language === "fr" ? "\u00a0; " : "; ");
}

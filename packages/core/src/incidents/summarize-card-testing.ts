import { explanationLanguageFor, type IncidentFacts, incidentSummaryText } from "@orylo/ai";
import {
  findOpenIncidentSummary,
  findOrganization,
  selectScoredPaymentsSince,
  upsertIncidentSummary,
} from "@orylo/db";
import { generateId } from "@orylo/platform";
import { raiseAlert } from "../alerts/raise-alert";
import type { OrgCtx } from "../context";
import { BURST_WINDOW_MS, detectBurst } from "../dashboard/detect-burst";
import { NotFoundError } from "../errors";
import { INCIDENT_REASON } from "../recommendations/recommend-rules";
import { requestRecommendations } from "../recommendations/request-recommendations";
import { queueSuggestions } from "../suggestions/request-suggestions";
import { CARD_TESTING_INCIDENT, type IncidentSummaryView, toIncidentSummaryView } from "./incident-schemas";
import { suggestTemporaryRule, TEMPORARY_RULE_HOURS } from "./suggest-temporary-rule";

/** A burst of more scored payments than this is summarized from its first ones: the figures are a floor. */
const MAX_PAYMENTS_READ = 50_000;

function addAmount(amounts: Record<string, number>, currency: string, amount: number) {
  amounts[currency] = (amounts[currency] ?? 0) + amount;
}

/**
 * During a card-testing burst (`detectBurst`): one alert per incident (`raiseAlert` dedupes on the open
 * incident, so later runs only count) and one summary, updated on every run while the incident lasts:
 * since when, attempts scored and blocked, distinct cards, amount blocked, and a temporary rule with an
 * expiry. The alert's email carries the summary as it was when the incident opened.
 */
export async function summarizeCardTesting(
  ctx: OrgCtx,
): Promise<{ incident: IncidentSummaryView | null; opened: boolean }> {
  if (!(await detectBurst(ctx))) return { incident: null, opened: false };
  const now = ctx.now();
  const open = await findOpenIncidentSummary(ctx.db, ctx.organizationId, CARD_TESTING_INCIDENT);
  const since = new Date((open?.createdAt ?? now).getTime() - BURST_WINDOW_MS);
  const scored = await selectScoredPaymentsSince(ctx.db, ctx.organizationId, since, MAX_PAYMENTS_READ);
  const blocked = scored.filter((payment) => payment.decision === "BLOCK");
  const first = blocked[0];
  if (!first) return { incident: null, opened: false };

  const organization = await findOrganization(ctx.db, ctx.organizationId);
  if (!organization) throw new NotFoundError("organization", ctx.organizationId);
  const language = explanationLanguageFor(organization.locale);
  const amountBlocked: Record<string, number> = {};
  for (const payment of blocked) addAmount(amountBlocked, payment.currency, payment.amount);
  const paidAt = blocked.map((payment) => payment.paidAt.getTime());
  const facts: IncidentFacts = {
    startedAt: new Date(Math.min(open?.startedAt.getTime() ?? Number.POSITIVE_INFINITY, ...paidAt)),
    attempts: scored.length,
    blocked: blocked.length,
    distinctCards: new Set(blocked.map((payment) => payment.cardFingerprint).filter(Boolean)).size,
    amountBlocked,
    suggestedRule: suggestTemporaryRule(blocked),
    suggestedRuleExpiresAt: new Date(now.getTime() + TEMPORARY_RULE_HOURS * 3_600_000),
  };
  const text = incidentSummaryText(facts, language);
  const alert = await raiseAlert(ctx, {
    kind: "card_testing.burst",
    severity: "critical",
    dedupeKey: CARD_TESTING_INCIDENT,
    title:
      language === "fr"
        ? `Attaque de test de cartes : ${facts.blocked} tentatives bloquées`
        : `Card-testing attack: ${facts.blocked} attempts blocked`,
    body: text,
  });
  const row = await upsertIncidentSummary(
    ctx.db,
    {
      id: generateId("inc"),
      organizationId: ctx.organizationId,
      alertId: alert.id,
      kind: CARD_TESTING_INCIDENT,
      ...facts,
      lastSeenAt: new Date(Math.max(...paidAt)),
      language,
      text,
    },
    now,
  );
  // A new attack is a new pattern: look for rules against it, and for the sources to block, now rather
  // than at the next daily run.
  if (alert.opened) {
    await requestRecommendations(ctx, `${INCIDENT_REASON}${alert.id}`);
    await queueSuggestions(ctx, ["blacklist"]);
  }
  ctx.logger.info(
    { incidentId: row.id, alertId: alert.id, opened: alert.opened, blocked: facts.blocked },
    "card-testing incident summarized",
  );
  return { incident: toIncidentSummaryView(row), opened: alert.opened };
}

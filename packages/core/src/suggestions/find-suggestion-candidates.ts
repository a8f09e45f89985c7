import type { SuggestionFacts, SuggestionKind, SuggestionSignal, SuggestionSubject } from "@orylo/ai";
import { selectCardTestingSources, selectCustomersWithFraud, selectTrustedCustomers } from "@orylo/db";
import type { OrgCtx } from "../context";

/** A value worth suggesting, with the counts that make it so. */
export interface SuggestionCandidate {
  kind: SuggestionKind;
  signal: SuggestionSignal;
  subject: SuggestionSubject;
  value: string;
  facts: SuggestionFacts["facts"];
}

const DAY_MS = 86_400_000;
/** SPEC §D: a whitelist needs a trust score above 80 and settled history spanning at least 30 days. */
export const WHITELIST_MIN_TRUST = 80;
export const WHITELIST_MIN_HISTORY_DAYS = 30;
/** A payment counts as settled 14 days after it was made without a dispute or warning (SPEC §B). */
const SETTLE_DAYS = 14;
/** Card testing is suggested from the blocks of the last week, from 3 blocked attempts on. */
const CARD_TESTING_WINDOW_DAYS = 7;
const CARD_TESTING_MIN_ATTEMPTS = 3;
/** Two disputes: Orylo blacklists a customer by itself at three (SPEC §B); suggesting it earlier is the point. */
const MIN_DISPUTES = 2;

/** The organization's candidates of these kinds, before exclusions (already listed, pending, rejected). */
export async function findSuggestionCandidates(
  ctx: OrgCtx,
  kinds: readonly SuggestionKind[],
): Promise<SuggestionCandidate[]> {
  return [
    ...(kinds.includes("whitelist") ? await whitelistCandidates(ctx) : []),
    ...(kinds.includes("blacklist") ? await blacklistCandidates(ctx) : []),
  ];
}

async function whitelistCandidates(ctx: OrgCtx): Promise<SuggestionCandidate[]> {
  const trusted = await selectTrustedCustomers(ctx.db, {
    organizationId: ctx.organizationId,
    minTrust: WHITELIST_MIN_TRUST,
    settledBefore: new Date(ctx.now().getTime() - SETTLE_DAYS * DAY_MS),
    minSpanDays: WHITELIST_MIN_HISTORY_DAYS,
  });
  return trusted.map((row) => ({
    kind: "whitelist",
    signal: "trusted_history",
    subject: "customer",
    value: row.value,
    facts: {
      trust_score: row.trustScore,
      settled_payments: row.settledPayments,
      history_days: row.historyDays,
    },
  }));
}

async function blacklistCandidates(ctx: OrgCtx): Promise<SuggestionCandidate[]> {
  const { organizationId } = ctx;
  const candidates: SuggestionCandidate[] = [];
  for (const row of await selectCustomersWithFraud(ctx.db, { organizationId, minDisputes: MIN_DISPUTES }))
    candidates.push({
      kind: "blacklist",
      signal: row.disputes >= MIN_DISPUTES ? "repeated_disputes" : "fraud_label",
      subject: "customer",
      value: row.value,
      facts: { disputes: row.disputes, fraud_labels: row.fraudLabels },
    });
  const since = new Date(ctx.now().getTime() - CARD_TESTING_WINDOW_DAYS * DAY_MS);
  for (const by of ["ip_address", "customer"] as const) {
    const sources = await selectCardTestingSources(ctx.db, {
      organizationId,
      by,
      since,
      minAttempts: CARD_TESTING_MIN_ATTEMPTS,
    });
    for (const row of sources)
      candidates.push({
        kind: "blacklist",
        signal: "card_testing",
        subject: by,
        value: row.value,
        facts: {
          blocked_attempts: row.blockedAttempts,
          distinct_cards: row.distinctCards,
          window_days: CARD_TESTING_WINDOW_DAYS,
        },
      });
  }
  return candidates;
}

import type { RecommendationPattern } from "@orylo/ai";
import {
  type BacktestLabel,
  CurrencyRateMissingError,
  convert,
  emailDomainOf,
  type PaymentLookups,
  type Transaction,
} from "@orylo/engine";
import { groupBy, mapGroups, maxDistinctInWindow, type Pause } from "./sliding-window";

export interface RuleCandidate {
  text: string;
  pattern: RecommendationPattern;
  /** A country code or a provider's domain, never a person's data. */
  value: string | null;
  /** The pattern's main figure (fraud payments, attempts per card, cards per IP, repeated declines). */
  count: number;
}

const HOUR_MS = 3_600_000;
const TEN_MINUTES_MS = 600_000;
/** A value is suspicious from this many fraud payments, making up at least this share of its payments. */
const MIN_FRAUD = 2;
const MIN_FRAUD_SHARE = 0.2;
/** Attempts per card, or cards per IP, within an hour that point at card testing. */
const MIN_VELOCITY = 4;
const MIN_REPEATED_DECLINES = 5;

export interface MiningInput {
  /** The organization's payments over the recommendation window (90 days). */
  history: readonly Transaction[];
  labels: ReadonlyMap<string, BacktestLabel>;
  lookups: PaymentLookups;
  /**
   * Called every few hundred payments: at the 1 M-row cap mining takes seconds of CPU in the web process or
   * the inline task host, so the caller lets webhooks run meanwhile (`startTimeSlice`).
   */
  pause?: Pause;
}

const noPause: Pause = async () => {};

async function fraudConcentration(
  input: MiningInput,
  pattern: RecommendationPattern,
  keyOf: (payment: Transaction) => string | null,
  rule: (value: string) => string,
): Promise<RuleCandidate[]> {
  const pause = input.pause ?? noPause;
  const found = await mapGroups(
    await groupBy(input.history, keyOf, pause),
    (value, payments): RuleCandidate[] => {
      const fraud = payments.filter((payment) => input.labels.get(payment.chargeId) === "fraud").length;
      return fraud >= MIN_FRAUD && fraud / payments.length >= MIN_FRAUD_SHARE
        ? [{ text: rule(value), pattern, value, count: fraud }]
        : [];
    },
    pause,
  );
  return found.flat();
}

const isProvider = (lookups: PaymentLookups, domain: string) =>
  lookups.isDisposableEmailDomain(domain) || lookups.isFreeEmailDomain(domain);

function amountInEur(payment: Transaction): number | null {
  try {
    return convert(payment.amount, payment.currency, "eur");
  } catch (error) {
    if (error instanceof CurrencyRateMissingError) return null;
    throw error;
  }
}

/**
 * Patterns in the organization's payments, each turned into a rule in the rule language: values (card and IP
 * countries, free-mail or disposable providers) where labelled fraud concentrates, disposable emails used for
 * fraud, cards tried again and again, many cards from one IP, the same small amount declined in a row. Only
 * shapes and public values reach a rule: a custom email domain (a person's or a company's) is never proposed.
 * Pure: what survives is decided by the backtest.
 */
export async function mineRuleCandidates(input: MiningInput): Promise<RuleCandidate[]> {
  const { history, labels, lookups } = input;
  const pause = input.pause ?? noPause;
  const candidates = [
    ...(await fraudConcentration(
      input,
      "fraud_card_country",
      (p) => p.cardCountry,
      (v) => `Review if :card_country: = '${v}'`,
    )),
    ...(await fraudConcentration(
      input,
      "fraud_ip_country",
      (p) => (p.ipAddress ? lookups.ipCountry(p.ipAddress) : null),
      (v) => `Review if :ip_country: = '${v}'`,
    )),
    ...(await fraudConcentration(
      input,
      "fraud_email_domain",
      (p) => {
        const domain = emailDomainOf(p.email);
        return domain && isProvider(lookups, domain) && /^[a-z0-9.-]+$/.test(domain) ? domain : null;
      },
      (v) => `Review if :email_domain: = '${v}'`,
    )),
  ];

  // Fraud payments by email, then each email's domain checked once.
  const labelled = (p: Transaction) => (labels.get(p.chargeId) === "fraud" ? p.email : null);
  const fraudEmails = await groupBy(history, labelled, pause);
  let disposableFraud = 0;
  for (const [email, payments] of fraudEmails) {
    const domain = emailDomainOf(email);
    if (domain && lookups.isDisposableEmailDomain(domain)) disposableFraud += payments.length;
  }
  if (disposableFraud >= MIN_FRAUD)
    candidates.push({
      text: "Block if :is_disposable_email:",
      pattern: "disposable_email",
      value: null,
      count: disposableFraud,
    });

  const attempts = (p: Transaction) => ({ time: p.createdAt.getTime(), value: p.chargeId });
  const perCard = Math.max(
    0,
    ...(await mapGroups(
      await groupBy(history, (p) => p.cardFingerprint, pause),
      (_, payments) => maxDistinctInWindow(payments.map(attempts), HOUR_MS),
      pause,
    )),
  );
  if (perCard >= MIN_VELOCITY)
    candidates.push({
      text: `Block if :total_charges_per_card_number_hourly: >= ${MIN_VELOCITY - 1}`,
      pattern: "card_velocity",
      value: null,
      count: perCard,
    });

  const perIp = Math.max(
    0,
    ...(await mapGroups(
      await groupBy(history, (p) => p.ipAddress, pause),
      (_, payments) =>
        maxDistinctInWindow(
          payments.flatMap((p) =>
            p.cardFingerprint ? [{ time: p.createdAt.getTime(), value: p.cardFingerprint }] : [],
          ),
          HOUR_MS,
        ),
      pause,
    )),
  );
  if (perIp >= MIN_VELOCITY)
    candidates.push({
      text: `Block if :card_count_for_ip_address_hourly: >= ${MIN_VELOCITY - 1}`,
      pattern: "ip_card_velocity",
      value: null,
      count: perIp,
    });

  const declined = history.filter((p) => p.status === "failed");
  for (const [, payments] of await groupBy(declined, (p) => `${p.amount} ${p.currency}`, pause)) {
    const repeats = maxDistinctInWindow(payments.map(attempts), TEN_MINUTES_MS);
    const eur = payments[0] ? amountInEur(payments[0]) : null;
    if (repeats < MIN_REPEATED_DECLINES || eur === null || eur > 10) continue;
    candidates.push({
      text: `Review if :merchant_same_amount_charges_10m: >= ${MIN_REPEATED_DECLINES - 1} and :amount_in_eur: <= ${Math.max(1, Math.ceil(eur))}`,
      pattern: "repeated_amount",
      value: null,
      count: repeats,
    });
  }
  return [...new Map(candidates.map((candidate) => [candidate.text, candidate])).values()];
}

import type { RecommendationPattern } from "@orylo/ai";
import {
  type BacktestLabel,
  CurrencyRateMissingError,
  convert,
  emailDomainOf,
  type PaymentLookups,
  type Transaction,
} from "@orylo/engine";
import { HighestWindowPeak, WindowPeak } from "./sliding-window";

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

type Tally = { payments: number; fraud: number };

function tally(tallies: Map<string, Tally>, value: string | null, fraud: boolean): void {
  if (value === null) return;
  const found = tallies.get(value);
  if (found) {
    found.payments += 1;
    if (fraud) found.fraud += 1;
  } else tallies.set(value, { payments: 1, fraud: fraud ? 1 : 0 });
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
 * What survives is decided by the backtest.
 *
 * Fed one payment at a time in time order (the history pages' order), it keeps counts per value and each
 * key's current window, never the payments: 90 days at the 1 M-row cap held as objects took over a gigabyte of
 * the web process's heap (docs/performance.md).
 */
export class RuleMiner {
  private readonly cardCountries = new Map<string, Tally>();
  private readonly ipCountries = new Map<string, Tally>();
  private readonly emailProviders = new Map<string, Tally>();
  private disposableFraud = 0;
  private readonly attemptsPerCard = new HighestWindowPeak(HOUR_MS);
  private readonly cardsPerIp = new HighestWindowPeak(HOUR_MS);
  private readonly declinedAmounts = new Map<string, { peak: WindowPeak; eur: number | null }>();

  constructor(
    private readonly labels: ReadonlyMap<string, BacktestLabel>,
    private readonly lookups: PaymentLookups,
  ) {}

  add(p: Transaction): void {
    const fraud = this.labels.get(p.chargeId) === "fraud";
    const time = p.createdAt.getTime();
    tally(this.cardCountries, p.cardCountry, fraud);
    tally(this.ipCountries, p.ipAddress ? this.lookups.ipCountry(p.ipAddress) : null, fraud);
    const domain = emailDomainOf(p.email);
    const provider =
      domain && isProvider(this.lookups, domain) && /^[a-z0-9.-]+$/.test(domain) ? domain : null;
    tally(this.emailProviders, provider, fraud);
    if (fraud && domain && this.lookups.isDisposableEmailDomain(domain)) this.disposableFraud += 1;
    if (p.cardFingerprint) this.attemptsPerCard.add(p.cardFingerprint, time);
    if (p.ipAddress && p.cardFingerprint) this.cardsPerIp.add(p.ipAddress, time, p.cardFingerprint);
    if (p.status === "failed") {
      const key = `${p.amount} ${p.currency}`;
      let declined = this.declinedAmounts.get(key);
      if (!declined) {
        declined = { peak: new WindowPeak(TEN_MINUTES_MS), eur: amountInEur(p) };
        this.declinedAmounts.set(key, declined);
      }
      declined.peak.add(time);
    }
  }

  candidates(): RuleCandidate[] {
    const candidates = [
      ...concentrated(this.cardCountries, "fraud_card_country", (v) => `Review if :card_country: = '${v}'`),
      ...concentrated(this.ipCountries, "fraud_ip_country", (v) => `Review if :ip_country: = '${v}'`),
      ...concentrated(this.emailProviders, "fraud_email_domain", (v) => `Review if :email_domain: = '${v}'`),
      ...reaching(MIN_FRAUD, this.disposableFraud, "disposable_email", "Block if :is_disposable_email:"),
      ...reaching(
        MIN_VELOCITY,
        this.attemptsPerCard.highest,
        "card_velocity",
        `Block if :total_charges_per_card_number_hourly: >= ${MIN_VELOCITY - 1}`,
      ),
      ...reaching(
        MIN_VELOCITY,
        this.cardsPerIp.highest,
        "ip_card_velocity",
        `Block if :card_count_for_ip_address_hourly: >= ${MIN_VELOCITY - 1}`,
      ),
    ];
    for (const { peak, eur } of this.declinedAmounts.values()) {
      if (peak.peak < MIN_REPEATED_DECLINES || eur === null || eur > 10) continue;
      candidates.push({
        text: `Review if :merchant_same_amount_charges_10m: >= ${MIN_REPEATED_DECLINES - 1} and :amount_in_eur: <= ${Math.max(1, Math.ceil(eur))}`,
        pattern: "repeated_amount",
        value: null,
        count: peak.peak,
      });
    }
    return [...new Map(candidates.map((candidate) => [candidate.text, candidate])).values()];
  }
}

/** A pattern without a value (a velocity, disposable emails) as a candidate once its figure reaches `min`. */
function reaching(min: number, count: number, pattern: RecommendationPattern, text: string): RuleCandidate[] {
  return count >= min ? [{ text, pattern, value: null, count }] : [];
}

function concentrated(
  tallies: ReadonlyMap<string, Tally>,
  pattern: RecommendationPattern,
  rule: (value: string) => string,
): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const [value, { payments, fraud }] of tallies)
    if (fraud >= MIN_FRAUD && fraud / payments >= MIN_FRAUD_SHARE)
      candidates.push({ text: rule(value), pattern, value, count: fraud });
  return candidates;
}

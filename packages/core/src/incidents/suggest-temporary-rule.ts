import { CurrencyRateMissingError, convert } from "@orylo/engine";

/** How long a suggested incident rule lives: long enough for the attack, short enough not to linger. */
export const TEMPORARY_RULE_HOURS = 24;

interface BlockedAttempt {
  amount: number;
  currency: string;
  ipAddress: string | null;
}

function amountInEur(attempt: BlockedAttempt): number | null {
  try {
    return convert(attempt.amount, attempt.currency, "eur");
  } catch (error) {
    if (error instanceof CurrencyRateMissingError) return null;
    throw error;
  }
}

/**
 * A rule in the rule language against this attack's shape, naming no card, email or IP: cards per IP when
 * one address carries most of the attempts; otherwise the organization's decline rate on amounts as small
 * as the attack's (attacks spread over many IPs).
 */
export function suggestTemporaryRule(blocked: readonly BlockedAttempt[]): string {
  const perIp = new Map<string, number>();
  for (const { ipAddress } of blocked) if (ipAddress) perIp.set(ipAddress, (perIp.get(ipAddress) ?? 0) + 1);
  const busiest = Math.max(0, ...perIp.values());
  if (busiest * 2 >= blocked.length) return "Block if :card_count_for_ip_address_10m: >= 3";
  const amounts = blocked.map(amountInEur).filter((amount): amount is number => amount !== null);
  const ceiling = Math.max(1, Math.ceil(Math.max(0, ...amounts)));
  return `Block if :merchant_decline_rate_10m: >= 0.5 and :amount_in_eur: <= ${ceiling}`;
}

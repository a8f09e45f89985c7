import { type Executor, suggestions } from "@orylo/db";

/** Pending blacklist suggestions as `suggestions.refresh` stores them (IPs 198.51.100.1…count); their ids. */
export async function seedSuggestions(
  db: Executor,
  organizationId: string,
  count: number,
): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, index) => ({
    id: `sug_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`,
    organizationId,
    kind: "blacklist" as const,
    signal: "card_testing",
    subject: "ip_address",
    value: `198.51.100.${index + 1}`,
    facts: { blocked_attempts: 3, distinct_cards: 3, window_days: 7 },
    confidence: 0.7,
    reasoning: "3 payments from this IP address were blocked as card testing.",
    reasoningSource: "template",
    promptVersion: "suggest-v1",
  }));
  await db.insert(suggestions).values(rows);
  return rows.map((row) => row.id);
}

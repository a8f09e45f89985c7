import { type Executor, upsertPendingRecommendation } from "@orylo/db";

/** A pending recommendation as `rules.recommend` stores it, for the API tests that decide on one. */
export async function seedRecommendation(
  db: Executor,
  organizationId: string,
  text: string,
): Promise<string> {
  const saved = await upsertPendingRecommendation(
    db,
    {
      id: `rec_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`,
      organizationId,
      text,
      action: "review",
      pattern: "fraud_card_country",
      evidence: { value: "BR", count: 3 },
      backtest: {
        from: new Date(Date.now() - 90 * 86_400_000).toISOString(),
        to: new Date().toISOString(),
        payments: 19,
        hits: 5,
        fraud: 3,
        legitimate: 0,
        tooYoung: 2,
        fraudAmounts: { eur: 30_000 },
        legitimateAmounts: {},
        reportingCurrency: "eur",
        fraudStopped: 300,
        legitimateHit: 0,
      },
      rationale: "3 payments with cards issued in BR turned out to be fraud.",
      rationaleSource: "template",
      language: "en",
    },
    new Date(),
  );
  if (!saved) throw new Error("recommendation not stored");
  return saved.id;
}

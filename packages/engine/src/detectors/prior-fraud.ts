import { type Detector, hit, noHit, readNumber, unexplainedHit, unexplainedNoHit } from "./detector";

/**
 * SPEC §B: prior fraud on the same card, customer or email. Counts the fraud labels recorded on their earlier
 * payments (fraudulent disputes, early fraud warnings, fraudulent refunds; all time, won disputes included).
 * A card is personal, so fraud on it is REVIEW-level and more on its own; a customer or an email can be
 * shared by a family or an office, so it weighs less. Devices are on the block list the label already made;
 * an IP is too often shared to condemn a payment on its own.
 */
const SOURCES = [
  {
    entity: "card_number",
    score: 70,
    features: {
      disputes: "dispute_count_on_card_number_all_time",
      early_fraud_warnings: "efw_count_on_card_all_time",
      fraudulent_refunds: "fraudulent_refund_count_on_card_all_time",
    },
  },
  {
    entity: "customer",
    score: 50,
    features: {
      disputes: "dispute_count_on_customer_all_time",
      early_fraud_warnings: "efw_count_on_customer_all_time",
    },
  },
  {
    entity: "email",
    score: 45,
    features: {
      disputes: "dispute_count_on_email_all_time",
      early_fraud_warnings: "efw_count_on_email_all_time",
    },
  },
] as const;
/** Each source's features as [what, name] pairs (built once: `detect` runs for every payment). */
const SOURCE_READS = SOURCES.map(({ entity, score, features }) => ({
  entity,
  score,
  reads: Object.entries(features),
}));
/** Each further source with prior fraud (card and customer, ...) adds this much. */
const CORROBORATION = 10;

export const priorFraudDetector: Detector = {
  name: "prior_fraud",
  reads: SOURCE_READS.flatMap(({ reads }) => reads.map(([, name]) => name)),
  detect(_transaction, features, _settings, explain = true) {
    const found: { entity: string; score: number; events: number; counts: Record<string, number> }[] = [];
    for (const { entity, score, reads } of SOURCE_READS) {
      let events = 0;
      for (const [, name] of reads) events += readNumber(features, name) ?? 0;
      if (events > 0)
        found.push({
          entity,
          score,
          events,
          counts: explain
            ? Object.fromEntries(reads.map(([what, name]) => [what, readNumber(features, name) ?? 0]))
            : {},
        });
    }
    const [first] = found;
    if (!explain)
      return first
        ? unexplainedHit(first.score + CORROBORATION * (found.length - 1), `prior_fraud_on_${first.entity}`)
        : unexplainedNoHit("no_prior_fraud");
    if (!first)
      return noHit(
        "no_prior_fraud",
        {},
        "No dispute, early fraud warning or fraudulent refund on this card, customer or email before.",
      );
    const score = first.score + CORROBORATION * (found.length - 1);
    return hit(
      score,
      `prior_fraud_on_${first.entity}`,
      { entity: first.entity, ...first.counts, entities_with_prior_fraud: found.length },
      `${first.events} fraud report(s) on earlier payments of this ${first.entity.replace("_", " ")}; ${found.length} of card, customer and email have some.`,
    );
  },
};

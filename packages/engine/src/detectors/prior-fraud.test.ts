import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { DEFAULT_ENGINE_SETTINGS } from "../settings";
import { featuresWith } from "../test-helpers/features";
import { makeTransaction } from "../test-helpers/make-transaction";
import { priorFraudDetector } from "./prior-fraud";

const detect = (overrides: Record<string, number | null>) =>
  priorFraudDetector.detect(makeTransaction(), featuresWith(overrides), DEFAULT_ENGINE_SETTINGS);

describe("priorFraudDetector", () => {
  it("does not hit without prior fraud, nor on unknown counts (no card, customer or email)", () => {
    expect(detect({})).toMatchObject({ status: "no_hit", score: 0, reasonCode: "no_prior_fraud" });
    expect(
      detect({ dispute_count_on_card_number_all_time: null, efw_count_on_customer_all_time: null }),
    ).toMatchObject({ status: "no_hit" });
  });

  it("ignores fraud seen only on the IP address (shared) or in a window shorter than all time", () => {
    expect(detect({ dispute_count_on_ip_all_time: 3, efw_count_on_ip_weekly: 2 }).status).toBe("no_hit");
  });

  it.each([
    [{ dispute_count_on_card_number_all_time: 1 }, "prior_fraud_on_card_number", 70],
    [{ efw_count_on_card_all_time: 2 }, "prior_fraud_on_card_number", 70],
    [{ fraudulent_refund_count_on_card_all_time: 1 }, "prior_fraud_on_card_number", 70],
    [{ efw_count_on_customer_all_time: 1 }, "prior_fraud_on_customer", 50],
    [{ dispute_count_on_email_all_time: 1 }, "prior_fraud_on_email", 45],
    [
      { dispute_count_on_card_number_all_time: 1, efw_count_on_customer_all_time: 1 },
      "prior_fraud_on_card_number",
      80,
    ],
    [
      {
        efw_count_on_card_all_time: 1,
        dispute_count_on_customer_all_time: 2,
        efw_count_on_email_all_time: 1,
      },
      "prior_fraud_on_card_number",
      90,
    ],
  ])("%o → %s, score %i", (features, reasonCode, score) => {
    expect(detect(features)).toMatchObject({ status: "hit", reasonCode, score });
  });

  it("reports the counts as evidence, without any identifier", () => {
    const finding = detect({ dispute_count_on_card_number_all_time: 2, efw_count_on_card_all_time: 1 });
    expect(finding.evidence).toEqual({
      entity: "card_number",
      disputes: 2,
      early_fraud_warnings: 1,
      fraudulent_refunds: 0,
      entities_with_prior_fraud: 1,
    });
  });

  it("sends a card with an earlier fraudulent dispute to review at least, through evaluate", () => {
    const evaluation = evaluate(
      makeTransaction(),
      featuresWith({ dispute_count_on_card_number_all_time: 1 }),
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(evaluation.decision).not.toBe("ALLOW");
    expect(evaluation.contributions.find((c) => c.detector === "prior_fraud")?.status).toBe("hit");
  });
});

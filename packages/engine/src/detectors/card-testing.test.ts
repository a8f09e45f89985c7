import { describe, expect, it } from "vitest";
import type { FeatureVector } from "../features/catalogue";
import { DEFAULT_ENGINE_SETTINGS } from "../settings";
import { featuresWith } from "../test-helpers/features";
import { declined, makeTransaction } from "../test-helpers/make-transaction";
import type { Transaction } from "../transaction";
import { cardTestingDetector } from "./card-testing";

const failed = declined("card_declined");
const ipBurst = {
  card_count_for_ip_address_10m: 3,
  total_charges_per_ip_address_10m: 3,
  declined_charges_per_ip_address_10m: 2,
};

describe("cardTestingDetector", () => {
  it.each<{
    name: string;
    transaction: Partial<Transaction>;
    features: FeatureVector;
    reason: string;
    score: number;
  }>([
    { name: "quiet", transaction: {}, features: {}, reason: "card_testing_not_seen", score: 0 },
    {
      name: "enumeration from one IP, declined, tiny",
      transaction: { ...failed, amount: 100 },
      features: ipBurst,
      reason: "card_testing_enumeration",
      score: 90,
    },
    {
      name: "enumeration, declined, normal amount",
      transaction: { ...failed, amount: 5_000 },
      features: ipBurst,
      reason: "card_testing_enumeration",
      score: 85,
    },
    {
      name: "many cards, all succeeding, tiny amounts",
      transaction: { amount: 50 },
      features: { card_count_for_ip_address_10m: 4, total_charges_per_ip_address_10m: 4 },
      reason: "card_testing_enumeration",
      score: 80,
    },
    {
      name: "many cards behind a shared IP, nothing else",
      transaction: {},
      features: { card_count_for_ip_address_hourly: 5, total_charges_per_ip_address_hourly: 5 },
      reason: "card_testing_many_cards",
      score: 15,
    },
    {
      name: "many cards behind one email weigh more",
      transaction: {},
      features: { card_count_for_email_10m: 3, total_charges_per_email_10m: 3 },
      reason: "card_testing_many_cards",
      score: 35,
    },
    {
      name: "third decline in 10 minutes on one card",
      transaction: { ...failed },
      features: { total_charges_per_card_number_10m: 2, declined_charges_per_card_number_10m: 2 },
      reason: "card_testing_repeated_declines",
      score: 35,
    },
    {
      name: "fourth decline",
      transaction: { ...declined("incorrect_cvc") },
      features: { total_charges_per_card_number_10m: 3, declined_charges_per_card_number_10m: 3 },
      reason: "card_testing_repeated_declines",
      score: 45,
    },
    {
      name: "declined twice, then pays",
      transaction: {},
      features: { total_charges_per_card_number_10m: 2, declined_charges_per_card_number_10m: 2 },
      reason: "card_testing_not_seen",
      score: 0,
    },
    {
      name: "declines diluted by successes are not a sequence",
      transaction: { ...failed },
      features: { total_charges_per_email_10m: 8, declined_charges_per_email_10m: 2 },
      reason: "card_testing_not_seen",
      score: 0,
    },
    {
      name: "a slower sequence within the hour",
      transaction: { ...failed },
      features: { total_charges_per_customer_hourly: 6, declined_charges_per_customer_hourly: 4 },
      reason: "card_testing_repeated_declines",
      score: 35,
    },
    {
      name: "a weak 10-minute window does not hide a strong hourly one",
      transaction: { ...failed },
      features: {
        card_count_for_email_10m: 3,
        total_charges_per_email_10m: 3,
        card_count_for_email_hourly: 6,
        total_charges_per_email_hourly: 8,
        declined_charges_per_email_hourly: 6,
      },
      reason: "card_testing_enumeration",
      score: 85,
    },
    {
      name: "a long hourly decline sequence outweighs a short 10-minute one",
      transaction: { ...failed },
      features: {
        total_charges_per_card_number_10m: 2,
        declined_charges_per_card_number_10m: 2,
        total_charges_per_card_number_hourly: 10,
        declined_charges_per_card_number_hourly: 9,
      },
      reason: "card_testing_repeated_declines",
      score: 60,
    },
    {
      name: "unknown card counts do not hit",
      transaction: { ...failed, amount: 100 },
      features: {
        ...ipBurst,
        card_count_for_ip_address_10m: null,
        declined_charges_per_ip_address_10m: null,
      },
      reason: "card_testing_not_seen",
      score: 0,
    },
  ])("$name", ({ transaction, features, reason, score }) => {
    const finding = cardTestingDetector.detect(
      makeTransaction(transaction),
      featuresWith(features),
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(finding).toMatchObject({ reasonCode: reason, score, status: score > 0 ? "hit" : "no_hit" });
  });

  it("shows the counts a person needs to check it", () => {
    const finding = cardTestingDetector.detect(
      makeTransaction({ ...failed, amount: 100 }),
      featuresWith(ipBurst),
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(finding.evidence).toMatchObject({
      entity: "ip_address",
      card_count_for_ip_address_10m: 3,
      declines_including_this: 3,
      attempts_including_this: 4,
      failure_ratio: 0.75,
      tiny_amount: true,
    });
  });
});

import { describe, expect, it } from "vitest";
import { FEATURE_NAMES, type FeatureVector } from "../features/catalogue";
import { DEFAULT_ENGINE_SETTINGS } from "../settings";
import { featuresWith } from "../test-helpers/features";
import { makeTransaction } from "../test-helpers/make-transaction";
import { velocityDetector } from "./velocity";

const allNull: FeatureVector = Object.fromEntries(FEATURE_NAMES.map((name) => [name, null]));

describe("velocityDetector", () => {
  it.each([
    { name: "no history", features: featuresWith(), status: "no_hit", score: 0 },
    { name: "unknown counts are not zero, and do not hit", features: allNull, status: "no_hit", score: 0 },
    {
      name: "IP below its limit",
      features: featuresWith({ total_charges_per_ip_address_10m: 4 }),
      status: "no_hit",
      score: 0,
    },
    {
      name: "card at its 10m limit",
      features: featuresWith({ total_charges_per_card_number_10m: 3 }),
      status: "hit",
      score: 25,
    },
    {
      name: "card at twice its limit",
      features: featuresWith({ total_charges_per_card_number_10m: 6 }),
      status: "hit",
      score: 60,
    },
    {
      name: "velocity alone never blocks",
      features: featuresWith({ total_charges_per_email_daily: 500 }),
      status: "hit",
      score: 60,
    },
    {
      name: "shared IP, a busy day",
      features: featuresWith({ total_charges_per_ip_address_daily: 12 }),
      status: "no_hit",
      score: 0,
    },
  ])("$name", ({ features, status, score }) => {
    const finding = velocityDetector.detect(makeTransaction(), features, DEFAULT_ENGINE_SETTINGS);
    expect(finding).toMatchObject({ status, score });
  });

  it.each([
    {
      name: "a carrier IP with weeks of history: a busy week is its usual",
      counts: { hourly: 1, daily: 14, weekly: 97, all_time: 1_250 },
      status: "no_hit",
    },
    {
      name: "a new IP as busy all week",
      counts: { hourly: 1, daily: 14, weekly: 97, all_time: 97 },
      status: "hit",
      evidence: { feature: "total_charges_per_ip_address_weekly", limit: 50 },
    },
    {
      name: "a carrier IP's day at three times the rest of its week",
      counts: { hourly: 2, daily: 45, weekly: 125, all_time: 1_250 },
      status: "hit",
      evidence: { feature: "total_charges_per_ip_address_daily", limit: 40 },
    },
    {
      name: "a carrier IP's hour at three times the rest of its day",
      counts: { hourly: 12, daily: 35, weekly: 125, all_time: 1_250 },
      status: "hit",
      evidence: { feature: "total_charges_per_ip_address_hourly", limit: 10 },
    },
    {
      name: "a carrier IP's busy hour within a busy day",
      counts: { hourly: 11, daily: 104, weekly: 400, all_time: 5_000 },
      status: "no_hit",
    },
    {
      name: "a new carrier IP's busy first day: nearly every payment another card",
      counts: { hourly: 4, daily: 70, weekly: 70, all_time: 70 },
      cards: { daily: 64, weekly: 64 },
      status: "no_hit",
    },
    {
      name: "a new IP whose few cards pay again and again",
      counts: { hourly: 3, daily: 30, weekly: 30, all_time: 30 },
      cards: { daily: 4, weekly: 4 },
      status: "hit",
      evidence: { feature: "total_charges_per_ip_address_daily", limit: 20 },
    },
    {
      name: "a new IP's burst counts every payment, whatever the cards",
      counts: { hourly: 10, daily: 10, weekly: 10, all_time: 10 },
      cards: { hourly: 10, daily: 10, weekly: 10 },
      status: "hit",
      evidence: { feature: "total_charges_per_ip_address_hourly", limit: 10 },
    },
  ])("$name", ({ counts, cards = {}, status, evidence }) => {
    const features = featuresWith({
      ...Object.fromEntries(
        Object.entries(counts).map(([window, count]) => [`total_charges_per_ip_address_${window}`, count]),
      ),
      ...Object.fromEntries(
        Object.entries(cards).map(([window, count]) => [`card_count_for_ip_address_${window}`, count]),
      ),
    });
    const finding = velocityDetector.detect(makeTransaction(), features, DEFAULT_ENGINE_SETTINGS);
    expect(finding).toMatchObject({ status, ...(evidence ? { evidence } : {}) });
  });

  it("names the worst feature and how many limits were exceeded", () => {
    const features = featuresWith({
      total_charges_per_card_number_10m: 4,
      total_charges_per_card_number_hourly: 9,
    });
    const finding = velocityDetector.detect(makeTransaction(), features, DEFAULT_ENGINE_SETTINGS);
    expect(finding.reasonCode).toBe("velocity_high");
    expect(finding.evidence).toMatchObject({
      feature: "total_charges_per_card_number_hourly",
      count: 9,
      limit: 5,
      limits_exceeded: 2,
    });
  });
});

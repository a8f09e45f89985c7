import type { Contribution } from "@orylo/engine";
import { describe, expect, it } from "vitest";
import { explainWithTemplates } from "./explain-with-templates";
import { Explanation } from "./explanation";
import { hit, noHit, plain } from "./test-contributions";

const DETECTORS = ["velocity", "card_testing", "merchant_card_testing", "amount_anomaly", "card_profile"];
const explain = (contributions: Contribution[], language: "fr" | "en", decision = "BLOCK" as const) =>
  explainWithTemplates({ decision, riskScore: 90, contributions, language });

/** One hit per detector and reason code, with the evidence the engine writes, and how it reads. */
const HITS: { hit: Contribution; en: string; fr: string }[] = [
  {
    hit: hit("velocity", 43, "velocity_high", {
      feature: "total_charges_per_card_number_hourly",
      count: 8,
      limit: 5,
      limits_exceeded: 3,
    }),
    en: "8 earlier payments with this card in the last hour (limit 5); 3 rate limits exceeded",
    fr: "8 paiements antérieurs avec cette carte sur la dernière heure (limite 5) ; 3 limites de fréquence dépassées",
  },
  {
    hit: hit("card_testing", 90, "card_testing_enumeration", {
      entity: "ip_address",
      card_count_for_ip_address_10m: 7,
      declines_including_this: 5,
      attempts_including_this: 8,
      failure_ratio: 0.625,
      amount: 100,
      currency: "eur",
      tiny_amount_limit: 200,
      tiny_amount: true,
    }),
    en: "7 different cards already used from this IP address in the last 10 minutes; 5 of 8 attempts declined (63%), this one included; tiny amount: 1.00 EUR (threshold 2.00 EUR)",
    fr: "7 cartes différentes déjà utilisées depuis cette adresse IP sur les 10 dernières minutes ; 5 tentatives refusées sur 8 (63 %), celle-ci comprise ; montant minime : 1,00 EUR (seuil 2,00 EUR)",
  },
  {
    hit: hit("card_testing", 35, "card_testing_many_cards", {
      entity: "email",
      card_count_for_email_hourly: 5,
      declines_including_this: null,
      attempts_including_this: null,
      failure_ratio: null,
      amount: 5_000,
      currency: "usd",
      tiny_amount_limit: 200,
      tiny_amount: false,
    }),
    en: "5 different cards already used from this email address in the last hour",
    fr: "5 cartes différentes déjà utilisées avec cette adresse e-mail sur la dernière heure",
  },
  {
    hit: hit("card_testing", 45, "card_testing_repeated_declines", {
      entity: "card_number",
      window: "10m",
      declines_including_this: 4,
      attempts_including_this: 5,
      failure_ratio: 0.8,
      decline_code: "incorrect_cvc",
    }),
    en: "4 of 5 attempts with this card in the last 10 minutes declined (80%), this one included; decline code: incorrect_cvc",
    fr: "4 tentatives refusées sur 5 avec cette carte sur les 10 dernières minutes (80 %), celle-ci comprise ; code de refus : incorrect_cvc",
  },
  {
    hit: hit("merchant_card_testing", 85, "merchant_decline_spike", {
      merchant_charges_10m: 20,
      merchant_declined_charges_10m: 12,
      merchant_decline_rate_10m: 0.6,
      merchant_same_amount_charges_10m: 9,
      merchant_charges_hourly: 60,
      merchant_declined_charges_hourly: 35,
      merchant_decline_rate_hourly: 0.583,
      merchant_same_amount_charges_hourly: 20,
      amount: 100,
      tiny_amount_limit: 200,
      tiny_amount: true,
      decline_spike: true,
      same_amount_burst: true,
    }),
    en: "12 declines out of 20 shop payments in the last 10 minutes (60%); 9 of the 20 shop payments in the last 10 minutes had this exact amount; this payment's amount is tiny",
    fr: "12 refus sur 20 paiements de la boutique sur les 10 dernières minutes (60 %) ; 9 des 20 paiements de la boutique sur les 10 dernières minutes avaient exactement ce montant ; le montant de ce paiement est minime",
  },
  {
    hit: hit("merchant_card_testing", 10, "merchant_same_amount_burst", {
      merchant_charges_10m: 4,
      merchant_declined_charges_10m: 0,
      merchant_decline_rate_10m: 0,
      merchant_same_amount_charges_10m: 1,
      merchant_charges_hourly: 40,
      merchant_declined_charges_hourly: 2,
      merchant_decline_rate_hourly: 0.05,
      merchant_same_amount_charges_hourly: 16,
      amount: 2_500,
      tiny_amount_limit: 200,
      tiny_amount: false,
      decline_spike: false,
      same_amount_burst: true,
    }),
    en: "16 of the 40 shop payments in the last hour had this exact amount",
    fr: "16 des 40 paiements de la boutique sur la dernière heure avaient exactement ce montant",
  },
  {
    hit: hit("amount_anomaly", 36, "amount_unusually_high", {
      amount: 125_000,
      currency: "eur",
      merchant_amount_count_recent: 200,
      merchant_amount_mean_recent: 4_500,
      merchant_amount_stddev_recent: 2_000,
      min_history: 30,
      z_score: 6.25,
    }),
    en: "Amount of 1,250.00 EUR, 6.3 standard deviations above the shop's recent average (45.00 EUR, 200 payments)",
    fr: "Montant de 1 250,00 EUR, 6,3 écarts-types au-dessus de la moyenne de la boutique sur ses derniers paiements (45,00 EUR, 200 paiements)",
  },
  {
    // Stored before the amount history was bounded to the last 200 payments: the 30-day keys.
    hit: hit("amount_anomaly", 36, "amount_unusually_high", {
      amount: 125_000,
      currency: "eur",
      merchant_amount_count_30d: 1_240,
      merchant_amount_mean_30d: 4_500,
      merchant_amount_stddev_30d: 2_000,
      min_history: 30,
      z_score: 6.25,
    }),
    en: "Amount of 1,250.00 EUR, 6.3 standard deviations above the shop's 30-day average (45.00 EUR, 1,240 payments)",
    fr: "Montant de 1 250,00 EUR, 6,3 écarts-types au-dessus de la moyenne de la boutique sur 30 jours (45,00 EUR, 1 240 paiements)",
  },
  {
    hit: hit("card_profile", 24, "card_cvc_check_failed", {
      cvc_check: "fail",
      address_postal_code_check: "fail",
      address_line1_check: null,
      card_funding: "prepaid",
    }),
    en: "CVC check failed, postal code check failed and prepaid card",
    fr: "Contrôle du CVC échoué, contrôle du code postal échoué et carte prépayée",
  },
  {
    hit: hit("radar_passthrough", 85, "radar_outcome_blocked", {
      outcome_type: "blocked",
      radar_risk_level: "highest",
      radar_risk_score: 91,
    }),
    en: "Stripe Radar blocked this payment (risk level highest, Radar score 91)",
    fr: "Stripe Radar a bloqué ce paiement (niveau de risque maximal, score Radar 91)",
  },
  {
    hit: hit("radar_passthrough", 35, "radar_risk_elevated", {
      outcome_type: "authorized",
      radar_risk_level: "elevated",
      radar_risk_score: 67,
    }),
    en: "Stripe Radar rates the risk elevated (Radar score 67)",
    fr: "Stripe Radar évalue le risque comme élevé (score Radar 67)",
  },
  {
    hit: hit("prior_fraud", 30, "prior_fraud_on_card_number", {
      entity: "card_number",
      disputes: 2,
      early_fraud_warnings: 1,
      fraudulent_refunds: 0,
      entities_with_prior_fraud: 2,
    }),
    en: "2 fraudulent disputes and 1 early fraud warning on earlier payments with this card; 1 other source(s) linked to fraud",
    fr: "2 litiges pour fraude et 1 alerte précoce de fraude sur des paiements antérieurs avec cette carte ; 1 autre(s) source(s) liée(s) à de la fraude",
  },
  {
    hit: hit("geo_mismatch", 20, "ip_country_differs", { ip_country_count: 2, distance_ratio: 0.5 }),
    en: "Signal ip_country_differs raised by the geo_mismatch check; ip_country_count: 2; distance_ratio: 0.5",
    fr: "Signal ip_country_differs relevé par le contrôle geo_mismatch ; ip_country_count : 2 ; distance_ratio : 0,5",
  },
];

describe("a factor per detector hit, in both languages", () => {
  it.each(HITS.flatMap((row) => (["en", "fr"] as const).map((language) => ({ ...row, language }))))(
    "$hit.reasonCode in $language",
    ({ hit, language, ...expected }) => {
      const explanation = explain([hit], language);
      expect(explanation.factors).toHaveLength(1);
      expect(explanation.factors[0]?.signal).toBe(hit.reasonCode);
      expect(explanation.factors[0]?.weight).toBe(hit.score / 100);
      expect(plain(explanation.factors[0]?.evidence ?? "")).toBe(expected[language]);
    },
  );
});

describe("the summary", () => {
  const [velocity, enumeration, , , spike, , amount, , card, radar] = HITS.map((row) => row.hit);
  const clean = DETECTORS.map(noHit);
  it.each([
    {
      name: "BLOCK with many signals",
      decision: "BLOCK" as const,
      riskScore: 99,
      contributions: [velocity!, enumeration!, spike!, amount!, radar!],
      action: "block",
      en: "Payment blocked (risk score 99/100). Main signals: card testing, shop-wide decline spike, Stripe Radar and 2 more.",
      fr: "Paiement bloqué (score de risque 99/100). Signaux principaux : test de cartes, pic de refus sur la boutique, Stripe Radar et 2 autres.",
    },
    {
      name: "REVIEW with one signal",
      decision: "REVIEW" as const,
      riskScore: 43,
      contributions: [...clean, velocity!],
      action: "review",
      en: "Payment held for review (risk score 43/100). Main signal: payment velocity.",
      fr: "Paiement à examiner (score de risque 43/100). Signal principal : fréquence des paiements.",
    },
    {
      name: "ALLOW with weak signals",
      decision: "ALLOW" as const,
      riskScore: 15,
      contributions: [card!, { ...amount!, score: 10 }],
      action: "monitor",
      en: "Payment allowed (risk score 15/100). Weak signals to watch: card checks and unusually high amount.",
      fr: "Paiement accepté (score de risque 15/100). Signaux faibles à surveiller : contrôles de la carte et montant inhabituellement élevé.",
    },
    {
      name: "ALLOW with no hit",
      decision: "ALLOW" as const,
      riskScore: 0,
      contributions: [...clean, noHit("radar_passthrough")],
      action: "allow",
      en: "Payment allowed (risk score 0/100). No fraud signal found (6 checks run).",
      fr: "Paiement accepté (score de risque 0/100). Aucun signal de fraude relevé (6 contrôles exécutés).",
    },
    {
      name: "a decision no detector explains (a rule or a list)",
      decision: "BLOCK" as const,
      riskScore: 0,
      contributions: clean,
      action: "block",
      en: "Payment blocked (risk score 0/100). No check found a fraud signal: the decision comes from the organization's rules or lists.",
      fr: "Paiement bloqué (score de risque 0/100). Aucun contrôle n'a relevé de signal : la décision vient des règles ou des listes de l'organisation.",
    },
    {
      name: "a detector that failed",
      decision: "ALLOW" as const,
      riskScore: 0,
      contributions: [
        ...clean,
        { ...noHit("radar_passthrough"), status: "failed" as const, evidence: { error: "boom" } },
      ],
      action: "allow",
      en: "Payment allowed (risk score 0/100). No fraud signal found (5 checks run). 1 check could not run.",
      fr: "Paiement accepté (score de risque 0/100). Aucun signal de fraude relevé (5 contrôles exécutés). 1 contrôle n'a pas pu s'exécuter.",
    },
  ])("$name", ({ decision, riskScore, contributions, action, en, fr }) => {
    for (const [language, summary] of [
      ["en", en],
      ["fr", fr],
    ] as const) {
      const explanation = explainWithTemplates({ decision, riskScore, contributions, language });
      expect(plain(explanation.summary)).toBe(summary);
      expect(explanation).toMatchObject({ recommendedAction: action, language, source: "template" });
      expect(Explanation.safeParse(explanation).success).toBe(true);
    }
  });
});

describe("explainWithTemplates", () => {
  it("orders factors by score, keeping the trace's order on ties", () => {
    const hits = HITS.map((row) => row.hit);
    const signals = explain(hits, "en").factors.map((factor) => factor.signal);
    expect(signals.slice(0, 4)).toEqual([
      "card_testing_enumeration",
      "merchant_decline_spike",
      "radar_outcome_blocked",
      "card_testing_repeated_declines",
    ]);
    const weights = explain(hits, "en").factors.map((factor) => factor.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it("is deterministic and leaves out detectors that did not hit", () => {
    const contributions = [...DETECTORS.map(noHit), HITS[0]!.hit];
    expect(explain(contributions, "fr")).toEqual(explain(contributions, "fr"));
    expect(explain(contributions, "fr").factors.map((f) => f.signal)).toEqual(["velocity_high"]);
  });

  it("takes the engine's confidence, else the share of detectors that ran", () => {
    const contributions = [HITS[0]!.hit, { ...noHit("card_profile"), status: "failed" as const }];
    const base = { decision: "REVIEW" as const, riskScore: 43, contributions, language: "en" as const };
    expect(explainWithTemplates({ ...base, confidence: 0.82 }).confidence).toBe(0.82);
    expect(explainWithTemplates(base).confidence).toBe(0.5);
  });

  it("never cites personal data, even when evidence carries some", () => {
    const personal = {
      email: "jane.doe@example.com",
      ip_address: "203.0.113.77",
      card_last4: 4242,
      card_number: "4242424242424242",
      name: "Jane Doe",
    };
    // Personal data in the keys templates read, and beside them.
    const poisoned = HITS.map(({ hit }) => ({
      ...hit,
      evidence: {
        ...hit.evidence,
        ...personal,
        entity: "203.0.113.77",
        decline_code: "jane.doe@example.com",
        currency: "4242424242424242",
      },
      message: "jane.doe@example.com from 203.0.113.77",
    }));
    for (const language of ["en", "fr"] as const) {
      const text = JSON.stringify(explain(poisoned, language));
      for (const value of ["jane", "example.com", "203.0.113", "4242", "Doe"])
        expect(text).not.toContain(value);
    }
  });
});

import { readFileSync } from "node:fs";
import { testkitFixturePath } from "./fixture-path";

/** The vendored Stripe payload sources (folders of `fixtures/stripe/`, each with its license; see SOURCES.tsv). */
export type StripeFixtureSource = "ruby-mock" | "braze-docs" | "dj-stripe" | "stripe-java" | "openapi";

/** A Stripe payload as written by others: an event or a bare object, of whatever API version it was captured at. */
export type StripeFixture = Record<string, unknown>;

/** Reads one vendored Stripe JSON payload. Each call returns a fresh copy, so tests may mutate it. */
export function loadStripeFixture(source: StripeFixtureSource, file: string): StripeFixture {
  const parsed: unknown = JSON.parse(readFileSync(testkitFixturePath("stripe", source, file), "utf8"));
  if (!isRecord(parsed)) throw new Error(`stripe fixture ${source}/${file} is not a JSON object`);
  return parsed;
}

/**
 * One example object from Stripe's OpenAPI fixtures (current API version, placeholder values), e.g. `charge`,
 * `payment_intent`. The file keeps them under `resources`, keyed by object kind.
 */
export function loadOpenapiExample(resource: string): StripeFixture {
  const { resources } = loadStripeFixture("openapi", "fixtures3_fraud_subset.json");
  const example = isRecord(resources) ? resources[resource] : undefined;
  if (!isRecord(example)) throw new Error(`no openapi example for ${resource}`);
  return example;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

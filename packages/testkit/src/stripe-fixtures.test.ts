import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testkitFixturePath } from "./fixture-path";
import { loadOpenapiExample, loadStripeFixture } from "./stripe-fixtures";

const stripeDir = testkitFixturePath("stripe");
const sources = readdirSync(stripeDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());

describe("vendored fixtures", () => {
  it.each(sources.map((entry) => entry.name))("%s carries its license and a SOURCES.tsv row", (source) => {
    const files = readdirSync(testkitFixturePath("stripe", source));
    expect(files.some((file) => /^(LICENSE|NOTICE)/.test(file))).toBe(true);
    const rows = readFileSync(testkitFixturePath("stripe", "SOURCES.tsv"), "utf8").split("\n");
    expect(rows.some((row) => row.startsWith(`stripe/${source}/`))).toBe(true);
  });

  it("keeps the Sparkov dataset with its sources and license", () => {
    for (const file of [
      "fraudTest_balanced2144rows.csv",
      "SOURCES.tsv",
      "LICENSE_daniellereale_ML-Project.txt",
    ]) {
      expect(existsSync(testkitFixturePath("sparkov", file))).toBe(true);
    }
  });

  it("loads events, bare objects and openapi examples as fresh copies", () => {
    const event = loadStripeFixture("ruby-mock", "charge.succeeded.json");
    expect(event).toMatchObject({ object: "event", type: "charge.succeeded" });
    event.type = "mutated";
    expect(loadStripeFixture("ruby-mock", "charge.succeeded.json").type).toBe("charge.succeeded");
    expect(loadStripeFixture("stripe-java", "charge_with_review.json")).toMatchObject({ object: "charge" });
    expect(loadOpenapiExample("payment_intent")).toMatchObject({
      object: "payment_intent",
      latest_charge: null,
    });
    expect(() => loadOpenapiExample("nope")).toThrow();
  });
});

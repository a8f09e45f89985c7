import { describe, expect, it } from "vitest";
import { CurrencyRateMissingError, convert } from "./convert";
import { currencyDecimals, toMajorUnits } from "./minor-units";
import { EUR_PER_UNIT, RATES_AS_OF } from "./rates";

describe("toMajorUnits", () => {
  it.each([
    { amount: 1000, currency: "jpy", expected: 1000 },
    { amount: 1000, currency: "JPY", expected: 1000 },
    { amount: 50_000, currency: "krw", expected: 50_000 },
    { amount: 1999, currency: "eur", expected: 19.99 },
    { amount: 5, currency: "usd", expected: 0.05 },
    { amount: 1000, currency: "kwd", expected: 1 },
    { amount: 1234, currency: "bhd", expected: 1.234 },
    { amount: 0, currency: "gbp", expected: 0 },
    { amount: 199, currency: "xyz", expected: 1.99 },
  ])("$amount $currency → $expected", ({ amount, currency, expected }) => {
    expect(toMajorUnits(amount, currency)).toBe(expected);
  });

  it.each([
    ["clp", 0],
    ["vnd", 0],
    ["kwd", 3],
    ["eur", 2],
  ] as const)("%s has %i decimals", (currency, decimals) => {
    expect(currencyDecimals(currency)).toBe(decimals);
  });
});

describe("convert", () => {
  it.each([
    { amount: 1999, from: "eur", to: "eur", expected: 19.99 },
    { amount: 10_000, from: "usd", to: "eur", expected: 92 },
    { amount: 10_000, from: "eur", to: "usd", expected: 108.7 },
    { amount: 1000, from: "jpy", to: "eur", expected: 6.1 },
    { amount: 1000, from: "eur", to: "jpy", expected: 1639 },
    { amount: 1000, from: "kwd", to: "eur", expected: 3 },
    { amount: 300, from: "eur", to: "kwd", expected: 1 },
  ])("$amount $from → $expected $to", ({ amount, from, to, expected }) => {
    expect(convert(amount, from, to)).toBe(expected);
  });

  it("refuses a currency the table does not hold, with a code", () => {
    expect(() => convert(100, "xyz", "eur")).toThrow(CurrencyRateMissingError);
    expect(() => convert(100, "eur", "xyz")).toThrow(/XYZ/);
  });

  it("is dated and holds about twenty currencies, every rate positive", () => {
    expect(RATES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(EUR_PER_UNIT).length).toBeGreaterThanOrEqual(20);
    for (const rate of Object.values(EUR_PER_UNIT)) expect(rate).toBeGreaterThan(0);
  });
});

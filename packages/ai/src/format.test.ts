import { describe, expect, it } from "vitest";
import { formatAmount, formatDecimal, formatList, formatPercent, plural } from "./format";

describe("formatting numbers for explanations", () => {
  it.each([
    [() => formatAmount(125_000, "eur", "en"), "1,250.00 EUR"],
    [() => formatAmount(125_000, "eur", "fr"), "1\u00a0250,00 EUR"],
    [() => formatAmount(1_500, "JPY", "fr"), "1\u00a0500 JPY"],
    [() => formatAmount(1_234, "kwd", "en"), "1.234 KWD"],
    [() => formatPercent(0.625, "en"), "63%"],
    [() => formatPercent(0.625, "fr"), "63\u00a0%"],
    [() => formatDecimal(6.25, "fr"), "6,3"],
    [() => formatDecimal(3, "en"), "3"],
    [() => formatList(["a", "b", "c"], "fr"), "a, b et c"],
    [() => formatList(["a"], "en"), "a"],
    [() => plural(0, "fr", "carte", "cartes"), "carte"],
    [() => plural(0, "en", "card", "cards"), "cards"],
  ])("%#", (format, expected) => {
    expect(format()).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { expectTruthTable } from "../../test-helpers/truth-table";
import { includes } from "./includes";
import { RuleEvaluationError } from "./operator";

describe("includes (includes.symbol)", () => {
  it.each([
    ["fraudster@example.com", "fraud", true],
    ["shopper@example.com", "fraud", false],
    ["abc", "", true],
  ] as const)("%j includes %j → %s", (left, right, expected) => {
    expect(includes.apply(left, right)).toBe(expected);
  });

  it("is unknown when either side is missing", () => {
    expectTruthTable(includes, "fraudster", "fraud", true);
  });

  it("refuses operands of the wrong kind", () => {
    expect(() => includes.apply(1, "1")).toThrow(RuleEvaluationError);
  });
});

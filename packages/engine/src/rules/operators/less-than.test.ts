import { describe, expect, it } from "vitest";
import { expectTruthTable } from "../../test-helpers/truth-table";
import { lessThan } from "./less-than";
import { RuleEvaluationError } from "./operator";

describe("lessThan (lessThan.symbol)", () => {
  it.each([
    [1, 2, true],
    [2, 2, false],
    [3, 2, false],
    [-1.5, 0, true],
  ] as const)("%j lessThan %j → %s", (left, right, expected) => {
    expect(lessThan.apply(left, right)).toBe(expected);
  });

  it("is unknown when either side is missing", () => {
    expectTruthTable(lessThan, 1, 2, true);
  });

  it("refuses operands of the wrong kind", () => {
    expect(() => lessThan.apply("a", "b")).toThrow(RuleEvaluationError);
  });
});

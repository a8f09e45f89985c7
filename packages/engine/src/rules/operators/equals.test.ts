import { describe, expect, it } from "vitest";
import { expectTruthTable } from "../../test-helpers/truth-table";
import { equals } from "./equals";
import { RuleEvaluationError } from "./operator";

describe("equals (equals.symbol)", () => {
  it.each([
    ["prepaid", "prepaid", true],
    ["prepaid", "credit", false],
    [300, 300, true],
    [19.99, 19.99, true],
    [1, 2, false],
    [true, true, true],
    [true, false, false],
  ] as const)("%j equals %j → %s", (left, right, expected) => {
    expect(equals.apply(left, right)).toBe(expected);
  });

  it("is unknown when either side is missing", () => {
    expectTruthTable(equals, "FR", "FR", true);
  });

  it("refuses operands of the wrong kind", () => {
    expect(() => equals.apply(1, "1")).toThrow(RuleEvaluationError);
  });
});

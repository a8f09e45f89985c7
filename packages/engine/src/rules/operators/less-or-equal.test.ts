import { describe, expect, it } from "vitest";
import { expectTruthTable } from "../../test-helpers/truth-table";
import { lessOrEqual } from "./less-or-equal";
import { RuleEvaluationError } from "./operator";

describe("lessOrEqual (lessOrEqual.symbol)", () => {
  it.each([
    [2, 2, true],
    [1, 2, true],
    [3, 2, false],
  ] as const)("%j lessOrEqual %j → %s", (left, right, expected) => {
    expect(lessOrEqual.apply(left, right)).toBe(expected);
  });

  it("is unknown when either side is missing", () => {
    expectTruthTable(lessOrEqual, 2, 2, true);
  });

  it("refuses operands of the wrong kind", () => {
    expect(() => lessOrEqual.apply(true, 1)).toThrow(RuleEvaluationError);
  });
});

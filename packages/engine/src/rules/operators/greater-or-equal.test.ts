import { describe, expect, it } from "vitest";
import { expectTruthTable } from "../../test-helpers/truth-table";
import { greaterOrEqual } from "./greater-or-equal";
import { RuleEvaluationError } from "./operator";

describe("greaterOrEqual (greaterOrEqual.symbol)", () => {
  it.each([
    [3, 3, true],
    [4, 3, true],
    [2, 3, false],
  ] as const)("%j greaterOrEqual %j → %s", (left, right, expected) => {
    expect(greaterOrEqual.apply(left, right)).toBe(expected);
  });

  it("is unknown when either side is missing", () => {
    expectTruthTable(greaterOrEqual, 3, 3, true);
  });

  it("refuses operands of the wrong kind", () => {
    expect(() => greaterOrEqual.apply(3, "3")).toThrow(RuleEvaluationError);
  });
});

import { describe, expect, it } from "vitest";
import { expectTruthTable } from "../../test-helpers/truth-table";
import { notEquals } from "./not-equals";
import { RuleEvaluationError } from "./operator";

describe("notEquals (notEquals.symbol)", () => {
  it.each([
    ["FR", "NG", true],
    ["FR", "FR", false],
    [0, 0, false],
    [0, 1, true],
    [false, true, true],
  ] as const)("%j notEquals %j → %s", (left, right, expected) => {
    expect(notEquals.apply(left, right)).toBe(expected);
  });

  it("is unknown when either side is missing", () => {
    expectTruthTable(notEquals, "FR", "NG", true);
  });

  it("refuses operands of the wrong kind", () => {
    expect(() => notEquals.apply(1, "1")).toThrow(RuleEvaluationError);
  });
});

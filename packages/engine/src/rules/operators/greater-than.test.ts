import { describe, expect, it } from "vitest";
import { expectTruthTable } from "../../test-helpers/truth-table";
import { greaterThan } from "./greater-than";
import { RuleEvaluationError } from "./operator";

describe("greaterThan (greaterThan.symbol)", () => {
  it.each([
    [301, 300, true],
    [300, 300, false],
    [299.99, 300, false],
  ] as const)("%j greaterThan %j → %s", (left, right, expected) => {
    expect(greaterThan.apply(left, right)).toBe(expected);
  });

  it("is unknown when either side is missing", () => {
    expectTruthTable(greaterThan, 301, 300, true);
  });

  it("refuses operands of the wrong kind", () => {
    expect(() => greaterThan.apply("b", 1)).toThrow(RuleEvaluationError);
  });
});

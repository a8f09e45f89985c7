import { describe, expect, it } from "vitest";
import { expectTruthTable } from "../../test-helpers/truth-table";
import { like } from "./like";
import { RuleEvaluationError } from "./operator";

describe("like (like.symbol)", () => {
  it.each([
    ["fraud42@example.com", "fraud%@example.com", true],
    ["fraud@example.com", "fraud%@example.com", true],
    ["xfraud@example.com", "fraud%@example.com", false],
    ["a.b", "a.b", true],
    ["axb", "a.b", false],
    ["GIFT-CARD-10", "GIFT-%", true],
    ["anything", "%", true],
    ["multi\nline", "multi%", true],
    ["a+b(c)", "a+b(%)", true],
  ] as const)("%j like %j → %s", (left, right, expected) => {
    expect(like.apply(left, right)).toBe(expected);
  });

  it("is unknown when either side is missing", () => {
    expectTruthTable(like, "GIFT-1", "GIFT-%", true);
  });

  it("refuses operands of the wrong kind", () => {
    expect(() => like.apply(1, "%")).toThrow(RuleEvaluationError);
  });
});

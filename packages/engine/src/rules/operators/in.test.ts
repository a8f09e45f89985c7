import { describe, expect, it } from "vitest";
import { expectTruthTable } from "../../test-helpers/truth-table";
import { isIn } from "./in";
import { RuleEvaluationError, type Scalar } from "./operator";

describe("isIn (in)", () => {
  it.each<[Scalar, Scalar[], boolean]>([
    ["NG", ["NG", "GH"], true],
    ["FR", ["NG", "GH"], false],
    [65, [65, 70], true],
    [66, [65, 70], false],
    ["FR", [], false],
  ])("%j in %j → %s", (left, values, expected) => {
    expect(isIn.apply(left, values)).toBe(expected);
  });

  it("is unknown when the value is missing (and when the set is, for completeness)", () => {
    expectTruthTable(isIn, "NG", ["NG"], true);
  });

  it("looks a list up as a Set, and refuses a number against it", () => {
    const list: ReadonlySet<string> = new Set(["vip@shop.test"]);
    expect(isIn.apply("vip@shop.test", list)).toBe(true);
    expect(isIn.apply("other@shop.test", list)).toBe(false);
    expectTruthTable(isIn, "vip@shop.test", list, true);
    expect(() => isIn.apply(1, list)).toThrow(RuleEvaluationError);
  });

  it("refuses a set of another kind", () => {
    expect(() => isIn.apply(1, ["1"])).toThrow(RuleEvaluationError);
  });
});

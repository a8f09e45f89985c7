import { expect } from "vitest";
import { applyOperator, type Operator } from "../rules/operators/operator";

type Side = "present" | "missing";

/**
 * The three-valued table every operator must satisfy: with both sides present it answers
 * `presentResult`; with either side missing it answers unknown (`null`), never false.
 */
export function expectTruthTable<Right>(
  operator: Operator<Right>,
  left: Parameters<Operator<Right>["apply"]>[0],
  right: Right,
  presentResult: boolean,
): void {
  const sides: ReadonlyArray<readonly [Side, Side]> = [
    ["present", "present"],
    ["present", "missing"],
    ["missing", "present"],
    ["missing", "missing"],
  ];
  for (const [leftSide, rightSide] of sides) {
    const result = applyOperator(
      operator,
      leftSide === "present" ? left : null,
      rightSide === "present" ? right : null,
    );
    const expected = leftSide === "present" && rightSide === "present" ? presentResult : null;
    expect(result, `${leftSide} ${operator.symbol} ${rightSide}`).toBe(expected);
  }
}

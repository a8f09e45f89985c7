import type { Truth } from "../logic";

/** A present value; missing (`null`) never reaches an operator's `apply`, see `applyOperator`. */
export type Scalar = string | number | boolean;

/** Errors in evaluation carry a code and are recorded on the rule's outcome. */
export class RuleEvaluationError extends Error {
  constructor(
    readonly code: "type_mismatch" | "unknown_attribute" | "unknown_list",
    message: string,
  ) {
    super(message);
    this.name = "RuleEvaluationError";
  }
}

/** One binary operator: a small pure function over two present values of the kind it accepts. */
export type Operator<Right = Scalar> = {
  symbol: string;
  apply: (left: Scalar, right: Right) => boolean;
};

/** Three-valued: a comparison with a missing side is unknown, whatever the operator. */
export function applyOperator<Right>(
  operator: Operator<Right>,
  left: Scalar | null,
  right: Right | null,
): Truth {
  if (left === null || right === null) return null;
  return operator.apply(left, right);
}

export function requireSameKind(symbol: string, left: Scalar, right: Scalar): void {
  if (typeof left !== typeof right)
    throw new RuleEvaluationError(
      "type_mismatch",
      `${symbol} compares a ${typeof left} (${String(left)}) with a ${typeof right} (${String(right)})`,
    );
}

export function requireNumbers(symbol: string, left: Scalar, right: Scalar): [number, number] {
  if (typeof left !== "number" || typeof right !== "number")
    throw new RuleEvaluationError(
      "type_mismatch",
      `${symbol} needs numbers, got ${String(left)} and ${String(right)}`,
    );
  return [left, right];
}

export function requireStrings(symbol: string, left: Scalar, right: Scalar): [string, string] {
  if (typeof left !== "string" || typeof right !== "string")
    throw new RuleEvaluationError(
      "type_mismatch",
      `${symbol} needs text, got ${String(left)} and ${String(right)}`,
    );
  return [left, right];
}

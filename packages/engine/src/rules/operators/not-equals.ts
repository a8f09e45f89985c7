import { type Operator, requireSameKind } from "./operator";

/** Not the negation of a missing `=`: both are unknown when a side is missing (see applyOperator). */
export const notEquals: Operator = {
  symbol: "!=",
  apply: (left, right) => {
    requireSameKind("!=", left, right);
    return left !== right;
  },
};

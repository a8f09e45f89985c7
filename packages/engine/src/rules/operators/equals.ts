import { type Operator, requireSameKind } from "./operator";

export const equals: Operator = {
  symbol: "=",
  apply: (left, right) => {
    requireSameKind("=", left, right);
    return left === right;
  },
};

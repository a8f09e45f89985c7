import { type Operator, requireNumbers } from "./operator";

export const lessThan: Operator = {
  symbol: "<",
  apply: (left, right) => {
    const [a, b] = requireNumbers("<", left, right);
    return a < b;
  },
};

import { type Operator, requireSameKind, type Scalar } from "./operator";

/** Membership in a literal set or a list; the set itself is never missing (a missing list is an error). */
export const isIn: Operator<readonly Scalar[]> = {
  symbol: "in",
  apply: (left, values) =>
    values.some((value) => {
      requireSameKind("in", left, value);
      return value === left;
    }),
};

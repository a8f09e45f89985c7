import { type Operator, RuleEvaluationError, requireSameKind, type Scalar } from "./operator";

/** A literal set (`in ('CA', 'DE')`) or a list's items prepared as a Set, so large lists cost one lookup. */
export type InValues = readonly Scalar[] | ReadonlySet<string>;

/** Membership; the set itself is never missing (a missing list is an error, not an unknown). */
export const isIn: Operator<InValues> = {
  symbol: "in",
  apply: (left, values) => {
    if (!Array.isArray(values)) {
      if (typeof left !== "string")
        throw new RuleEvaluationError("type_mismatch", `in a list needs text, got ${String(left)}`);
      return (values as ReadonlySet<string>).has(left);
    }
    return values.some((value) => {
      requireSameKind("in", left, value);
      return value === left;
    });
  },
};

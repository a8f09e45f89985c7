import type { ComparisonOperator } from "../ast";
import { equals } from "./equals";
import { greaterOrEqual } from "./greater-or-equal";
import { greaterThan } from "./greater-than";
import { includes } from "./includes";
import { lessOrEqual } from "./less-or-equal";
import { lessThan } from "./less-than";
import { like } from "./like";
import { notEquals } from "./not-equals";
import type { Operator } from "./operator";

export const COMPARISON_OPERATORS: Readonly<Record<ComparisonOperator, Operator>> = {
  "=": equals,
  "!=": notEquals,
  "<": lessThan,
  ">": greaterThan,
  "<=": lessOrEqual,
  ">=": greaterOrEqual,
  includes,
  like,
};

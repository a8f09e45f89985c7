import type { FeatureVector } from "../features/catalogue";
import type { Transaction } from "../transaction";
import type { Condition, Literal, Operand } from "./ast";
import { type AttributeValue, resolveAttribute } from "./attributes/attribute";
import type { AttributeRegistry } from "./attributes/registry";
import { and, not, or, type Truth } from "./logic";
import { isIn } from "./operators/in";
import { applyOperator, RuleEvaluationError, type Scalar } from "./operators/operator";
import { COMPARISON_OPERATORS } from "./operators/registry";

export type RuleInput = {
  transaction: Transaction;
  features: FeatureVector;
  /** Value lists by name (`@vip_customers`), their items as text. */
  lists?: Readonly<Record<string, readonly string[]>>;
  /** The customer's metadata, for `::customer:key::`; missing keys are missing values. */
  customerMetadata?: Readonly<Record<string, string>>;
  now: Date;
  registry?: AttributeRegistry;
};

/** A value as read, with whether it may be case-folded (Radar compares most strings case-insensitively). */
type Read = { value: AttributeValue; exact: boolean; metadata: boolean };

/** One payment's values, resolved once and shared by every rule; `seen` is per rule. */
export type Scope = {
  input: RuleInput;
  registry: AttributeRegistry;
  cache: Map<string, AttributeValue>;
  seen: Record<string, AttributeValue>;
};

function read(scope: Scope, operand: Operand): Read {
  switch (operand.type) {
    case "attribute": {
      const definition = scope.registry.get(operand.name);
      if (!definition)
        throw new RuleEvaluationError("unknown_attribute", `Unknown attribute :${operand.name}:`);
      let value = scope.cache.get(operand.name);
      if (value === undefined) {
        value = resolveAttribute(definition, {
          transaction: scope.input.transaction,
          features: scope.input.features,
        });
        scope.cache.set(operand.name, value);
      }
      scope.seen[operand.name] = value;
      return { value, exact: definition.caseSensitive === true, metadata: false };
    }
    case "metadata": {
      const source =
        operand.scope === "customer" ? scope.input.customerMetadata : scope.input.transaction.metadata;
      const value = source?.[operand.key] ?? null;
      scope.seen[`${operand.scope === "customer" ? "customer_metadata" : "metadata"}.${operand.key}`] = value;
      // Radar: metadata compared as text is case-sensitive.
      return { value, exact: true, metadata: true };
    }
    default:
      return { value: operand.value, exact: false, metadata: false };
  }
}

/** Metadata is text; compared with a number it must read as one, or the rule errors (never a guess). */
function coerce(side: Read, other: Read): Scalar | null {
  const { value } = side;
  if (value === null || !side.metadata || typeof other.value !== "number") return value;
  const number =
    typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isNaN(number))
    throw new RuleEvaluationError("type_mismatch", `Metadata value '${String(value)}' is not a number`);
  return number;
}

function fold(value: Scalar | null, exact: boolean): Scalar | null {
  return typeof value === "string" && !exact ? value.toLowerCase() : value;
}

/** Folded Sets per list array: callers pass the same arrays for many payments, so this is built once. */
const listSets = new WeakMap<readonly string[], Map<boolean, ReadonlySet<string>>>();

function listSet(scope: Scope, name: string, exact: boolean): ReadonlySet<string> {
  const list = scope.input.lists?.[name];
  if (!list) throw new RuleEvaluationError("unknown_list", `List @${name} was not provided`);
  let byExactness = listSets.get(list);
  if (!byExactness) {
    byExactness = new Map();
    listSets.set(list, byExactness);
  }
  let set = byExactness.get(exact);
  if (!set) {
    set = new Set(exact ? list : list.map((item) => item.toLowerCase()));
    byExactness.set(exact, set);
  }
  return set;
}

/** Evaluates every child (no short-circuit) so the trace shows every value the rule could read. */
export function evaluateCondition(condition: Condition, scope: Scope): Truth {
  switch (condition.type) {
    case "and":
      return and(condition.conditions.map((child) => evaluateCondition(child, scope)));
    case "or":
      return or(condition.conditions.map((child) => evaluateCondition(child, scope)));
    case "not":
      return not(evaluateCondition(condition.condition, scope));
    case "is_missing":
      return read(scope, condition.operand).value === null;
    case "truthy": {
      const { value } = read(scope, condition.operand);
      if (value !== null && typeof value !== "boolean")
        throw new RuleEvaluationError("type_mismatch", `${String(value)} is not a boolean`);
      return value;
    }
    case "compare": {
      const left = read(scope, condition.left);
      const right = read(scope, condition.right);
      const exact = left.exact || right.exact;
      return applyOperator(
        COMPARISON_OPERATORS[condition.operator],
        fold(coerce(left, right), exact),
        fold(coerce(right, left), exact),
      );
    }
    case "in": {
      const left = read(scope, condition.left);
      if (condition.right.type === "list") {
        const set = listSet(scope, condition.right.name, left.exact);
        return applyOperator(isIn, fold(left.value, left.exact), set);
      }
      const values = condition.right.values.map((literal: Literal) => literal.value);
      const sample: Read = { value: typeof values[0] === "number" ? 0 : "", exact: false, metadata: false };
      return applyOperator(
        isIn,
        fold(coerce(left, sample), left.exact),
        values.map((value) => fold(value, left.exact) as Scalar),
      );
    }
  }
}

import type { Condition, Operand, RuleAst } from "./ast";
import type { AttributeType } from "./attributes/attribute";
import { type AttributeRegistry, DEFAULT_ATTRIBUTE_REGISTRY, suggestAttribute } from "./attributes/registry";
import type { Spans } from "./parser";
import { printOperand } from "./printer";
import { atPosition, RuleError } from "./rule-error";

/** Metadata values are text that Radar also compares as numbers, so they fit a string or a number. */
type OperandType = AttributeType | "metadata";

type Checker = { registry: AttributeRegistry; spans: Spans | undefined; errors: RuleError[] };

function position(checker: Checker, node: object) {
  return checker.spans?.get(node) ?? null;
}

function describe(operand: Operand, type: OperandType): string {
  const text = operand.type === "attribute" ? `\`${printOperand(operand)}\`` : printOperand(operand);
  return type === "metadata" ? `${text} is metadata (text)` : `${text} is a ${type}`;
}

function typeOf(checker: Checker, operand: Operand): OperandType | null {
  if (operand.type === "metadata") return "metadata";
  if (operand.type !== "attribute") return operand.type;
  const definition = checker.registry.get(operand.name);
  if (definition) return definition.type;
  const where = position(checker, operand);
  const suggestion = suggestAttribute(checker.registry, operand.name);
  const hint = suggestion ? ` Did you mean :${suggestion}:?` : "";
  checker.errors.push(
    new RuleError(
      "unknown_attribute",
      `Unknown attribute :${operand.name}:${atPosition(where)}.${hint}`,
      where,
      suggestion ?? null,
    ),
  );
  return null;
}

function fits(type: OperandType, wanted: AttributeType): boolean {
  return type === wanted || (type === "metadata" && wanted !== "boolean");
}

function mismatch(checker: Checker, node: object, message: string): void {
  const where = position(checker, node);
  checker.errors.push(new RuleError("type_error", `Type mismatch${atPosition(where)}: ${message}.`, where));
}

function checkCompare(checker: Checker, condition: Extract<Condition, { type: "compare" }>): void {
  const { operator, left, right } = condition;
  const leftType = typeOf(checker, left);
  const rightType = typeOf(checker, right);
  if (!leftType || !rightType) return;
  const both = `${describe(left, leftType)}; ${describe(right, rightType)}`;
  if (operator === "=" || operator === "!=") {
    const compatible =
      leftType === rightType ||
      (leftType === "metadata" && rightType !== "boolean") ||
      (rightType === "metadata" && leftType !== "boolean");
    if (!compatible) mismatch(checker, left, both);
  } else if (operator === "includes" || operator === "like") {
    if (!fits(leftType, "string") || !fits(rightType, "string"))
      mismatch(checker, left, `${operator} needs text: ${both}`);
    else if (operator === "like" && right.type !== "string")
      mismatch(checker, right, `like needs a quoted pattern on the right, such as '%@example.com'`);
  } else if (!fits(leftType, "number") || !fits(rightType, "number")) {
    mismatch(checker, left, `${operator} needs numbers: ${both}`);
  }
}

function checkIn(checker: Checker, condition: Extract<Condition, { type: "in" }>): void {
  const leftType = typeOf(checker, condition.left);
  if (!leftType) return;
  if (condition.right.type === "list") {
    if (!fits(leftType, "string"))
      mismatch(checker, condition.left, `${describe(condition.left, leftType)}; lists (@name) hold text`);
    return;
  }
  for (const value of condition.right.values) {
    const compatible = leftType === value.type || (leftType === "metadata" && value.type !== "boolean");
    if (!compatible)
      mismatch(checker, value, `${describe(condition.left, leftType)}; ${describe(value, value.type)}`);
  }
}

function checkCondition(checker: Checker, condition: Condition): void {
  switch (condition.type) {
    case "and":
    case "or":
      for (const child of condition.conditions) checkCondition(checker, child);
      return;
    case "not":
      checkCondition(checker, condition.condition);
      return;
    case "compare":
      checkCompare(checker, condition);
      return;
    case "in":
      checkIn(checker, condition);
      return;
    case "is_missing":
      typeOf(checker, condition.operand);
      return;
    case "truthy": {
      const type = typeOf(checker, condition.operand);
      if (type && type !== "boolean")
        mismatch(
          checker,
          condition.operand,
          `${describe(condition.operand, type)}; a condition on its own needs a boolean (compare it with a value)`,
        );
    }
  }
}

/** Every unknown attribute and type error of a rule, in text order when positions are known. */
export function checkRule(
  rule: RuleAst,
  options: { registry?: AttributeRegistry; spans?: Spans } = {},
): RuleError[] {
  const checker: Checker = {
    registry: options.registry ?? DEFAULT_ATTRIBUTE_REGISTRY,
    spans: options.spans,
    errors: [],
  };
  checkCondition(checker, rule.condition);
  return checker.errors;
}

import type { Condition, Operand, RuleAction, RuleAst } from "./ast";

const ACTION_TEXT: Readonly<Record<RuleAction, string>> = {
  allow: "Allow",
  review: "Review",
  block: "Block",
  request_3ds: "Request 3D Secure",
};

function printString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
}

export function printOperand(operand: Operand): string {
  switch (operand.type) {
    case "attribute":
      return `:${operand.name}:`;
    case "metadata":
      return operand.scope === "customer" ? `::customer:${operand.key}::` : `::${operand.key}::`;
    case "string":
      return printString(operand.value);
    case "number":
      return String(operand.value);
    case "boolean":
      return String(operand.value);
  }
}

/**
 * Parentheses only where the structure needs them: `and` binds tighter than `or`, and a nested
 * `and`/`or` of the same kind keeps its parentheses so print → parse gives back the same tree.
 */
function printChild(child: Condition, parent: "and" | "or" | "not"): string {
  const text = printCondition(child);
  const needs =
    (parent === "not" && (child.type === "and" || child.type === "or")) ||
    (parent === "and" && (child.type === "and" || child.type === "or")) ||
    (parent === "or" && child.type === "or");
  return needs ? `(${text})` : text;
}

export function printCondition(condition: Condition): string {
  switch (condition.type) {
    case "and":
    case "or":
      return condition.conditions
        .map((child) => printChild(child, condition.type))
        .join(` ${condition.type} `);
    case "not":
      return `not ${printChild(condition.condition, "not")}`;
    case "compare":
      return `${printOperand(condition.left)} ${condition.operator} ${printOperand(condition.right)}`;
    case "in": {
      const right =
        condition.right.type === "list"
          ? `@${condition.right.name}`
          : `(${condition.right.values.map(printOperand).join(", ")})`;
      return `${printOperand(condition.left)} in ${right}`;
    }
    case "is_missing":
      return `is_missing(${printOperand(condition.operand)})`;
    case "truthy":
      return printOperand(condition.operand);
  }
}

/** The canonical text of a rule: what the dashboard shows and what a merchant can paste back. */
export function printRule(rule: RuleAst): string {
  return `${ACTION_TEXT[rule.action]} if ${printCondition(rule.condition)}`;
}
